package infra.compute;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import infra.config.Settings;
import infra.security.iam.PolicyDocument;
import infra.security.iam.PolicyDocument.Statement;

import java.util.List;
import java.util.Map;

/**
 * The S3 bucket the load balancer writes its access logs to: SSE-S3 (ALB log delivery does not
 * support SSE-KMS), public access blocked, ACLs disabled, TLS-only, expiring after the plan's 30
 * days, and a policy that lets the region's log-delivery principal write under {@link #PREFIX}.
 */
public final class AccessLogBucket extends ComponentResource {
    /** Plan, "Load Balancer Access Logs": delete after 30 days. */
    public static final int ACCESS_LOG_EXPIRY_DAYS = 30;
    /** The key prefix the load balancer writes under; AWS appends {@code AWSLogs/<account>/...}. */
    public static final String PREFIX = "alb";

    private final Output<String> bucketName;
    private final Output<String> bucketArn;
    private final BucketPolicy policy;

    public record Args(Settings settings, Output<String> accountId) {
    }

    public AccessLogBucket(String name, Args args, ComponentResourceOptions opts) {
        super("order-processing:compute:AccessLogBucket", name, opts);
        Settings settings = args.settings();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();

        BucketV2 bucket = new BucketV2(name, BucketV2Args.builder()
                .bucket(args.accountId().applyValue(account -> bucketName(settings.env(), account)))
                .forceDestroy(!settings.environment().isProd())
                .tags(settings.tags("Purpose", "alb-access-logs"))
                .build(), CustomResourceOptions.builder().parent(this).protect(settings.data().protectStatefulResources()).build());

        var ownership = new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), child);
        var publicAccess = new BucketPublicAccessBlock(name + "-public-access", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)
                .build(), child);
        var encryption = new BucketServerSideEncryptionConfigurationV2(name + "-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(
                                        BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                                .builder().sseAlgorithm("AES256").build())
                                .build())
                        .build(), child);
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-access-logs")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                                .days(ACCESS_LOG_EXPIRY_DAYS).build())
                        .build())
                .build(), child);

        // The policy waits for the public access block so S3 never judges it against a half-configured bucket.
        List<Resource> settled = List.of(ownership, publicAccess, encryption);
        this.policy = new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(Output.tuple(bucket.arn(), args.accountId())
                        .applyValue(t -> policy(settings.region(), t.t2, t.t1).toJson()))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(settled).build());

        this.bucketName = bucket.bucket();
        this.bucketArn = bucket.arn();
        registerOutputs(Map.of("bucketName", bucketName, "bucketArn", bucketArn));
    }

    /** {@code order-processing-alb-logs-<env>-<account-id>}, the plan's name qualified by environment. */
    public static String bucketName(String environment, String accountId) {
        return Settings.PROJECT + "-alb-logs-" + environment + "-" + accountId;
    }

    /** Log delivery may only put objects under {@code <prefix>/AWSLogs/<account>/}; plain HTTP is refused. */
    public static PolicyDocument policy(String region, String accountId, String bucketArn) {
        ElbLogDelivery.Principal writer = ElbLogDelivery.principal(region);
        return PolicyDocument.of(
                Statement.allow().sid("AllowLoadBalancerLogDelivery")
                        .principal(writer.kind(), writer.value())
                        .actions("s3:PutObject")
                        .resources(bucketArn + "/" + PREFIX + "/AWSLogs/" + accountId + "/*"),
                Statement.deny().sid("DenyInsecureTransport")
                        .anyone()
                        .actions("s3:*")
                        .resources(bucketArn, bucketArn + "/*")
                        .condition("Bool", "aws:SecureTransport", false));
    }

    public Output<String> bucketName() {
        return bucketName;
    }

    public Output<String> bucketArn() {
        return bucketArn;
    }

    /** The bucket policy; the load balancer's logging depends on it (AWS checks write access when logging is enabled). */
    public Resource bucketPolicy() {
        return policy;
    }
}
