package infra.observability;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import infra.config.Settings;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardTest {
    static final String DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";

    /** The dimensions CloudWatch publishes each namespace's metrics under. */
    static final Map<String, Set<List<String>>> DIMENSIONS = Map.of(
            "AWS/ApplicationELB", Set.of(List.of("LoadBalancer"), List.of("LoadBalancer", "TargetGroup")),
            "AWS/ECS", Set.of(List.of("ClusterName", "ServiceName")),
            "ECS/ContainerInsights", Set.of(List.of("ClusterName", "ServiceName")),
            "AWS/RDS", Set.of(List.of("DBClusterIdentifier")),
            "AWS/SQS", Set.of(List.of("QueueName")),
            "AWS/Lambda", Set.of(List.of("FunctionName")),
            "OrderProcessing/Application", Set.of(List.of("Environment", "Service")));

    /** The plan's "Available Custom Metrics". */
    static final Set<String> PLAN_CUSTOM_METRICS = Set.of("OrdersProcessed", "OrderProcessingDuration",
            "DatabaseQueryDuration", "SQSPollDuration", "APIRequestDuration");

    RenderedStack render(Settings settings) {
        return Stacks.render(settings, ctx -> {
            Alarms alarms = new Alarms("alarms", new AlarmsArgs(settings, Fakes.resources(),
                    com.pulumi.core.Output.of("arn:aws:sns:us-east-1:123456789012:order-processing-infrastructure-alerts-dev"),
                    java.util.Optional.empty()), null);
            new Dashboard("dashboard", new DashboardArgs(settings, Fakes.resources(), alarms.alarmArns()), null);
        });
    }

    static JsonArray widgets(RenderedStack stack) {
        String body = (String) stack.single(DASHBOARD).input("dashboardBody").orElseThrow();
        return JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("widgets");
    }

    @Test
    void everyGraphWatchesAMetricOfAResourceTheStackDefines() {
        RenderedStack stack = render(Stacks.settings("dev"));
        Set<String> stackValues = Set.of(Fakes.ALB_SUFFIX, Fakes.BACKEND_TG_SUFFIX, Fakes.FRONTEND_TG_SUFFIX, Fakes.CLUSTER,
                Fakes.BACKEND_SERVICE, Fakes.FRONTEND_SERVICE, Fakes.DB_CLUSTER, Fakes.QUEUE, Fakes.DLQ, Fakes.FUNCTION);
        Set<String> seen = new HashSet<>();

        int rows = 0;
        for (JsonElement w : widgets(stack)) {
            JsonObject widget = w.getAsJsonObject();
            if (!widget.get("type").getAsString().equals("metric")) {
                continue;
            }
            assertEquals("us-east-1", widget.getAsJsonObject("properties").get("region").getAsString());
            for (JsonElement m : widget.getAsJsonObject("properties").getAsJsonArray("metrics")) {
                JsonArray row = m.getAsJsonArray();
                String namespace = row.get(0).getAsString();
                List<String> names = new ArrayList<>();
                for (int i = 2; i + 1 < row.size() && row.get(i).isJsonPrimitive(); i += 2) {
                    names.add(row.get(i).getAsString());
                    String value = row.get(i + 1).getAsString();
                    if (namespace.equals("OrderProcessing/Application")) {
                        assertTrue(value.equals("dev") || value.equals("backend"), value);
                    } else {
                        assertTrue(stackValues.contains(value), "not a stack resource: " + row);
                        seen.add(value);
                    }
                }
                assertTrue(DIMENSIONS.getOrDefault(namespace, Set.of()).contains(names), "dimensions " + names + " in " + row);
                if (namespace.equals("OrderProcessing/Application")) {
                    assertTrue(PLAN_CUSTOM_METRICS.contains(row.get(1).getAsString()), row.toString());
                }
                rows++;
            }
        }
        assertEquals(stackValues, seen, "every monitored resource appears on the dashboard");
        assertEquals(7 + 8 + 5 + 4 + 4 + 6, rows); // ALB, ECS, Aurora, SQS, Lambda, application rows
    }

    @Test
    void alarmBandShowsExactlyTheStacksAlarms() {
        RenderedStack stack = render(Stacks.settings("dev"));
        Set<Object> alarmArns = stack.ofType(AlarmsTest.ALARM).stream().map(a -> a.outputMap().get("arn")).collect(Collectors.toSet());

        JsonObject band = null;
        for (JsonElement w : widgets(stack)) {
            if (w.getAsJsonObject().get("type").getAsString().equals("alarm")) {
                band = w.getAsJsonObject();
            }
        }
        Set<Object> shown = new HashSet<>();
        band.getAsJsonObject("properties").getAsJsonArray("alarms").forEach(e -> shown.add(e.getAsString()));
        assertEquals(alarmArns, shown);
    }

    @Test
    void isLaidOutInThePlansOrderWithinTheGrid() {
        JsonArray widgets = widgets(render(Stacks.settings("staging")));

        List<String> titles = new ArrayList<>();
        Set<String> cells = new HashSet<>();
        for (JsonElement w : widgets) {
            JsonObject widget = w.getAsJsonObject();
            int x = widget.get("x").getAsInt();
            int y = widget.get("y").getAsInt();
            assertTrue(x + widget.get("width").getAsInt() <= 24, widget.toString());
            for (int dx = 0; dx < widget.get("width").getAsInt(); dx++) {
                for (int dy = 0; dy < widget.get("height").getAsInt(); dy++) {
                    assertTrue(cells.add((x + dx) + "," + (y + dy)), "overlap at " + widget);
                }
            }
            if (widget.get("type").getAsString().equals("text")) {
                titles.add(widget.getAsJsonObject("properties").get("markdown").getAsString());
            }
        }
        assertEquals(List.of("# Order Processing System - Staging Environment", "## Application Load Balancer",
                "## ECS Services", "## Aurora Serverless v2", "## SQS Queue", "## Lambda Function (Order Producer)",
                "## Application (OrderProcessing/Application)", "## Alarms"), titles);
    }

    @Test
    void isNamedPerEnvironmentAndLinkedFromTheConsole() {
        RenderedStack stack = render(Stacks.settings("dev"));

        CapturedResource dashboard = stack.single(DASHBOARD);
        assertEquals("order-processing-dev", dashboard.input("dashboardName").orElseThrow());
        assertEquals("dashboard", dashboard.name());
        assertEquals("https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards:name=order-processing-prod",
                Dashboard.consoleUrl("eu-west-1", Dashboard.dashboardName("prod")));
    }
}
