package infra.observability;

import infra.config.Environment;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlarmCatalogTest {

    /**
     * The plan, alarm by alarm, for dev (Aurora maximum 2 ACU): id | namespace | metric | statistic |
     * comparison threshold | period s x evaluations (datapoints) | missing data | priority | dimensions.
     */
    static final List<String> PLAN_DEV = List.of(
            // Critical Alarms (P1) + Key Metrics tables
            "alb-backend-unhealthy-hosts | AWS/ApplicationELB | UnhealthyHostCount | Maximum | >= 1 | 60 x 1 (1) | notBreaching | P1 | BACKEND_TARGET_GROUP",
            "alb-frontend-unhealthy-hosts | AWS/ApplicationELB | UnhealthyHostCount | Maximum | >= 1 | 60 x 1 (1) | notBreaching | P1 | FRONTEND_TARGET_GROUP",
            "alb-high-latency | AWS/ApplicationELB | TargetResponseTime | p99 | > 2 | 60 x 5 (5) | notBreaching | P2 | LOAD_BALANCER",
            "alb-target-5xx-errors | AWS/ApplicationELB | HTTPCode_Target_5XX_Count | Sum | > 10 | 300 x 1 (1) | notBreaching | P2 | LOAD_BALANCER",
            "alb-target-4xx-errors | AWS/ApplicationELB | HTTPCode_Target_4XX_Count | Sum | > 50 | 300 x 1 (1) | notBreaching | P3 | LOAD_BALANCER",
            "backend-all-tasks-down | ECS/ContainerInsights | RunningTaskCount | Minimum | <= 0 | 60 x 1 (1) | breaching | P1 | BACKEND_SERVICE",
            "backend-tasks-below-desired | ECS/ContainerInsights | DesiredTaskCount-RunningTaskCount | Average | > 0 | 60 x 5 (5) | breaching | P1 | BACKEND_SERVICE",
            "backend-cpu-high | AWS/ECS | CPUUtilization | Average | > 80 | 60 x 5 (5) | notBreaching | P2 | BACKEND_SERVICE",
            "backend-memory-high | AWS/ECS | MemoryUtilization | Average | > 85 | 60 x 5 (5) | notBreaching | P2 | BACKEND_SERVICE",
            "frontend-all-tasks-down | ECS/ContainerInsights | RunningTaskCount | Minimum | <= 0 | 60 x 1 (1) | breaching | P1 | FRONTEND_SERVICE",
            "frontend-tasks-below-desired | ECS/ContainerInsights | DesiredTaskCount-RunningTaskCount | Average | > 0 | 60 x 5 (5) | breaching | P1 | FRONTEND_SERVICE",
            "frontend-cpu-high | AWS/ECS | CPUUtilization | Average | > 80 | 60 x 5 (5) | notBreaching | P2 | FRONTEND_SERVICE",
            "frontend-memory-high | AWS/ECS | MemoryUtilization | Average | > 85 | 60 x 5 (5) | notBreaching | P2 | FRONTEND_SERVICE",
            "database-unavailable | AWS/RDS | DatabaseConnections | Maximum | <= 0 | 60 x 2 (2) | breaching | P1 | DB_CLUSTER",
            "database-cpu-high | AWS/RDS | CPUUtilization | Average | > 80 | 60 x 5 (5) | notBreaching | P2 | DB_CLUSTER",
            "database-connections-high | AWS/RDS | DatabaseConnections | Maximum | > 360 | 60 x 5 (5) | notBreaching | P2 | DB_CLUSTER",
            "database-freeable-memory-low | AWS/RDS | FreeableMemory | Minimum | < 536870912 | 60 x 5 (5) | notBreaching | P3 | DB_CLUSTER",
            "database-read-latency-high | AWS/RDS | ReadLatency | Average | > 0.1 | 60 x 5 (5) | notBreaching | P3 | DB_CLUSTER",
            "database-write-latency-high | AWS/RDS | WriteLatency | Average | > 0.1 | 60 x 5 (5) | notBreaching | P3 | DB_CLUSTER",
            "database-capacity-high | AWS/RDS | ServerlessDatabaseCapacity | Maximum | > 1.8 | 60 x 5 (5) | notBreaching | P3 | DB_CLUSTER",
            "sqs-dlq-messages-detected | AWS/SQS | ApproximateNumberOfMessagesVisible | Maximum | > 0 | 60 x 1 (1) | notBreaching | P1 | DLQ",
            "producer-dlq-messages-detected | AWS/SQS | ApproximateNumberOfMessagesVisible | Maximum | > 0 | 60 x 1 (1) | notBreaching | P2 | PRODUCER_DLQ",
            "security-findings-dlq-messages-detected | AWS/SQS | ApproximateNumberOfMessagesVisible | Maximum | > 0 | 60 x 1 (1) | notBreaching | P2 | FINDINGS_DLQ",
            "sqs-oldest-message-age-high | AWS/SQS | ApproximateAgeOfOldestMessage | Maximum | > 300 | 60 x 5 (5) | notBreaching | P2 | QUEUE",
            "sqs-backlog-high | AWS/SQS | ApproximateNumberOfMessagesVisible | Maximum | > 100 | 60 x 5 (5) | notBreaching | P3 | QUEUE",
            "producer-no-messages-sent | AWS/SQS | NumberOfMessagesSent | Sum | < 1 | 300 x 6 (6) | breaching | P3 | QUEUE",
            "producer-errors | AWS/Lambda | Errors | Sum | > 0 | 300 x 1 (1) | notBreaching | P2 | PRODUCER_FUNCTION",
            "producer-throttles | AWS/Lambda | Throttles | Sum | > 0 | 300 x 1 (1) | notBreaching | P3 | PRODUCER_FUNCTION",
            "backend-database-query-slow | OrderProcessing/Application | DatabaseQueryDuration | p99 | > 1000 | 60 x 5 (5) | notBreaching | P3 | BACKEND_APPLICATION",
            "backend-api-latency-high | OrderProcessing/Application | APIRequestDuration | p99 | > 2000 | 60 x 5 (5) | notBreaching | P3 | BACKEND_APPLICATION");

    static String row(AlarmSpec a) {
        String metric = a.metricName() + a.minusMetricName().map(m -> "-" + m).orElse("");
        return a.id() + " | " + a.namespace() + " | " + metric + " | " + a.statistic() + " | " + a.comparison().symbol()
                + " " + num(a.threshold()) + " | " + a.periodSeconds() + " x " + a.evaluationPeriods() + " ("
                + a.datapointsToAlarm() + ") | " + a.missingData().aws() + " | " + a.priority() + " | " + a.target();
    }

    static String num(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    @Test
    void devCatalogMatchesThePlanAlarmByAlarm() {
        List<AlarmSpec> catalog = AlarmCatalog.forStack(Environment.DEV, 2.0, true, Map.of());

        assertEquals(String.join("\n", PLAN_DEV), catalog.stream().map(AlarmCatalogTest::row).collect(Collectors.joining("\n")));
    }

    @Test
    void withoutAFindingsDeadLetterQueueItsAlarmIsLeftOutAndNothingElse() {
        List<AlarmSpec> catalog = AlarmCatalog.forStack(Environment.DEV, 2.0, false, Map.of());

        List<String> expected = PLAN_DEV.stream().filter(r -> !r.startsWith("security-findings-dlq-messages-detected ")).toList();
        assertEquals(PLAN_DEV.size() - 1, expected.size());
        assertEquals(String.join("\n", expected), catalog.stream().map(AlarmCatalogTest::row).collect(Collectors.joining("\n")));
    }

    @Test
    void prodAddsTheRequestSilenceAlarmAndScalesDatabaseLimitsWithMaxAcu() {
        List<AlarmSpec> catalog = AlarmCatalog.forStack(Environment.PROD, 8.0, true, Map.of());
        Map<String, String> rows = catalog.stream().collect(Collectors.toMap(AlarmSpec::id, AlarmCatalogTest::row));

        assertEquals(PLAN_DEV.size() + 1, catalog.size());
        assertEquals("alb-no-requests | AWS/ApplicationELB | RequestCount | Sum | < 1 | 300 x 1 (1) | breaching | P3 | LOAD_BALANCER",
                rows.get("alb-no-requests"));
        // 8 ACU = 16 GiB: 1802 connections by PostgreSQL's default formula, 80% of it
        assertEquals(1802, AlarmCatalog.estimatedMaxConnections(8.0));
        assertEquals("database-connections-high | AWS/RDS | DatabaseConnections | Maximum | > 1441 | 60 x 5 (5) | notBreaching | P2 | DB_CLUSTER",
                rows.get("database-connections-high"));
        assertEquals("database-capacity-high | AWS/RDS | ServerlessDatabaseCapacity | Maximum | > 7.2 | 60 x 5 (5) | notBreaching | P3 | DB_CLUSTER",
                rows.get("database-capacity-high"));
    }

    @Test
    void connectionLimitIsCappedAtFiveThousand() {
        assertEquals(450, AlarmCatalog.estimatedMaxConnections(2.0));
        assertEquals(5000, AlarmCatalog.estimatedMaxConnections(128.0));
    }

    @Test
    void noTwoAlarmsShareANameOrWatchTheSameThingTheSameWay() {
        for (Environment env : Environment.values()) {
            List<AlarmSpec> catalog = AlarmCatalog.forStack(env, 4.0, true, Map.of());
            Set<String> names = new HashSet<>();
            Set<String> definitions = new HashSet<>();
            for (AlarmSpec a : catalog) {
                assertTrue(names.add(a.alarmName(env.id())), "duplicate name " + a.alarmName(env.id()));
                String definition = String.join("|", a.namespace(), a.metricName(), a.minusMetricName().orElse(""),
                        a.statistic(), a.target().name(), a.comparison().name(), num(a.threshold()));
                assertTrue(definitions.add(definition), "two alarms watch " + definition);
            }
        }
    }

    @Test
    void everyNamedAlarmOfThePlansPriorityTablesHasItsPriority() {
        Map<String, AlarmSpec.Priority> byId = AlarmCatalog.forStack(Environment.PROD, 8.0, true, Map.of()).stream()
                .collect(Collectors.toMap(AlarmSpec::id, AlarmSpec::priority));
        Map<String, List<String>> planNameToIds = Map.ofEntries(
                Map.entry("ALB-No-Healthy-Targets", List.of("alb-backend-unhealthy-hosts", "alb-frontend-unhealthy-hosts")),
                Map.entry("Backend-All-Tasks-Down", List.of("backend-all-tasks-down")),
                Map.entry("Frontend-All-Tasks-Down", List.of("frontend-all-tasks-down")),
                Map.entry("Database-Unavailable", List.of("database-unavailable")),
                Map.entry("DLQ-Messages-Detected", List.of("sqs-dlq-messages-detected")),
                Map.entry("ALB-High-Latency", List.of("alb-high-latency")),
                Map.entry("Backend-High-CPU", List.of("backend-cpu-high")),
                Map.entry("Backend-High-Memory", List.of("backend-memory-high")),
                Map.entry("Database-High-CPU", List.of("database-cpu-high")),
                Map.entry("SQS-High-Age", List.of("sqs-oldest-message-age-high")),
                Map.entry("ALB-5XX-Errors", List.of("alb-target-5xx-errors")));
        Set<String> p1 = Set.of("ALB-No-Healthy-Targets", "Backend-All-Tasks-Down", "Frontend-All-Tasks-Down",
                "Database-Unavailable", "DLQ-Messages-Detected");

        planNameToIds.forEach((planName, ids) -> ids.forEach(id -> assertEquals(
                p1.contains(planName) ? AlarmSpec.Priority.P1 : AlarmSpec.Priority.P2, byId.get(id), planName + " -> " + id)));
    }

    @Test
    void thresholdOverridesReplaceOnlyTheNamedAlarm() {
        List<AlarmSpec> catalog = AlarmCatalog.forStack(Environment.DEV, 2.0, true, Map.of("backend-cpu-high", 70.0));

        AlarmSpec cpu = catalog.stream().filter(a -> a.id().equals("backend-cpu-high")).findFirst().orElseThrow();
        AlarmSpec frontendCpu = catalog.stream().filter(a -> a.id().equals("frontend-cpu-high")).findFirst().orElseThrow();
        assertEquals(70.0, cpu.threshold());
        assertEquals(80.0, frontendCpu.threshold());
        assertEquals(PLAN_DEV.size(), catalog.size());
    }

    @Test
    void unknownOverrideIdsAreRejectedWithTheKnownIds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AlarmCatalog.forStack(Environment.DEV, 2.0, true, Map.of("backend-cpu-hgh", 70.0, "alb-no-requests", 2.0)));

        assertTrue(e.getMessage().startsWith("order-processing:alarmThresholds names alarms the dev catalog does not have: "
                + "alb-no-requests, backend-cpu-hgh; known alarms: alb-backend-unhealthy-hosts, alb-frontend-unhealthy-hosts, "), e.getMessage());
    }

    @Test
    void theSettingsCheckReportsUnknownIdsAsConfigProblemsWithAFixThatKeepsTheRest() {
        infra.config.InvalidConfigException e = assertThrows(infra.config.InvalidConfigException.class,
                () -> infra.testing.Stacks.settings("dev", Map.of("alarmThresholds",
                        "{\"backend-cpu-high\": 70.5, \"alb-no-requests\": 2}")));

        assertEquals(List.of("order-processing:alarmThresholds = 'alb-no-requests=2': names no alarm of the dev stack; "
                + "that alarm exists only in prod. "
                + "Fix: pulumi config set order-processing:alarmThresholds '{\"backend-cpu-high\":70.5}' --stack dev"),
                e.problems().stream().map(infra.config.ConfigProblem::message).toList());
    }

    @Test
    void theFindingsQueueAlarmIsUnknownWhereNoFindingIsRoutedAndTheFixRemovesTheKey() {
        infra.config.InvalidConfigException e = assertThrows(infra.config.InvalidConfigException.class,
                () -> infra.testing.Stacks.settings("dev", Map.of("securityHubEnabled", "false",
                        "alarmThresholds", "{\"security-findings-dlq-messages-detected\": 1}")));

        assertEquals(List.of("order-processing:alarmThresholds = 'security-findings-dlq-messages-detected=1': names no "
                + "alarm of the dev stack; that alarm exists only when securityHubEnabled or guardDutyEnabled is true "
                + "(it watches the findings dead-letter queue). "
                + "Fix: pulumi config rm order-processing:alarmThresholds --stack dev"),
                e.problems().stream().map(infra.config.ConfigProblem::message).toList());
    }

    @Test
    void settingsLoadedWithoutTheCheckStillFailAsConfigWhenTheAlarmsAreBuilt() {
        java.util.Map<String, String> config = infra.testing.Stacks.config("dev",
                Map.of("alarmThresholds", "{\"nonexistent-alarm\": 5}"));
        infra.config.Settings settings = infra.config.Settings.load(config, "dev");

        infra.config.InvalidConfigException e = assertThrows(infra.config.InvalidConfigException.class,
                () -> AlarmCatalog.forStack(settings));
        assertEquals("order-processing:alarmThresholds", e.problems().get(0).key());
        assertEquals("nonexistent-alarm=5", e.problems().get(0).value());
    }

    @Test
    void specRejectsMoreDatapointsThanEvaluationPeriods() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AlarmSpec("x", "y", "AWS/X", "M",
                java.util.Optional.empty(), "Sum", 1, AlarmSpec.Comparison.GREATER, 60, 2, 3,
                AlarmSpec.MissingData.IGNORE, AlarmSpec.Priority.P3, AlarmSpec.Target.QUEUE, "d"));

        assertEquals("x-y: datapointsToAlarm must be between 1 and evaluationPeriods (2), got 3", e.getMessage());
    }
}
