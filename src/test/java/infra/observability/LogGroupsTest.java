package infra.observability;

import com.pulumi.core.Output;
import infra.config.Settings;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogGroupsTest {
    static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

    final List<LogGroups> built = new ArrayList<>();

    RenderedStack render(Settings settings) {
        return Stacks.render(settings, ctx -> built.add(
                new LogGroups("logs", new LogGroupsArgs(settings, Output.of(Fakes.LOGS_KEY)), null)));
    }

    static Map<String, String> namesByLogicalName(RenderedStack stack) {
        return stack.ofType(LOG_GROUP).stream().collect(Collectors.toMap(CapturedResource::name,
                r -> (String) r.input("name").orElseThrow(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void devDeclaresThePlansGroupsWithSevenDaysAndTheLogsKey() {
        RenderedStack stack = render(Stacks.settings("dev"));

        assertEquals(Map.of(
                "logs-ecs-backend", "/aws/ecs/dev/backend",
                "logs-ecs-frontend", "/aws/ecs/dev/frontend",
                "logs-producer", "/aws/lambda/dev/order-producer",
                "logs-flow-logs", "/aws/vpc/flowlogs/dev",
                "logs-aurora", "/aws/rds/cluster/dev-auroracluster/postgresql",
                "logs-cloudtrail", "/aws/cloudtrail/dev"), namesByLogicalName(stack));
        for (CapturedResource group : stack.ofType(LOG_GROUP)) {
            assertEquals(7.0, group.input("retentionInDays").orElseThrow(), group.name());
            assertEquals(Fakes.LOGS_KEY, group.input("kmsKeyId").orElseThrow(), group.name());
            assertEquals(Map.of("Environment", "dev", "Project", "order-processing"), group.input("tags").orElseThrow());
            assertFalse(group.protect() || group.retainOnDelete(), group.name());
        }
    }

    @Test
    void prodKeepsNinetyDaysProtectsGroupsAndAddsTheWafGroup() {
        RenderedStack stack = render(Stacks.settings("prod"));

        assertEquals("aws-waf-logs-prod", stack.get(LOG_GROUP, "logs-waf").input("name").orElseThrow());
        assertEquals(7, stack.ofType(LOG_GROUP).size());
        for (CapturedResource group : stack.ofType(LOG_GROUP)) {
            assertEquals(90.0, group.input("retentionInDays").orElseThrow(), group.name());
            assertTrue(group.protect() && group.retainOnDelete(), group.name());
        }
    }

    @Test
    void retentionAndOptionalGroupsFollowSettings() {
        RenderedStack stack = render(Stacks.settings("staging", Map.of("cloudTrailEnabled", "false", "wafEnabled", "true")));

        assertTrue(stack.find(LOG_GROUP, "logs-cloudtrail").isEmpty());
        assertEquals("aws-waf-logs-staging", stack.get(LOG_GROUP, "logs-waf").input("name").orElseThrow());
        assertEquals(30.0, stack.get(LOG_GROUP, "logs-aurora").input("retentionInDays").orElseThrow());
    }

    @Test
    void exposesEachGroupByRoleAndRejectsUnknownServices() {
        render(Stacks.settings("dev"));
        LogGroups groups = built.get(0);

        assertEquals(List.of("ecs-backend", "ecs-frontend", "producer", "flow-logs", "aurora", "cloudtrail"),
                List.copyOf(groups.all().keySet()));
        assertEquals(groups.all().get("ecs-frontend"), groups.ecs("frontend"));
        assertTrue(groups.waf().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> groups.ecs("worker"));
        assertEquals("no ECS log group for service 'worker'; known: [backend, frontend]", e.getMessage());
    }
}
