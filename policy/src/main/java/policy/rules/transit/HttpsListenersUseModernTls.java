package policy.rules.transit;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.ConfigSchema;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.PropertyValue;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

/**
 * HTTPS listeners use a TLS 1.2+ security policy (the {@code ELBSecurityPolicy-TLS13-*} and
 * {@code ELBSecurityPolicy-TLS-1-2-*} / FS-1-2 families); plain HTTP listeners only redirect to
 * HTTPS, unless config lets HTTP forward ({@code httpMayForward}: the plan serves HTTP on 80 until a
 * certificate is configured).
 */
public final class HttpsListenersUseModernTls extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("https-listeners-use-modern-tls")
            .description("Load balancer listeners serve HTTPS with a TLS 1.2+ policy, and HTTP listeners only redirect")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("SC-8", "ELB.1", "ELB.17", "B6", "B8")
            .remediation("Set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06",
                    "Make HTTP listeners' default action a redirect with protocol HTTPS")
            .config(ConfigSchema.builder()
                    .bool("httpMayForward", false, "Whether HTTP listeners may forward instead of redirecting (no certificate yet)")
                    .build())
            .build();

    public HttpsListenersUseModernTls() {
        super(INFO, Types.LISTENER);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        String protocol = resource.prop("protocol").string().orElse("HTTP");
        if ("HTTPS".equals(protocol) || "TLS".equals(protocol)) {
            String policy = resource.prop("sslPolicy").string().orElse("");
            return isTls12OrLater(policy) ? Outcome.compliant() : Outcome.violation("listener '" + resource.name()
                    + "' uses ssl policy '" + policy + "', which allows TLS before 1.2");
        }
        if (!"HTTP".equals(protocol)) {
            return Outcome.notApplicable("protocol " + protocol + " carries no HTTP traffic");
        }
        if (context.config().bool("httpMayForward")) {
            return Outcome.notApplicable("config lets HTTP listeners forward until a certificate is configured");
        }
        for (PropertyValue action : resource.prop("defaultActions").items()) {
            boolean redirects = "redirect".equals(action.get("type").string().orElse(""))
                    && "HTTPS".equals(action.get("redirect").get("protocol").string().orElse(""));
            if (!redirects) {
                return Outcome.violation("HTTP listener '" + resource.name() + "' does not redirect to HTTPS");
            }
        }
        return Outcome.compliant();
    }

    static boolean isTls12OrLater(String policy) {
        return policy.startsWith("ELBSecurityPolicy-TLS13-") || policy.startsWith("ELBSecurityPolicy-TLS-1-2-")
                || policy.startsWith("ELBSecurityPolicy-FS-1-2-");
    }
}
