package infra.security;

import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.pulumi.aws.wafv2.WebAclLoggingConfigurationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import infra.config.Settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A regional WAFv2 web ACL on the load balancer (the plan's first "Next Step"; "Defense in
 * Depth", rate limiting): a per-IP rate limit, then AWS managed rule groups for IP reputation,
 * known bad inputs and common attacks, with CloudWatch metrics and sampled requests on every rule,
 * and full logging to the {@code aws-waf-logs-<env>} log group. Requests no rule blocks are allowed.
 *
 * <p>Named WebFirewall, not WebAcl, so it does not clash with the provider's {@code WebAcl} class.
 */
public final class WebFirewall extends ComponentResource {
    /** The AWS managed rule groups, in evaluation order after the rate limit (cheapest, most decisive first). */
    static final List<String> MANAGED_RULE_GROUPS = List.of(
            "AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesKnownBadInputsRuleSet",
            "AWSManagedRulesCommonRuleSet");
    static final String RATE_LIMIT_RULE = "rate-limit-per-ip";

    private final WebAcl acl;

    public WebFirewall(String name, WebFirewallArgs args, ComponentResourceOptions opts) {
        super("order-processing:security:WebFirewall", name, opts);
        Settings settings = args.settings();
        String prefix = "order-processing-" + settings.env();

        List<WebAclRuleArgs> rules = new ArrayList<>();
        rules.add(WebAclRuleArgs.builder()
                .name(RATE_LIMIT_RULE)
                .priority(0)
                .action(WebAclRuleActionArgs.builder().block(WebAclRuleActionBlockArgs.builder().build()).build())
                .statement(WebAclRuleStatementArgs.builder()
                        .rateBasedStatement(WebAclRuleStatementRateBasedStatementArgs.builder()
                                .limit(settings.security().wafRateLimitPer5Minutes())
                                .aggregateKeyType("IP")
                                .build())
                        .build())
                .visibilityConfig(ruleMetrics(prefix + "-" + RATE_LIMIT_RULE))
                .build());
        for (int i = 0; i < MANAGED_RULE_GROUPS.size(); i++) {
            String group = MANAGED_RULE_GROUPS.get(i);
            rules.add(WebAclRuleArgs.builder()
                    .name(group)
                    .priority(i + 1)
                    // keep the group's own block/count actions
                    .overrideAction(WebAclRuleOverrideActionArgs.builder()
                            .none(WebAclRuleOverrideActionNoneArgs.builder().build()).build())
                    .statement(WebAclRuleStatementArgs.builder()
                            .managedRuleGroupStatement(WebAclRuleStatementManagedRuleGroupStatementArgs.builder()
                                    .vendorName("AWS").name(group).build())
                            .build())
                    .visibilityConfig(ruleMetrics(prefix + "-" + group))
                    .build());
        }

        acl = new WebAcl(name + "-acl", WebAclArgs.builder()
                .name(prefix)
                .description("Rate limit and AWS managed rules in front of the " + settings.env() + " load balancer")
                .scope("REGIONAL")
                .defaultAction(WebAclDefaultActionArgs.builder().allow(WebAclDefaultActionAllowArgs.builder().build()).build())
                .rules(rules)
                .visibilityConfig(WebAclVisibilityConfigArgs.builder()
                        .cloudwatchMetricsEnabled(true).sampledRequestsEnabled(true).metricName(prefix).build())
                .tags(settings.tags())
                .build(), child());
        new WebAclAssociation(name + "-alb", WebAclAssociationArgs.builder()
                .resourceArn(args.albArn())
                .webAclArn(acl.arn())
                .build(), child());
        new WebAclLoggingConfiguration(name + "-logging", WebAclLoggingConfigurationArgs.builder()
                .resourceArn(acl.arn())
                .logDestinationConfigs(args.logGroupArn().applyValue(arn -> List.of(AuditTrail.withoutWildcard(arn))))
                .build(), child());

        registerOutputs(Map.of("webAclArn", acl.arn()));
    }

    private static WebAclRuleVisibilityConfigArgs ruleMetrics(String metricName) {
        return WebAclRuleVisibilityConfigArgs.builder()
                .cloudwatchMetricsEnabled(true).sampledRequestsEnabled(true).metricName(metricName).build();
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    public Output<String> webAclArn() {
        return acl.arn();
    }
}
