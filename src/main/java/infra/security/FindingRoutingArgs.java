package infra.security;

import com.pulumi.core.Output;
import infra.config.Settings;

import java.util.Objects;

/**
 * Inputs of {@link FindingRouting}.
 *
 * @param securityTopicArn the plan's security alerts topic; its topic policy (and its key policy,
 *     if the topic is encrypted with a customer key) must let {@code events.amazonaws.com} publish
 *     from {@link FindingRouting#ruleArns()}
 */
public record FindingRoutingArgs(Settings settings, Output<String> securityTopicArn) {
    public FindingRoutingArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(securityTopicArn, "securityTopicArn");
    }
}
