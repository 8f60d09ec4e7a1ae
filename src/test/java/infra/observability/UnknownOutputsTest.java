package infra.observability;

import com.pulumi.core.Output;
import infra.config.Settings;
import infra.plan.AwsMocks;
import infra.plan.MockEngine;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UnknownOutputsTest {

    @Test
    void allObservabilityComponentsRenderWhenUpstreamOutputsAreUnknown() {
        Settings settings = Stacks.settings("prod", Map.of("pagerDutyEndpoint", "https://events.pagerduty.com/integration/k/enqueue"));

        MockEngine.Run run = Stacks.tryRender(settings, AwsMocks.Mode.UNKNOWN_OUTPUTS, ctx -> {
            LogGroups logs = new LogGroups("logs", new LogGroupsArgs(settings, Output.of(Fakes.LOGS_KEY)), null);
            Alerting alerting = new Alerting("alerts", new AlertingArgs(settings, Output.of(Fakes.MESSAGING_KEY)), null);
            Alarms alarms = new Alarms("alarms", new AlarmsArgs(settings, Fakes.resources(), alerting.infrastructureTopicArn(),
                    alerting.pagingTopicArn()), null);
            new Dashboard("dashboard", new DashboardArgs(settings, Fakes.resources(), alarms.alarmArns()), null);
        });

        assertNull(run.failure(), () -> String.valueOf(run.failure()));
        assertEquals(AlarmCatalog.forStack(settings).size(), run.resources().stream()
                .filter(r -> r.type().equals("aws:cloudwatch/metricAlarm:MetricAlarm")).count());
    }
}
