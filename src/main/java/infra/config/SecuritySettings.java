package infra.config;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Threat detection and audit services; GuardDuty off in dev by default (the plan's cost strategy). */
public record SecuritySettings(
        boolean guardDutyEnabled,
        boolean securityHubEnabled,
        boolean inspectorEnabled,
        boolean cloudTrailEnabled,
        boolean configEnabled,
        int wafRateLimitPer5Minutes,
        Optional<String> existingGuardDutyDetectorId,
        String guardDutyFindingFrequency,
        boolean adoptExistingSecurityHub,
        boolean cloudTrailS3DataEvents,
        boolean configServiceLinkedRoleExists) {

    /** GuardDuty detector ids are 32 lower-case hex characters. */
    private static final Pattern DETECTOR_ID = Pattern.compile("^[0-9a-f]{32}$");
    /** The values GuardDuty accepts for findingPublishingFrequency, in the order messages list them. */
    private static final Map<String, String> FREQUENCIES = frequencies();

    /**
     * Whether any finding source is on, so that HIGH and CRITICAL findings are routed to the security
     * topic (with their dead-letter queue and its alarm); with both off there is nothing to route.
     */
    public boolean routesFindings() {
        return securityHubEnabled || guardDutyEnabled;
    }

    static SecuritySettings load(ConfigReader r) {
        boolean dev = r.environment() == Environment.DEV;
        return new SecuritySettings(
                r.bool("guardDutyEnabled", !dev),
                r.bool("securityHubEnabled", true),
                r.bool("inspectorEnabled", true),
                r.bool("cloudTrailEnabled", true),
                r.bool("configEnabled", true),
                r.integer("wafRateLimit", 2000, 100, 2_000_000_000),
                // account-and-region singletons: a second stack in the account adopts instead of creating
                Optional.ofNullable(r.string("guardDutyDetectorId", null, DETECTOR_ID,
                        "the 32-character hex id of the account's existing GuardDuty detector")),
                r.choice("guardDutyFindingFrequency", "FIFTEEN_MINUTES", FREQUENCIES),
                r.bool("securityHubAdoptExisting", false),
                r.bool("cloudTrailS3DataEvents", r.environment().isProd()),
                r.bool("configServiceLinkedRoleExists", false));
    }

    private static Map<String, String> frequencies() {
        Map<String, String> ordered = new java.util.LinkedHashMap<>();
        for (String value : new String[] {"FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"}) {
            ordered.put(value, value);
        }
        return java.util.Collections.unmodifiableMap(ordered);
    }
}
