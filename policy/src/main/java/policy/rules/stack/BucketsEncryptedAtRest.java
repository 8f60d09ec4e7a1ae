package policy.rules.stack;

import policy.rules.StackRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.PropertyValue;
import policy.sdk.ResourceView;
import policy.sdk.Severity;
import policy.sdk.StackView;

import java.util.List;

/**
 * Every bucket declares default encryption, through a separate
 * {@code BucketServerSideEncryptionConfiguration(V2)} or the legacy inline block, and uses SSE-KMS
 * with a customer-managed key. The one exception is the ALB access-log bucket, which must use
 * SSE-S3 ({@code AES256}) because ALB log delivery cannot write to SSE-KMS buckets. A bucket is the
 * ALB access-log bucket when an application load balancer of the stack names it in
 * {@code accessLogs.bucket}; a single resource cannot know this, so the rule is stack level. A
 * bucket with no encryption configuration at all is a violation.
 */
public final class BucketsEncryptedAtRest extends StackRule {
    static final String SSE_S3 = "AES256";

    private static final PolicyInfo INFO = PolicyInfo.builder("buckets-encrypted-at-rest")
            .description("S3 buckets declare default encryption: SSE-KMS with a customer key, SSE-S3 only for ALB access logs")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("SC-28", "I2", "B2", "S3.17", "CKV_AWS_145", "R5-S3DefaultEncryptionKMS")
            .remediation("Add a BucketServerSideEncryptionConfigurationV2 for the bucket",
                    "Use sseAlgorithm aws:kms with kmsMasterKeyId set to the customer-managed key's ARN (bucketKeyEnabled true)",
                    "For the bucket a load balancer's accessLogs.bucket names, use sseAlgorithm AES256 instead")
            .build();

    public BucketsEncryptedAtRest() {
        super(INFO, Types.BUCKET);
    }

    @Override
    public Outcome validate(StackView stack, PolicyContext context) {
        Outcome.Findings findings = Outcome.findings();
        for (ResourceView bucket : Buckets.all(stack)) {
            List<PropertyValue> defaults = Buckets.encryptionDefaults(stack, bucket);
            if (defaults.isEmpty()) {
                findings.add(bucket.urn(), "bucket '" + bucket.name() + "' has no default encryption configuration");
                continue;
            }
            boolean albLogs = Buckets.receivesAlbLogs(stack, bucket);
            for (PropertyValue sse : defaults) {
                problem(bucket, albLogs, sse).ifPresent(message -> findings.add(bucket.urn(), message));
            }
        }
        return findings.outcome();
    }

    private static java.util.Optional<String> problem(ResourceView bucket, boolean albLogs, PropertyValue sse) {
        String algorithm = sse.get("sseAlgorithm").string().orElse("");
        String name = "bucket '" + bucket.name() + "'";
        if (albLogs) {
            return SSE_S3.equals(algorithm) ? java.util.Optional.empty() : java.util.Optional.of(name
                    + " receives ALB access logs and uses '" + algorithm + "'; ALB log delivery supports only SSE-S3 (AES256)");
        }
        if (!algorithm.startsWith("aws:kms")) {
            return java.util.Optional.of(name + " uses '" + algorithm + "'; SSE-KMS (aws:kms) with a customer-managed key is required");
        }
        PropertyValue key = sse.get("kmsMasterKeyId");
        if (!key.isPresent()) {
            return java.util.Optional.of(name + " uses SSE-KMS without kmsMasterKeyId, i.e. the AWS-managed key aws/s3");
        }
        if (!key.isUnknown() && key.string().orElseThrow().endsWith("alias/aws/s3")) {
            return java.util.Optional.of(name + " uses the AWS-managed key alias/aws/s3; a customer-managed key is required");
        }
        return java.util.Optional.empty();
    }
}
