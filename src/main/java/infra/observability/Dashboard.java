package infra.observability;

import com.pulumi.aws.cloudwatch.DashboardArgs.Builder;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import infra.config.Settings;

import java.util.Map;

/**
 * The CloudWatch dashboard {@code order-processing-<env>}, its body from {@link DashboardBody}.
 * CloudWatch dashboards take no tags.
 */
public final class Dashboard extends ComponentResource {
    private final com.pulumi.aws.cloudwatch.Dashboard dashboard;
    private final String dashboardName;
    private final String region;

    public Dashboard(String name, DashboardArgs args, ComponentResourceOptions options) {
        super("order-processing:observability:Dashboard", name, options);
        Settings settings = args.settings();
        dashboardName = dashboardName(settings.env());
        region = settings.region();

        Output<String> body = Output.tuple(args.resources().names(), args.alarmArns())
                .applyValue(t -> DashboardBody.json(settings.env(), region, t.t1, t.t2));
        Builder dashboardArgs = com.pulumi.aws.cloudwatch.DashboardArgs.builder()
                .dashboardName(dashboardName)
                .dashboardBody(body);
        dashboard = new com.pulumi.aws.cloudwatch.Dashboard(name, dashboardArgs.build(),
                CustomResourceOptions.builder().parent(this).build());

        registerOutputs(Map.of("dashboardName", dashboard.dashboardName(), "dashboardUrl", url()));
    }

    /** The plan's dashboard name, {@code order-processing-<env>}. */
    public static String dashboardName(String env) {
        return "order-processing-" + env;
    }

    /** The console address, for runbooks and the stack outputs. */
    public static String consoleUrl(String region, String dashboardName) {
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                + "#dashboards:name=" + dashboardName;
    }

    public Output<String> dashboardName() {
        return dashboard.dashboardName();
    }

    public Output<String> url() {
        return dashboard.dashboardName().applyValue(n -> consoleUrl(region, n));
    }
}
