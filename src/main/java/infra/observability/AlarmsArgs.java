package infra.observability;

import com.pulumi.core.Output;
import infra.config.Settings;

import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link Alarms}.
 *
 * @param alertTopicArn every alarm's ALARM and OK action (the infrastructure alerts topic)
 * @param pagingTopicArn the PagerDuty topic P1 alarms also notify; empty outside prod, so only prod pages
 */
public record AlarmsArgs(
        Settings settings,
        MonitoredResources resources,
        Output<String> alertTopicArn,
        Optional<Output<String>> pagingTopicArn) {

    public AlarmsArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(alertTopicArn, "alertTopicArn");
        Objects.requireNonNull(pagingTopicArn, "pagingTopicArn");
    }
}
