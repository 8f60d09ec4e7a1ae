package infra.security;

import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudtrail.inputs.TrailAdvancedEventSelectorArgs;
import com.pulumi.aws.cloudtrail.inputs.TrailAdvancedEventSelectorFieldSelectorArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import infra.config.Environment;
import infra.config.Settings;
import infra.security.iam.PolicyDocument;
import infra.security.iam.PolicyDocument.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The plan's CloudTrail ("Compliance and Audit"): a multi-region trail with global service events
 * and log file validation, encrypted with the audit key, delivering into a private TLS-only bucket
 * that moves logs to Glacier after 90 days and deletes them after 7 years; optionally also to
 * CloudWatch Logs, and with S3 object-level data events as a setting.
 */
public final class AuditTrail extends ComponentResource {
    /** Plan, "AWS CloudTrail": transition to Glacier after 90 days. */
    static final int GLACIER_AFTER_DAYS = 90;
    /** Log files go under this prefix; the bucket policy's write grant matches it. */
    static final String S3_KEY_PREFIX = "cloudtrail";

    private final Trail trail;
    private final AuditBucket bucket;

    public AuditTrail(String name, AuditTrailArgs args, ComponentResourceOptions opts) {
        super("order-processing:security:AuditTrail", name, opts);
        Settings settings = args.settings();
        AwsAccount account = AwsAccount.current();
        // the policy and the CloudWatch role name the trail before it exists, so its ARN is built
        Output<String> trailArn = Output.tuple(account.partition(), account.id())
                .applyValue(t -> trailArn(t.t1, settings.region(), t.t2, settings.environment()));

        Output<Function<String, PolicyDocument>> writeGrant = Output.tuple(trailArn, account.id())
                .applyValue(t -> bucketArn -> bucketPolicy(bucketArn, t.t2, t.t1));
        bucket = new AuditBucket(name + "-bucket", this, settings,
                account.id().applyValue(id -> "order-processing-cloudtrail-" + settings.env() + "-" + id),
                Optional.of(GLACIER_AFTER_DAYS), Optional.of(args.auditKeyArn()), writeGrant);

        List<Resource> dependsOn = new ArrayList<>(List.of(bucket.policy()));
        var trailArgs = TrailArgs.builder()
                .name(trailName(settings.environment()))
                .s3BucketName(bucket.bucket().id())
                .s3KeyPrefix(S3_KEY_PREFIX)
                .isMultiRegionTrail(true)
                .includeGlobalServiceEvents(true)
                .enableLogFileValidation(true)
                .enableLogging(true)
                .kmsKeyId(args.auditKeyArn())
                .advancedEventSelectors(selectors(settings, bucket.bucket().arn()))
                .tags(settings.tags());
        args.cloudWatchLogGroupArn().ifPresent(group -> {
            Output<String> base = group.applyValue(AuditTrail::withoutWildcard);
            RolePolicy delivery = cloudWatchDelivery(name, settings, base, trailArn, trailArgs);
            dependsOn.add(delivery);
            trailArgs.cloudWatchLogsGroupArn(base.applyValue(arn -> arn + ":*"));
        });
        trail = new Trail(name + "-trail", trailArgs.build(),
                CustomResourceOptions.builder().parent(this).dependsOn(dependsOn).build());

        registerOutputs(Map.of("trailArn", trail.arn(), "bucketName", bucket.bucket().bucket()));
    }

    /** The trail's name; the audit key's policy (data helper) admits CloudTrail for this trail. */
    public static String trailName(Environment env) {
        return "order-processing-" + env.id();
    }

    public static String trailArn(String partition, String region, String account, Environment env) {
        return "arn:" + partition + ":cloudtrail:" + region + ":" + account + ":trail/" + trailName(env);
    }

    static PolicyDocument bucketPolicy(String bucketArn, String account, String trailArn) {
        return PolicyDocument.of(
                Statement.allow().sid("CloudTrailAclCheck").service("cloudtrail.amazonaws.com")
                        .actions("s3:GetBucketAcl").resources(bucketArn)
                        .condition("StringEquals", "aws:SourceArn", trailArn),
                Statement.allow().sid("CloudTrailWrite").service("cloudtrail.amazonaws.com")
                        .actions("s3:PutObject").resources(bucketArn + "/" + S3_KEY_PREFIX + "/AWSLogs/" + account + "/*")
                        .condition("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control")
                        .condition("StringEquals", "aws:SourceArn", trailArn));
    }

    /** Management events always; S3 object events when enabled, except the trail's own bucket (no self-logging). */
    private static Output<List<TrailAdvancedEventSelectorArgs>> selectors(Settings settings, Output<String> ownBucketArn) {
        var management = TrailAdvancedEventSelectorArgs.builder().name("Management events")
                .fieldSelectors(field("eventCategory", "Management")).build();
        if (!settings.security().cloudTrailS3DataEvents()) {
            return Output.of(List.of(management));
        }
        return ownBucketArn.applyValue(own -> List.of(management, TrailAdvancedEventSelectorArgs.builder()
                .name("S3 object events")
                .fieldSelectors(
                        field("eventCategory", "Data"),
                        field("resources.type", "AWS::S3::Object"),
                        TrailAdvancedEventSelectorFieldSelectorArgs.builder()
                                .field("resources.ARN").notStartsWiths(own + "/").build())
                .build()));
    }

    private static TrailAdvancedEventSelectorFieldSelectorArgs field(String field, String value) {
        return TrailAdvancedEventSelectorFieldSelectorArgs.builder().field(field).equals_(value).build();
    }

    private RolePolicy cloudWatchDelivery(String name, Settings settings, Output<String> groupArn, Output<String> trailArn,
                                          TrailArgs.Builder trailArgs) {
        Role role = new Role(name + "-cloudwatch-role", RoleArgs.builder()
                .assumeRolePolicy(trailArn.applyValue(arn -> PolicyDocument.of(Statement.allow()
                        .service("cloudtrail.amazonaws.com").actions("sts:AssumeRole")
                        .condition("StringEquals", "aws:SourceArn", arn)).toJson()))
                .tags(settings.tags())
                .build(), CustomResourceOptions.builder().parent(this).build());
        trailArgs.cloudWatchLogsRoleArn(role.arn());
        return new RolePolicy(name + "-cloudwatch-policy", RolePolicyArgs.builder()
                .role(role.id())
                .policy(groupArn.applyValue(arn -> PolicyDocument.of(Statement.allow()
                        .actions("logs:CreateLogStream", "logs:PutLogEvents")
                        .resources(arn + ":log-stream:*")).toJson()))
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    static String withoutWildcard(String logGroupArn) {
        return logGroupArn.endsWith(":*") ? logGroupArn.substring(0, logGroupArn.length() - 2) : logGroupArn;
    }

    public Output<String> trailArn() {
        return trail.arn();
    }

    public Output<String> bucketName() {
        return bucket.bucket().bucket();
    }

    public Output<String> bucketArn() {
        return bucket.bucket().arn();
    }
}
