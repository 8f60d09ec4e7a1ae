package policy.rules.stack;

import policy.rules.StackRule;
import policy.rules.Statements;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;
import policy.sdk.StackView;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every application load balancer writes access logs ({@code accessLogs.enabled}) to a bucket of
 * the stack whose bucket policy lets the region's log delivery put objects under the log prefix
 * ({@code <prefix>/AWSLogs/<account>/}). Log delivery is either the region's Elastic Load
 * Balancing account ({@code arn:<partition>:iam::<account>:root}, regions opened before August
 * 2022) or the service principal {@code logdelivery.elasticloadbalancing.amazonaws.com} (every
 * region). Region, partition and account come from the load balancer's ARN.
 */
public final class LoadBalancerAccessLogsDelivered extends StackRule {
    static final String LOG_DELIVERY_SERVICE = "logdelivery.elasticloadbalancing.amazonaws.com";

    /** The regional ELB log-delivery accounts (ELB user guide, "Enable access logs", bucket policy). */
    static final Map<String, String> ELB_ACCOUNTS = Map.ofEntries(
            Map.entry("us-east-1", "127311923021"), Map.entry("us-east-2", "033677994240"),
            Map.entry("us-west-1", "027434742980"), Map.entry("us-west-2", "797873946194"),
            Map.entry("af-south-1", "098369216593"), Map.entry("ap-east-1", "754344448648"),
            Map.entry("ap-northeast-1", "582318560864"), Map.entry("ap-northeast-2", "600734575887"),
            Map.entry("ap-northeast-3", "383597477331"), Map.entry("ap-south-1", "718504428378"),
            Map.entry("ap-southeast-1", "114774131450"), Map.entry("ap-southeast-2", "783225319266"),
            Map.entry("ca-central-1", "985666609251"), Map.entry("eu-central-1", "054676820928"),
            Map.entry("eu-north-1", "897822967062"), Map.entry("eu-south-1", "635631232127"),
            Map.entry("eu-west-1", "156460612806"), Map.entry("eu-west-2", "652711504416"),
            Map.entry("eu-west-3", "009996457667"), Map.entry("me-south-1", "076674570225"),
            Map.entry("sa-east-1", "507241528517"));

    private static final PolicyInfo INFO = PolicyInfo.builder("load-balancer-access-logs-delivered")
            .description("Load balancers write access logs to a bucket whose policy admits the region's log delivery")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("AU-2", "B1", "B2", "ELB.5", "AwsSolutions-ELB2", "CKV_AWS_91")
            .remediation("Set accessLogs {enabled: true, bucket, prefix} on the load balancer, to a bucket in the stack",
                    "In that bucket's policy allow s3:PutObject on <bucket ARN>/<prefix>/AWSLogs/<account>/* to the regional "
                            + "ELB account (arn:aws:iam::<elb-account>:root) or to " + LOG_DELIVERY_SERVICE)
            .build();

    public LoadBalancerAccessLogsDelivered() {
        super(INFO, Types.LOAD_BALANCER);
    }

    @Override
    public Outcome validate(StackView stack, PolicyContext context) {
        Outcome.Findings findings = Outcome.findings();
        for (ResourceView lb : Lookup.all(stack, Types.LOAD_BALANCER)) {
            if (Buckets.isApplication(lb)) {
                problem(stack, lb).ifPresent(message -> findings.add(lb.urn(), message));
            }
        }
        return findings.outcome();
    }

    private static Optional<String> problem(StackView stack, ResourceView lb) {
        String name = "load balancer '" + lb.name() + "'";
        if (!lb.prop("accessLogs.enabled").bool().orElse(false)) {
            return Optional.of(name + " does not write access logs (accessLogs.enabled is not true)");
        }
        List<ResourceView> buckets = Lookup.targets(stack, lb, "accessLogs", Types.BUCKET);
        if (buckets.isEmpty()) {
            return Optional.of(name + " writes access logs to bucket '" + lb.prop("accessLogs.bucket").string().orElse("")
                    + "' that is not in the stack");
        }
        String[] arn = lb.prop("arn").string().orElseThrow(() -> new IllegalStateException(name + " has no arn output")).split(":", 6);
        String partition = arn[1];
        String region = arn[3];
        String prefix = lb.prop("accessLogs.prefix").string().orElse("");
        String logPath = (prefix.isEmpty() ? "" : prefix + "/") + "AWSLogs/" + arn[4] + "/";
        ResourceView bucket = buckets.get(0);
        String sampleObject = "arn:" + partition + ":s3:::" + bucketName(bucket)
                + "/" + logPath + "elasticloadbalancing/" + region + "/access.log.gz";
        Optional<String> account = Optional.ofNullable(ELB_ACCOUNTS.get(region));
        for (ResourceView policy : Lookup.referrers(stack, Types.BUCKET_POLICY, "bucket", bucket)) {
            Optional<Statements> document = Statements.read(Lookup.known(policy, "policy"));
            if (document.isPresent() && document.get().statements().stream()
                    .anyMatch(s -> admitsDelivery(s, partition, account, sampleObject))) {
                return Optional.empty();
            }
        }
        return Optional.of(name + " writes access logs to bucket '" + bucket.name() + "', but no bucket policy allows s3:PutObject on '"
                + logPath + "*' to " + account.map(a -> "the " + region + " ELB account " + a + " or ").orElse("") + LOG_DELIVERY_SERVICE);
    }

    private static String bucketName(ResourceView bucket) {
        return bucket.prop("bucket").string().or(() -> bucket.prop("id").string()).orElse(bucket.name());
    }

    private static boolean admitsDelivery(Statements.Statement s, String partition, Optional<String> account, String object) {
        if (!s.allows() || s.actions().stream().noneMatch(a -> Lookup.actionGlob(a, "s3:PutObject"))
                || s.resources().stream().noneMatch(r -> Lookup.glob(r, object))) {
            return false;
        }
        boolean service = s.principals().getOrDefault("Service", List.of()).contains(LOG_DELIVERY_SERVICE);
        boolean elbAccount = account.isPresent() && s.principals().getOrDefault("AWS", List.of()).stream()
                .anyMatch(p -> p.equals(account.get()) || p.equals("arn:" + partition + ":iam::" + account.get() + ":root"));
        return service || elbAccount;
    }
}
