package infra.compute;

import java.util.Map;
import java.util.Optional;

/**
 * Who writes a load balancer's access logs into S3, per region. Regions opened before August 2022
 * deliver from a regional Elastic Load Balancing account that the bucket policy must name as an
 * AWS principal; newer regions deliver as the {@value #SERVICE_PRINCIPAL} service principal.
 * Source: "Enable access logs for your Application Load Balancer", Elastic Load Balancing user
 * guide (step 2, attach a policy to your S3 bucket).
 */
public final class ElbLogDelivery {
    private ElbLogDelivery() {
    }

    public static final String SERVICE_PRINCIPAL = "logdelivery.elasticloadbalancing.amazonaws.com";

    private static final Map<String, String> ELB_ACCOUNT_BY_REGION = Map.ofEntries(
            Map.entry("us-east-1", "127311923021"),
            Map.entry("us-east-2", "033677994240"),
            Map.entry("us-west-1", "027434742980"),
            Map.entry("us-west-2", "797873946194"),
            Map.entry("af-south-1", "098369216593"),
            Map.entry("ap-east-1", "754344448648"),
            Map.entry("ap-southeast-3", "589379963580"),
            Map.entry("ap-south-1", "718504428378"),
            Map.entry("ap-northeast-3", "383597477331"),
            Map.entry("ap-northeast-2", "600734575887"),
            Map.entry("ap-southeast-1", "114774131450"),
            Map.entry("ap-southeast-2", "783225319266"),
            Map.entry("ap-northeast-1", "582318560864"),
            Map.entry("ca-central-1", "985666609251"),
            Map.entry("eu-central-1", "054676820928"),
            Map.entry("eu-west-1", "156460612806"),
            Map.entry("eu-west-2", "652711504416"),
            Map.entry("eu-south-1", "635631232127"),
            Map.entry("eu-west-3", "009996457667"),
            Map.entry("eu-north-1", "897822967062"),
            Map.entry("me-south-1", "076674570225"),
            Map.entry("sa-east-1", "507241528517"),
            Map.entry("us-gov-west-1", "048591011584"),
            Map.entry("us-gov-east-1", "190560391635"),
            Map.entry("cn-north-1", "638102146993"),
            Map.entry("cn-northwest-1", "037604701340"));

    /** The principal kind ({@code AWS} or {@code Service}) and value a bucket policy grants. */
    public record Principal(String kind, String value) {
    }

    /** The regional ELB account of an older region; empty for regions that use the service principal. */
    public static Optional<String> elbAccount(String region) {
        return Optional.ofNullable(ELB_ACCOUNT_BY_REGION.get(region));
    }

    public static Principal principal(String region) {
        return elbAccount(region)
                .map(account -> new Principal("AWS", "arn:" + Partitions.of(region) + ":iam::" + account + ":root"))
                .orElseGet(() -> new Principal("Service", SERVICE_PRINCIPAL));
    }
}
