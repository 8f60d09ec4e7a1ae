package infra.config;

/** Feature toggles; defaults follow the plan (the "future" items are on in prod only). */
public record Features(boolean waf, boolean https, boolean vpcEndpoints, boolean xray) {
    static Features load(ConfigReader r) {
        boolean prod = r.environment().isProd();
        return new Features(
                r.bool("wafEnabled", prod),
                r.bool("httpsEnabled", false),
                r.bool("vpcEndpointsEnabled", prod),
                r.bool("xrayEnabled", true));
    }
}
