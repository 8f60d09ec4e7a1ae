package infra.observability;

import com.pulumi.core.Output;
import infra.config.Settings;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link Dashboard}.
 *
 * @param alarmArns the alarms shown in the alarm-state band, typically {@link Alarms#alarmArns()}
 */
public record DashboardArgs(Settings settings, MonitoredResources resources, Output<List<String>> alarmArns) {
    public DashboardArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(alarmArns, "alarmArns");
    }
}
