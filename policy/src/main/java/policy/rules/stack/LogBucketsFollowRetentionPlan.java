package policy.rules.stack;

import policy.rules.StackRule;
import policy.rules.Types;
import policy.sdk.ConfigSchema;
import policy.sdk.EnforcementLevel;
import policy.sdk.Messages;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;
import policy.sdk.StackView;

import java.util.List;

/**
 * The log buckets' lifecycles follow the plan (issue 10, "Retention"): the ALB access-log bucket
 * expires objects at 30 days; the CloudTrail bucket moves objects to GLACIER at 90 days and expires
 * them at 2555 days (7 years); the AWS Config delivery bucket keeps objects at least 7 years (an
 * expiry of 2555 days or more, or none). Roles come from the resources that name the bucket (see
 * {@link Buckets}); only enabled rules count, whatever their filter. A bucket that is not in the
 * stack is {@code load-balancer-access-logs-delivered}'s concern, not this rule's.
 */
public final class LogBucketsFollowRetentionPlan extends StackRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("log-buckets-follow-retention-plan")
            .description("ALB log, CloudTrail and AWS Config buckets keep objects for the plan's periods")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("AU-11", "I6", "S3.13", "CKV2_AWS_61")
            .remediation("Add a BucketLifecycleConfigurationV2 for the bucket with an enabled rule:",
                    "ALB access logs: expiration.days = albLogExpirationDays",
                    "CloudTrail: transitions [{days: trailGlacierTransitionDays, storageClass: GLACIER}] and expiration.days = trailExpirationDays",
                    "AWS Config: no expiration, or expiration.days >= configMinimumRetentionDays")
            .config(ConfigSchema.builder()
                    .integer("albLogExpirationDays", 30, 1, "Age at which ALB access logs expire, in days")
                    .integer("trailGlacierTransitionDays", 90, 1, "Age at which CloudTrail log files move to GLACIER, in days")
                    .integer("trailExpirationDays", 2555, 1, "Age at which CloudTrail log files expire, in days (7 years)")
                    .integer("configMinimumRetentionDays", 2555, 1, "Shortest expiry accepted on the AWS Config bucket, in days")
                    .build())
            .build();

    static final String GLACIER = "GLACIER";

    public LogBucketsFollowRetentionPlan() {
        super(INFO, Types.union(Types.LOAD_BALANCER, Types.TRAIL, Types.CONFIG_DELIVERY_CHANNEL));
    }

    @Override
    public Outcome validate(StackView stack, PolicyContext context) {
        long albDays = context.config().integer("albLogExpirationDays");
        long glacierDays = context.config().integer("trailGlacierTransitionDays");
        long trailDays = context.config().integer("trailExpirationDays");
        long configDays = context.config().integer("configMinimumRetentionDays");
        Outcome.Findings findings = Outcome.findings();
        for (ResourceView bucket : Buckets.albLogBuckets(stack)) {
            List<Long> expirations = expirations(Buckets.lifecycle(stack, bucket));
            if (!expirations.contains(albDays)) {
                findings.add(bucket.urn(), "ALB access-log bucket '" + bucket.name() + "' " + describe(expirations)
                        + "; the plan expires them at " + Messages.count(albDays, "day"));
            }
        }
        for (ResourceView bucket : Buckets.trailBuckets(stack)) {
            List<Buckets.LifecycleRule> rules = Buckets.lifecycle(stack, bucket);
            boolean archived = rules.stream().flatMap(r -> r.transitions().stream())
                    .anyMatch(t -> t.days() == glacierDays && GLACIER.equals(t.storageClass()));
            if (!archived) {
                findings.add(bucket.urn(), "CloudTrail bucket '" + bucket.name() + "' does not transition objects to "
                        + GLACIER + " at " + Messages.count(glacierDays, "day"));
            }
            List<Long> expirations = expirations(rules);
            if (!expirations.contains(trailDays)) {
                findings.add(bucket.urn(), "CloudTrail bucket '" + bucket.name() + "' " + describe(expirations)
                        + "; the plan expires them at " + Messages.count(trailDays, "day"));
            }
        }
        for (ResourceView bucket : Buckets.configBuckets(stack)) {
            List<Long> early = expirations(Buckets.lifecycle(stack, bucket)).stream().filter(d -> d < configDays).toList();
            if (!early.isEmpty()) {
                findings.add(bucket.urn(), "AWS Config bucket '" + bucket.name() + "' " + describe(early)
                        + "; the plan keeps them at least " + Messages.count(configDays, "day"));
            }
        }
        return findings.outcome();
    }

    private static List<Long> expirations(List<Buckets.LifecycleRule> rules) {
        return rules.stream().flatMap(r -> r.expirationDays().stream()).sorted().toList();
    }

    private static String describe(List<Long> expirations) {
        if (expirations.isEmpty()) {
            return "never expires objects";
        }
        return "expires objects after " + (expirations.size() == 1 ? Messages.count(expirations.get(0), "day")
                : expirations.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" and ")) + " days");
    }
}
