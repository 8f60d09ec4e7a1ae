package infra.network;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import infra.config.Settings;

import java.util.Objects;

/**
 * Inputs of {@link Network}.
 *
 * @param settings        the stack's settings; the network reads {@code network()}, {@code features()},
 *                        {@code region()} and the tags
 * @param flowLogGroupArn ARN of the log group {@code LogGroupNames.flowLogs(env)}, created by the
 *                        observability component; the flow log role may write only there
 * @param flowLogGroup    that log group resource, so the flow log is created after it and never
 *                        makes AWS create the group implicitly
 */
public record NetworkArgs(Settings settings, Output<String> flowLogGroupArn, Resource flowLogGroup) {
    public NetworkArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(flowLogGroupArn, "flowLogGroupArn");
        Objects.requireNonNull(flowLogGroup, "flowLogGroup");
    }
}
