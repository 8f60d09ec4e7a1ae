package infra.observability;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The CloudWatch dashboard body laid out as the plan's "CloudWatch Metrics Dashboard": a title,
 * then one band per component (load balancer, ECS services, Aurora, SQS with its DLQ, the
 * producer Lambda, the application's custom metrics) and the alarm states. Pure: built from
 * resolved names, serialized once with gson.
 */
public final class DashboardBody {
    private DashboardBody() {
    }

    /** The backend's EMF metrics the plan lists under "Available Custom Metrics". */
    public static final List<String> APPLICATION_METRICS = List.of("OrdersProcessed", "OrderProcessingDuration",
            "DatabaseQueryDuration", "SQSPollDuration", "APIRequestDuration");

    /** CloudWatch's grid is 24 units wide; four graphs per row. */
    static final int GRID_WIDTH = 24;
    static final int GRAPH_WIDTH = 6;
    static final int GRAPH_HEIGHT = 6;
    static final int TITLE_HEIGHT = 1;
    static final int GRAPH_PERIOD_SECONDS = 60;
    static final int LAMBDA_PERIOD_SECONDS = 300; // plan: "Invocations (5min)"

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** The dashboard body as JSON text. */
    public static String json(String env, String region, MonitoredResources.Names n, List<String> alarmArns) {
        return GSON.toJson(build(env, region, n, alarmArns));
    }

    public static JsonObject build(String env, String region, MonitoredResources.Names n, List<String> alarmArns) {
        Layout layout = new Layout(region);
        String title = env.substring(0, 1).toUpperCase() + env.substring(1);
        layout.title("# Order Processing System - " + title + " Environment");

        layout.title("## Application Load Balancer");
        String[] alb = {"LoadBalancer", n.albArnSuffix()};
        layout.graph("Request Count (sum)", "Sum", metric("AWS/ApplicationELB", "RequestCount", alb));
        layout.graph("Target Response Time", "Average", metric("AWS/ApplicationELB", "TargetResponseTime", alb),
                withStat(metric("AWS/ApplicationELB", "TargetResponseTime", alb), "p99"));
        layout.graph("Unhealthy Hosts (max)", "Maximum",
                metric("AWS/ApplicationELB", "UnhealthyHostCount", "LoadBalancer", n.albArnSuffix(), "TargetGroup",
                        n.backendTargetGroupArnSuffix()),
                metric("AWS/ApplicationELB", "UnhealthyHostCount", "LoadBalancer", n.albArnSuffix(), "TargetGroup",
                        n.frontendTargetGroupArnSuffix()));
        layout.graph("4XX / 5XX Errors (sum)", "Sum", metric("AWS/ApplicationELB", "HTTPCode_Target_4XX_Count", alb),
                metric("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", alb));

        layout.title("## ECS Services");
        String[] backend = {"ClusterName", n.clusterName(), "ServiceName", n.backendServiceName()};
        String[] frontend = {"ClusterName", n.clusterName(), "ServiceName", n.frontendServiceName()};
        layout.graph("Running / Desired Tasks", "Average",
                metric("ECS/ContainerInsights", "RunningTaskCount", backend),
                metric("ECS/ContainerInsights", "DesiredTaskCount", backend),
                metric("ECS/ContainerInsights", "RunningTaskCount", frontend),
                metric("ECS/ContainerInsights", "DesiredTaskCount", frontend));
        layout.graph("CPU Utilization (%)", "Average", metric("AWS/ECS", "CPUUtilization", backend),
                metric("AWS/ECS", "CPUUtilization", frontend));
        layout.graph("Memory Utilization (%)", "Average", metric("AWS/ECS", "MemoryUtilization", backend),
                metric("AWS/ECS", "MemoryUtilization", frontend));

        layout.title("## Aurora Serverless v2");
        String[] db = {"DBClusterIdentifier", n.dbClusterIdentifier()};
        layout.graph("Capacity (ACU)", "Average", metric("AWS/RDS", "ServerlessDatabaseCapacity", db));
        layout.graph("Database Connections", "Maximum", metric("AWS/RDS", "DatabaseConnections", db));
        layout.graph("CPU Utilization (%)", "Average", metric("AWS/RDS", "CPUUtilization", db));
        layout.graph("Read / Write Latency (s)", "Average", metric("AWS/RDS", "ReadLatency", db),
                metric("AWS/RDS", "WriteLatency", db));

        layout.title("## SQS Queue");
        String[] queue = {"QueueName", n.queueName()};
        layout.graph("Messages Visible", "Maximum", metric("AWS/SQS", "ApproximateNumberOfMessagesVisible", queue));
        layout.graph("Messages In Flight", "Maximum", metric("AWS/SQS", "ApproximateNumberOfMessagesNotVisible", queue));
        layout.graph("Age of Oldest Message (s)", "Maximum", metric("AWS/SQS", "ApproximateAgeOfOldestMessage", queue));
        layout.graph("DLQ Messages", "Maximum",
                metric("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", n.dlqName()));

        layout.title("## Lambda Function (Order Producer)");
        String[] fn = {"FunctionName", n.producerFunctionName()};
        layout.graph("Invocations (5 min)", "Sum", LAMBDA_PERIOD_SECONDS, metric("AWS/Lambda", "Invocations", fn));
        layout.graph("Duration (avg, ms)", "Average", LAMBDA_PERIOD_SECONDS, metric("AWS/Lambda", "Duration", fn));
        layout.graph("Errors", "Sum", LAMBDA_PERIOD_SECONDS, metric("AWS/Lambda", "Errors", fn));
        layout.graph("Throttles", "Sum", LAMBDA_PERIOD_SECONDS, metric("AWS/Lambda", "Throttles", fn));

        layout.title("## Application (" + AlarmCatalog.APPLICATION_NAMESPACE + ")");
        String[] app = {"Environment", env, "Service", "backend"};
        String ns = AlarmCatalog.APPLICATION_NAMESPACE;
        layout.graph("Orders Processed", "Sum", metric(ns, "OrdersProcessed", app));
        layout.graph("Order Processing Duration (ms)", "p99", metric(ns, "OrderProcessingDuration", app),
                withStat(metric(ns, "OrderProcessingDuration", app), "p50"));
        layout.graph("Database / SQS Poll Duration (ms)", "p99", metric(ns, "DatabaseQueryDuration", app),
                metric(ns, "SQSPollDuration", app));
        layout.graph("API Request Duration (ms)", "p99", metric(ns, "APIRequestDuration", app));

        if (!alarmArns.isEmpty()) {
            layout.title("## Alarms");
            layout.alarms(alarmArns);
        }
        JsonObject body = new JsonObject();
        body.add("widgets", layout.widgets);
        return body;
    }

    /** {@code [namespace, metric, dimensionName, dimensionValue, ...]}, CloudWatch's metric row. */
    private static JsonArray metric(String namespace, String name, String... dimensions) {
        JsonArray row = new JsonArray();
        row.add(namespace);
        row.add(name);
        for (String d : dimensions) {
            row.add(d);
        }
        return row;
    }

    private static JsonArray withStat(JsonArray row, String stat) {
        JsonObject options = new JsonObject();
        options.addProperty("stat", stat);
        options.addProperty("label", row.get(1).getAsString() + " " + stat);
        row.add(options);
        return row;
    }

    /** Places widgets left to right, four graphs per row, each band starting on a new row. */
    private static final class Layout {
        final JsonArray widgets = new JsonArray();
        final String region;
        int x;
        int y;
        int rowHeight;

        Layout(String region) {
            this.region = region;
        }

        void title(String markdown) {
            newRow();
            JsonObject properties = new JsonObject();
            properties.addProperty("markdown", markdown);
            add("text", GRID_WIDTH, TITLE_HEIGHT, properties);
            newRow();
        }

        void graph(String title, String stat, JsonArray... metrics) {
            graph(title, stat, GRAPH_PERIOD_SECONDS, metrics);
        }

        void graph(String title, String stat, int periodSeconds, JsonArray... metrics) {
            JsonObject properties = new JsonObject();
            properties.addProperty("title", title);
            properties.addProperty("region", region);
            properties.addProperty("view", "timeSeries");
            properties.addProperty("stacked", false);
            properties.addProperty("stat", stat);
            properties.addProperty("period", periodSeconds);
            JsonArray rows = new JsonArray();
            for (JsonArray m : metrics) {
                rows.add(m);
            }
            properties.add("metrics", rows);
            add("metric", GRAPH_WIDTH, GRAPH_HEIGHT, properties);
        }

        void alarms(List<String> arns) {
            JsonObject properties = new JsonObject();
            properties.addProperty("title", "Alarm states");
            JsonArray list = new JsonArray();
            new ArrayList<>(arns).forEach(list::add);
            properties.add("alarms", list);
            properties.addProperty("sortBy", "stateUpdatedTimestamp");
            add("alarm", GRID_WIDTH, GRAPH_HEIGHT, properties);
        }

        private void add(String type, int width, int height, JsonObject properties) {
            if (x + width > GRID_WIDTH) {
                newRow();
            }
            JsonObject widget = new JsonObject();
            widget.addProperty("type", type);
            widget.addProperty("x", x);
            widget.addProperty("y", y);
            widget.addProperty("width", width);
            widget.addProperty("height", height);
            widget.add("properties", properties);
            widgets.add(widget);
            x += width;
            rowHeight = Math.max(rowHeight, height);
        }

        private void newRow() {
            if (x > 0) {
                y += rowHeight;
                x = 0;
                rowHeight = 0;
            }
        }
    }
}
