package infra.security;

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
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleTransitionArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import infra.config.Settings;
import infra.security.iam.PolicyDocument;

import java.util.Optional;
import java.util.function.Function;

/**
 * A private, versioned, encrypted, TLS-only archive bucket with a retention lifecycle, created as
 * children of {@code parent}: the delivery target of CloudTrail and of AWS Config. The bucket
 * policy is the caller's statements plus a deny of non-TLS requests; callers make their writer
 * depend on {@link #policy()} so the service's delivery check passes on the first deploy.
 */
final class AuditBucket {
    /** Plan, "Compliance and Audit": audit records are kept for 7 years (7 x 365 days). */
    static final int RETENTION_DAYS = 7 * 365;
    /** Versions left behind by expiry (delete markers) are removed this long after they stop being current. */
    static final int NONCURRENT_VERSION_DAYS = 30;

    private final BucketV2 bucket;
    private final BucketPolicy policy;

    /**
     * @param archiveAfterDays days until objects move to Glacier, or empty to keep them in Standard
     * @param kmsKeyArn the key for default encryption, or empty for SSE-S3
     * @param statements the service's write statements, given the bucket ARN
     */
    AuditBucket(String name, Resource parent, Settings settings, Output<String> bucketName,
                Optional<Integer> archiveAfterDays, Optional<Output<String>> kmsKeyArn,
                Output<Function<String, PolicyDocument>> statements) {
        boolean protect = settings.data().protectStatefulResources();
        bucket = new BucketV2(name, BucketV2Args.builder()
                .bucket(bucketName)
                .tags(settings.tags())
                .build(), CustomResourceOptions.builder().parent(parent).protect(protect).build());
        var child = CustomResourceOptions.builder().parent(parent).build();

        var publicAccess = new BucketPublicAccessBlock(name + "-public-access-block", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), child);
        new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), child);
        new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), child);

        var byDefault = BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder();
        kmsKeyArn.ifPresentOrElse(key -> byDefault.sseAlgorithm("aws:kms").kmsMasterKeyId(key), () -> byDefault.sseAlgorithm("AES256"));
        new BucketServerSideEncryptionConfigurationV2(name + "-encryption", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(byDefault.build())
                        .bucketKeyEnabled(kmsKeyArn.isPresent())
                        .build())
                .build(), child);

        var rule = BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("retain-7-years")
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(RETENTION_DAYS).build())
                .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                        .noncurrentDays(NONCURRENT_VERSION_DAYS).build());
        archiveAfterDays.ifPresent(days -> rule.transitions(BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
                .days(days).storageClass("GLACIER").build()));
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(rule.build())
                .build(), child);

        // one policy per bucket: the service's grants plus TLS-only; after the public access block
        // so the two S3 calls do not race on the same bucket
        policy = new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(Output.tuple(bucket.arn(), statements).applyValue(t -> withTlsOnly(t.t2.apply(t.t1), t.t1).toJson()))
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(publicAccess).build());
    }

    static PolicyDocument withTlsOnly(PolicyDocument doc, String bucketArn) {
        return doc.add(PolicyDocument.Statement.deny().sid("DenyInsecureTransport").anyone()
                .actions("s3:*")
                .resources(bucketArn, bucketArn + "/*")
                .condition("Bool", "aws:SecureTransport", false));
    }

    BucketV2 bucket() {
        return bucket;
    }

    BucketPolicy policy() {
        return policy;
    }
}
