package infra.observability;

import com.pulumi.core.Output;
import infra.config.Settings;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlarmsTest {
    static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    static final String TOPIC = "aws:sns/topic:Topic";

    /** Alerting and Alarms wired as the program wires them. */
    static RenderedStack render(Settings settings) {
        return Stacks.render(settings, ctx -> {
            Alerting alerting = new Alerting("alerts", new AlertingArgs(settings, Output.of(Fakes.MESSAGING_KEY)), null);
            new Alarms("alarms", new AlarmsArgs(settings, Fakes.resources(), alerting.infrastructureTopicArn(),
                    alerting.pagingTopicArn()), null);
        });
    }

    static String topicArn(RenderedStack stack, String logicalName) {
        return (String) stack.get(TOPIC, logicalName).outputMap().get("arn");
    }

    @Test
    void createsOneAlarmPerCatalogEntryNamedByEnvironmentAndTaggedWithPriority() {
        Settings settings = Stacks.settings("dev");

        RenderedStack stack = render(settings);

        List<AlarmSpec> catalog = AlarmCatalog.forStack(settings);
        assertEquals(catalog.size(), stack.ofType(ALARM).size());
        for (AlarmSpec spec : catalog) {
            CapturedResource alarm = stack.get(ALARM, "alarms-" + spec.id());
            assertEquals("dev-" + spec.id(), alarm.input("name").orElseThrow());
            assertEquals(Map.of("Environment", "dev", "Project", "order-processing", "Priority", spec.priority().name(),
                    "Component", spec.component()), alarm.input("tags").orElseThrow());
            assertEquals(spec.threshold(), alarm.input("threshold").orElseThrow());
            assertEquals(spec.comparison().aws(), alarm.input("comparisonOperator").orElseThrow());
            assertEquals(spec.missingData().aws(), alarm.input("treatMissingData").orElseThrow());
            assertEquals((double) spec.evaluationPeriods(), alarm.input("evaluationPeriods").orElseThrow());
            assertEquals(stack.get("order-processing:observability:Alarms", "alarms").urn(), alarm.parentUrn());
        }
    }

    @Test
    void everyAlarmNotifiesTheAlertsTopicOnAlarmAndOk() {
        RenderedStack stack = render(Stacks.settings("staging"));
        String alerts = topicArn(stack, "alerts-infrastructure");

        for (CapturedResource alarm : stack.ofType(ALARM)) {
            assertEquals(List.of(alerts), alarm.input("alarmActions").orElseThrow(), alarm.name());
            assertEquals(List.of(alerts), alarm.input("okActions").orElseThrow(), alarm.name());
            assertEquals(true, alarm.input("actionsEnabled").orElseThrow());
        }
    }

    @Test
    void p1AlarmsPageOnlyInProd() {
        RenderedStack prod = render(Stacks.settings("prod",
                Map.of("pagerDutyEndpoint", "https://events.pagerduty.com/integration/abc123/enqueue")));
        String alerts = topicArn(prod, "alerts-infrastructure");
        String paging = topicArn(prod, "alerts-paging");

        for (CapturedResource alarm : prod.ofType(ALARM)) {
            boolean p1 = alarm.input("tags.Priority").orElseThrow().equals("P1");
            List<String> expected = p1 ? List.of(alerts, paging) : List.of(alerts);
            assertEquals(expected, alarm.input("alarmActions").orElseThrow(), alarm.name());
            assertEquals(expected, alarm.input("okActions").orElseThrow(), alarm.name());
        }
        assertEquals(8, prod.ofType(ALARM).stream().filter(a -> a.input("tags.Priority").orElseThrow().equals("P1")).count());

        for (String env : List.of("dev", "staging")) {
            RenderedStack stack = render(Stacks.settings(env));
            assertTrue(stack.find(TOPIC, "alerts-paging").isEmpty(), env);
            for (CapturedResource alarm : stack.ofType(ALARM)) {
                assertEquals(1, ((List<?>) alarm.input("alarmActions").orElseThrow()).size(), env + " " + alarm.name());
            }
        }
    }

    @Test
    void dimensionsComeFromTheUpstreamOutputs() {
        RenderedStack stack = render(Stacks.settings("dev"));

        assertEquals(Map.of("LoadBalancer", Fakes.ALB_SUFFIX, "TargetGroup", Fakes.BACKEND_TG_SUFFIX),
                stack.get(ALARM, "alarms-alb-backend-unhealthy-hosts").input("dimensions").orElseThrow());
        assertEquals(Map.of("ClusterName", Fakes.CLUSTER, "ServiceName", Fakes.FRONTEND_SERVICE),
                stack.get(ALARM, "alarms-frontend-cpu-high").input("dimensions").orElseThrow());
        assertEquals(Map.of("DBClusterIdentifier", Fakes.DB_CLUSTER),
                stack.get(ALARM, "alarms-database-unavailable").input("dimensions").orElseThrow());
        assertEquals(Map.of("QueueName", Fakes.DLQ),
                stack.get(ALARM, "alarms-sqs-dlq-messages-detected").input("dimensions").orElseThrow());
        assertEquals(Map.of("QueueName", Fakes.QUEUE),
                stack.get(ALARM, "alarms-producer-no-messages-sent").input("dimensions").orElseThrow());
        assertEquals(Map.of("FunctionName", Fakes.FUNCTION),
                stack.get(ALARM, "alarms-producer-errors").input("dimensions").orElseThrow());
        assertEquals(Map.of("Environment", "dev", "Service", "backend"),
                stack.get(ALARM, "alarms-backend-database-query-slow").input("dimensions").orElseThrow());
    }

    @Test
    void percentilesUseExtendedStatisticAndTaskShortfallUsesMetricMath() {
        RenderedStack stack = render(Stacks.settings("dev"));

        CapturedResource latency = stack.get(ALARM, "alarms-alb-high-latency");
        assertEquals("p99", latency.input("extendedStatistic").orElseThrow());
        assertTrue(latency.input("statistic").isEmpty());
        assertEquals(60.0, latency.input("period").orElseThrow());

        CapturedResource shortfall = stack.get(ALARM, "alarms-backend-tasks-below-desired");
        assertTrue(shortfall.input("metricName").isEmpty());
        assertEquals("m1 - m2", shortfall.input("metricQueries.2.expression").orElseThrow());
        assertEquals(true, shortfall.input("metricQueries.2.returnData").orElseThrow());
        assertEquals("DesiredTaskCount", shortfall.input("metricQueries.0.metric.metricName").orElseThrow());
        assertEquals("RunningTaskCount", shortfall.input("metricQueries.1.metric.metricName").orElseThrow());
        assertEquals("ECS/ContainerInsights", shortfall.input("metricQueries.1.metric.namespace").orElseThrow());
        assertEquals(Map.of("ClusterName", Fakes.CLUSTER, "ServiceName", Fakes.BACKEND_SERVICE),
                shortfall.input("metricQueries.1.metric.dimensions").orElseThrow());
    }

    @Test
    void stackThresholdOverridesReachTheAlarm() {
        Settings settings = Stacks.settings("dev", Map.of("alarmThresholds", "{\"backend-cpu-high\": 70}"));

        RenderedStack stack = render(settings);

        assertEquals(70.0, stack.get(ALARM, "alarms-backend-cpu-high").input("threshold").orElseThrow());
        assertEquals(80.0, stack.get(ALARM, "alarms-frontend-cpu-high").input("threshold").orElseThrow());
    }
}
