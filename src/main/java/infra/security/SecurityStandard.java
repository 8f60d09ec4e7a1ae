package infra.security;

/**
 * The Security Hub standards the plan enables ("AWS Security Hub", Enabled Standards). Both are
 * regional standards ({@code arn:<partition>:securityhub:<region>::standards/...}); only the
 * retired CIS v1.2.0 used the global {@code ::ruleset/} form, which is why CIS is pinned to v1.4.0.
 */
public enum SecurityStandard {
    FOUNDATIONAL_BEST_PRACTICES("fsbp", "aws-foundational-security-best-practices/v/1.0.0"),
    CIS_1_4_0("cis-1-4-0", "cis-aws-foundations-benchmark/v/1.4.0");

    private final String slug;
    private final String path;

    SecurityStandard(String slug, String path) {
        this.slug = slug;
        this.path = path;
    }

    /** A short name for logical resource names, e.g. {@code fsbp}. */
    public String slug() {
        return slug;
    }

    /** The standard's ARN in a partition and region, e.g. {@code arn:aws:securityhub:eu-west-1::standards/...}. */
    public String arn(String partition, String region) {
        return "arn:" + partition + ":securityhub:" + region + "::standards/" + path;
    }

    /** The subscription ARN Security Hub assigns in an account, as the provider's id. */
    public String subscriptionArn(String partition, String region, String account) {
        return "arn:" + partition + ":securityhub:" + region + ":" + account + ":subscription/" + path;
    }
}
