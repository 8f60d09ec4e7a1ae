package infra.config;

/** Threat detection and audit services; GuardDuty off in dev by default (the plan's cost strategy). */
public record SecuritySettings(
        boolean guardDutyEnabled,
        boolean securityHubEnabled,
        boolean inspectorEnabled,
        boolean cloudTrailEnabled,
        boolean configEnabled,
        int wafRateLimitPer5Minutes) {

    static SecuritySettings load(ConfigReader r) {
        boolean dev = r.environment() == Environment.DEV;
        return new SecuritySettings(
                r.bool("guardDutyEnabled", !dev),
                r.bool("securityHubEnabled", true),
                r.bool("inspectorEnabled", true),
                r.bool("cloudTrailEnabled", true),
                r.bool("configEnabled", true),
                r.integer("wafRateLimit", 2000, 100, 2_000_000_000));
    }
}
