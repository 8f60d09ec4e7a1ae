package infra.security;

import com.pulumi.core.Output;
import infra.config.Settings;

import java.util.Objects;

/**
 * Inputs of {@link WebFirewall}.
 *
 * @param albArn the application load balancer the web ACL protects
 * @param logGroupArn the log group named {@code LogGroupNames.waf(env)} ({@code aws-waf-logs-<env>},
 *     the prefix WAF requires), with or without the trailing {@code :*}
 */
public record WebFirewallArgs(Settings settings, Output<String> albArn, Output<String> logGroupArn) {
    public WebFirewallArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(albArn, "albArn");
        Objects.requireNonNull(logGroupArn, "logGroupArn");
    }
}
