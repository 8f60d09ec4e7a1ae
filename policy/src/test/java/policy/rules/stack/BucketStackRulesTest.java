package policy.rules.stack;

import org.junit.jupiter.api.Test;
import policy.rules.RuleCheck;
import policy.sdk.ResourceInput;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static policy.rules.RuleCheck.UNKNOWN;
import static policy.rules.RuleCheck.doc;
import static policy.rules.RuleCheck.linked;
import static policy.rules.RuleCheck.res;

/** The bucket rules: encryption by role, lifecycles by role, ALB log delivery; through AnalyzeStack. */
class BucketStackRulesTest {
    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    private static final String LEGACY_BUCKET = "aws:s3/bucket:Bucket";
    private static final String ENCRYPTION = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    private static final String ENCRYPTION_V7 = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
    private static final String LIFECYCLE = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
    private static final String POLICY = "aws:s3/bucketPolicy:BucketPolicy";
    private static final String QUEUE = "aws:sqs/queue:Queue";
    private static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/0b1c2d3e";
    private static final String LB_ARN = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/alb/50dc6c495c0c9188";
    private static final String LB_TYPES = "aws:alb/loadBalancer:LoadBalancer, aws:applicationloadbalancing/loadBalancer:LoadBalancer, "
            + "aws:elasticloadbalancingv2/loadBalancer:LoadBalancer, aws:lb/loadBalancer:LoadBalancer";

    private static final ResourceInput ALB = res("aws:alb/loadBalancer:LoadBalancer", "alb",
            "{'arn':'" + LB_ARN + "','accessLogs':{'bucket':'op-alb-logs','enabled':true,'prefix':'alb'}}");
    private static final ResourceInput ALB_BUCKET = res(BUCKET, "alb-logs", "{'bucket':'op-alb-logs','id':'op-alb-logs'}");
    private static final ResourceInput AUDIT_BUCKET = res(BUCKET, "audit", "{'bucket':'op-audit','id':'op-audit'}");

    private static ResourceInput sse(String name, String bucket, String defaults) {
        return res(ENCRYPTION, name, "{'bucket':'" + bucket + "','rules':[{'applyServerSideEncryptionByDefault':" + defaults + "}]}");
    }

    private static final ResourceInput ALB_SSE_S3 = sse("alb-logs-sse", "op-alb-logs", "{'sseAlgorithm':'AES256'}");
    private static final ResourceInput AUDIT_KMS = sse("audit-sse", "op-audit", "{'sseAlgorithm':'aws:kms','kmsMasterKeyId':'" + KEY_ARN + "'}");

    @Test
    void bucketsUseKmsExceptTheAlbLogBucketWhichUsesSseS3() {
        RuleCheck rule = RuleCheck.of("buckets-encrypted-at-rest");

        assertTrue(rule.stack(ALB, ALB_BUCKET, ALB_SSE_S3, AUDIT_BUCKET, AUDIT_KMS).compliant());
        assertEquals(List.of("bucket 'alb-logs' uses 'AES256'; SSE-KMS (aws:kms) with a customer-managed key is required"),
                rule.stack(ALB_BUCKET, ALB_SSE_S3).violations(), "without the load balancer naming it, SSE-S3 is not excused");
        assertEquals(List.of("bucket 'alb-logs' receives ALB access logs and uses 'aws:kms'; ALB log delivery supports only SSE-S3 (AES256)"),
                rule.stack(ALB, ALB_BUCKET, sse("alb-logs-sse", "op-alb-logs", "{'sseAlgorithm':'aws:kms','kmsMasterKeyId':'" + KEY_ARN + "'}"))
                        .violations());
        assertEquals(List.of("bucket 'audit' uses SSE-KMS without kmsMasterKeyId, i.e. the AWS-managed key aws/s3"),
                rule.stack(AUDIT_BUCKET, sse("audit-sse", "op-audit", "{'sseAlgorithm':'aws:kms'}")).violations());
        assertEquals(List.of("bucket 'audit' uses the AWS-managed key alias/aws/s3; a customer-managed key is required"),
                rule.stack(AUDIT_BUCKET, res(ENCRYPTION_V7, "audit-sse", "{'bucket':'op-audit','rule':{'applyServerSideEncryptionByDefault':"
                        + "{'sseAlgorithm':'aws:kms','kmsMasterKeyId':'alias/aws/s3'}}}")).violations(), "7.x token, single rule");
        assertEquals(List.of("bucket 'audit' has no default encryption configuration"), rule.stack(AUDIT_BUCKET, ALB_SSE_S3).violations());
        assertEquals("the stack has no resource of type aws:s3/bucket:Bucket, aws:s3/bucketV2:BucketV2",
                rule.stack(res(QUEUE, "q", "{}")).notApplicable());
    }

    @Test
    void theLegacyInlineEncryptionFormCounts() {
        RuleCheck rule = RuleCheck.of("buckets-encrypted-at-rest");
        String kms = "{'bucket':'op-legacy','serverSideEncryptionConfiguration':{'rule':{'applyServerSideEncryptionByDefault':"
                + "{'sseAlgorithm':'aws:kms','kmsMasterKeyId':'" + KEY_ARN + "'}}}}";

        assertTrue(rule.stack(res(LEGACY_BUCKET, "legacy", kms)).compliant());
        assertEquals(List.of("bucket 'legacy' uses 'AES256'; SSE-KMS (aws:kms) with a customer-managed key is required"),
                rule.stack(res(LEGACY_BUCKET, "legacy", "{'bucket':'op-legacy','serverSideEncryptionConfiguration':{'rule':"
                        + "{'applyServerSideEncryptionByDefault':{'sseAlgorithm':'AES256'}}}}")).violations());
    }

    @Test
    void encryptionNotYetKnownIsUndecidable() {
        RuleCheck rule = RuleCheck.of("buckets-encrypted-at-rest");
        ResourceInput key = res("aws:kms/key:Key", "audit-key", "{'arn':'" + UNKNOWN + "'}");

        assertTrue(rule.stack(AUDIT_BUCKET, sse("audit-sse", "op-audit", "{'sseAlgorithm':'" + UNKNOWN + "'}")).undecidable());
        assertTrue(rule.stack(AUDIT_BUCKET, key, linked(res(ENCRYPTION, "audit-sse", "{'bucket':'op-audit'}"), "rules", key)).undecidable(),
                "rules dropped as unknown, known to depend on the key");
        ResourceInput unnamed = res(BUCKET, "audit", "{'bucket':'" + UNKNOWN + "'}");
        assertTrue(rule.stack(unnamed, linked(sse("audit-sse", UNKNOWN, "{'sseAlgorithm':'aws:kms','kmsMasterKeyId':'" + KEY_ARN + "'}"),
                "bucket", unnamed)).compliant(), "the configuration links to its bucket by dependency");
    }

    private static ResourceInput lifecycle(String name, String bucket, String rules) {
        return res(LIFECYCLE, name, "{'bucket':'" + bucket + "','rules':" + rules + "}");
    }

    private static final ResourceInput TRAIL = res("aws:cloudtrail/trail:Trail", "trail", "{'s3BucketName':'op-trail'}");
    private static final ResourceInput TRAIL_BUCKET = res(BUCKET, "trail-bucket", "{'bucket':'op-trail'}");
    private static final ResourceInput CHANNEL = res("aws:cfg/deliveryChannel:DeliveryChannel", "channel", "{'s3BucketName':'op-config'}");
    private static final ResourceInput CONFIG_BUCKET = res(BUCKET, "config-bucket", "{'bucket':'op-config'}");

    @Test
    void logBucketsFollowThePlansLifecycles() {
        RuleCheck rule = RuleCheck.of("log-buckets-follow-retention-plan");
        ResourceInput albExpiry = lifecycle("alb-lc", "op-alb-logs", "[{'id':'expire','status':'Enabled','expiration':{'days':30}}]");
        ResourceInput trailLc = lifecycle("trail-lc", "op-trail", "[{'id':'archive','status':'Enabled','expiration':{'days':2555},"
                + "'transitions':[{'days':90,'storageClass':'GLACIER'}]}]");

        assertTrue(rule.stack(ALB, ALB_BUCKET, albExpiry, TRAIL, TRAIL_BUCKET, trailLc, CHANNEL, CONFIG_BUCKET).compliant(),
                "a Config bucket without lifecycle keeps objects forever");
        assertEquals(List.of("ALB access-log bucket 'alb-logs' expires objects after 45 days; the plan expires them at 30 days",
                        "CloudTrail bucket 'trail-bucket' does not transition objects to GLACIER at 90 days",
                        "CloudTrail bucket 'trail-bucket' never expires objects; the plan expires them at 2555 days",
                        "AWS Config bucket 'config-bucket' expires objects after 365 days; the plan keeps them at least 2555 days"),
                rule.stack(ALB, ALB_BUCKET, lifecycle("alb-lc", "op-alb-logs", "[{'status':'Enabled','expiration':{'days':45}}]"),
                        TRAIL, TRAIL_BUCKET, CHANNEL, CONFIG_BUCKET,
                        lifecycle("config-lc", "op-config", "[{'status':'Enabled','expiration':{'days':365}}]")).violations());
        assertEquals(List.of("ALB access-log bucket 'alb-logs' never expires objects; the plan expires them at 30 days"),
                rule.stack(ALB, ALB_BUCKET, lifecycle("alb-lc", "op-alb-logs", "[{'status':'Disabled','expiration':{'days':30}}]")).violations(),
                "a disabled rule does not count");
        assertTrue(RuleCheck.of("log-buckets-follow-retention-plan", "{'log-buckets-follow-retention-plan':{'albLogExpirationDays':45}}")
                .stack(ALB, ALB_BUCKET, lifecycle("alb-lc", "op-alb-logs", "[{'status':'Enabled','expiration':{'days':45}}]")).compliant(),
                "thresholds come from config");
        assertEquals(List.of("ALB access-log bucket 'alb-logs' expires objects after 1 day; the plan expires them at 2 days",
                        "AWS Config bucket 'config-bucket' expires objects after 1 and 2 days; the plan keeps them at least 3 days"),
                RuleCheck.of("log-buckets-follow-retention-plan", "{'log-buckets-follow-retention-plan':{'albLogExpirationDays':2,"
                                + "'configMinimumRetentionDays':3}}")
                        .stack(ALB, ALB_BUCKET, lifecycle("alb-lc", "op-alb-logs", "[{'status':'Enabled','expiration':{'days':1}}]"),
                                CHANNEL, CONFIG_BUCKET, lifecycle("config-lc", "op-config", "[{'status':'Enabled','expiration':{'days':1}},"
                                        + "{'status':'Enabled','expiration':{'days':2}}]")).violations());
        assertEquals(List.of("CloudTrail bucket 'trail-bucket' does not transition objects to GLACIER at 1 day",
                        "CloudTrail bucket 'trail-bucket' never expires objects; the plan expires them at 1 day"),
                RuleCheck.of("log-buckets-follow-retention-plan", "{'log-buckets-follow-retention-plan':{'trailGlacierTransitionDays':1,"
                        + "'trailExpirationDays':1}}").stack(TRAIL, TRAIL_BUCKET).violations());
        assertTrue(rule.stack(ALB, res(LEGACY_BUCKET, "alb-logs", "{'bucket':'op-alb-logs','lifecycleRules':[{'enabled':true,"
                + "'expiration':{'days':30}}]}")).compliant(), "legacy inline lifecycle rules");
        assertEquals("the stack has no resource of type aws:alb/loadBalancer:LoadBalancer, aws:applicationloadbalancing/loadBalancer:LoadBalancer, "
                + "aws:cfg/deliveryChannel:DeliveryChannel, aws:cloudtrail/trail:Trail, aws:elasticloadbalancingv2/loadBalancer:LoadBalancer, "
                + "aws:lb/loadBalancer:LoadBalancer", rule.stack(ALB_BUCKET).notApplicable());
        assertTrue(rule.stack(ALB, ALB_BUCKET, lifecycle("alb-lc", "op-alb-logs", "[{'status':'Enabled','expiration':{'days':'" + UNKNOWN + "'}}]"))
                .undecidable());
    }

    private static ResourceInput bucketPolicy(String principal, String resource) {
        return res(POLICY, "alb-logs-policy", "{'bucket':'op-alb-logs','policy':" + doc("{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
                + "'Principal':" + principal + ",'Action':'s3:PutObject','Resource':'" + resource + "'}]}") + "}");
    }

    @Test
    void albLogsGoToABucketThatAdmitsRegionalLogDelivery() {
        RuleCheck rule = RuleCheck.of("load-balancer-access-logs-delivered");
        String underPrefix = "arn:aws:s3:::op-alb-logs/alb/AWSLogs/111122223333/*";
        String expected = "load balancer 'alb' writes access logs to bucket 'alb-logs', but no bucket policy allows s3:PutObject on "
                + "'alb/AWSLogs/111122223333/*' to the us-east-1 ELB account 127311923021 or logdelivery.elasticloadbalancing.amazonaws.com";

        assertTrue(rule.stack(ALB, ALB_BUCKET, bucketPolicy("{'AWS':'arn:aws:iam::127311923021:root'}", underPrefix)).compliant());
        assertTrue(rule.stack(ALB, ALB_BUCKET, bucketPolicy("{'Service':'logdelivery.elasticloadbalancing.amazonaws.com'}",
                "arn:aws:s3:::op-alb-logs/*")).compliant());
        assertEquals(List.of(expected), rule.stack(ALB, ALB_BUCKET,
                bucketPolicy("{'AWS':'arn:aws:iam::156460612806:root'}", underPrefix)).violations(), "eu-west-1's account in us-east-1");
        assertEquals(List.of(expected), rule.stack(ALB, ALB_BUCKET,
                bucketPolicy("{'AWS':'arn:aws:iam::127311923021:root'}", "arn:aws:s3:::op-alb-logs/other/*")).violations(), "outside the prefix");
        assertEquals(List.of("load balancer 'alb' does not write access logs (accessLogs.enabled is not true)"),
                rule.stack(res("aws:lb/loadBalancer:LoadBalancer", "alb", "{'arn':'" + LB_ARN + "'}")).violations());
        assertEquals(List.of("load balancer 'alb' writes access logs to bucket 'op-alb-logs' that is not in the stack"), rule.stack(ALB).violations());
        assertTrue(rule.stack(res("aws:lb/loadBalancer:LoadBalancer", "nlb", "{'loadBalancerType':'network'}")).compliant(),
                "network load balancers are out of scope");
        assertEquals("the stack has no resource of type " + LB_TYPES, rule.stack(ALB_BUCKET).notApplicable());
        assertTrue(rule.stack(res("aws:lb/loadBalancer:LoadBalancer", "alb", "{'arn':'" + UNKNOWN
                + "','accessLogs':{'bucket':'op-alb-logs','enabled':true}}"), ALB_BUCKET).undecidable());
    }
}
