package infra.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Log retention (plan: 7 / 30 / 90 days) and alert routing. */
public record ObservabilitySettings(
        int logRetentionDays,
        List<String> infrastructureAlertEmails,
        List<String> securityAlertEmails,
        Optional<String> pagerDutyEndpoint,
        Optional<String> slackWebhookUrl,
        Optional<String> securitySlackWebhookUrl,
        Map<String, Double> alarmThresholds) {

    /** The values CloudWatch Logs accepts for retentionInDays (0 = never expire is not offered here). */
    public static final List<Integer> CLOUDWATCH_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180,
            365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    static ObservabilitySettings load(ConfigReader r) {
        Environment env = r.environment();
        int defaultRetention = switch (env) {
            case DEV -> 7;
            case STAGING -> 30;
            case PROD -> 90;
        };
        int retention = r.integerOneOf("logRetentionDays", defaultRetention, CLOUDWATCH_RETENTION_DAYS,
                "a CloudWatch Logs retention period in days");
        List<String> infra = r.emails("infrastructureAlertEmails", List.of("devops-team@example.com"));
        List<String> security = r.emails("securityAlertEmails", List.of("security-team@example.com"));
        Optional<String> pagerDuty = r.httpsUrl("pagerDutyEndpoint",
                "an https:// URL (the PagerDuty integration endpoint)", "https://events.pagerduty.com/integration/<key>/enqueue");
        if (pagerDuty.isPresent() && !env.isProd()) {
            r.problemWithFix("pagerDutyEndpoint", pagerDuty.get(), "PagerDuty pages only from prod (plan: Alerting Strategy)",
                    "pulumi config rm " + ConfigReader.fullKey("pagerDutyEndpoint") + " --stack " + r.stack());
        }
        Optional<String> slack = r.httpsUrl("slackWebhookUrl", "an https:// URL (a Slack incoming webhook)",
                "https://hooks.slack.com/services/<id>");
        Optional<String> securitySlack = r.httpsUrl("securitySlackWebhookUrl", "an https:// URL (a Slack incoming webhook)",
                "https://hooks.slack.com/services/<id>");
        return new ObservabilitySettings(retention, infra, security, pagerDuty, slack, securitySlack, alarmThresholds(r));
    }

    private static final java.util.regex.Pattern ALARM_ID = java.util.regex.Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)+$");

    /**
     * Per-stack alarm thresholds, a JSON object from alarm id ({@code <component>-<condition>}, e.g.
     * {@code backend-cpu-high}) to a number. Here only their form is checked; whether the stack
     * has such an alarm is the alarm catalog's {@code Settings.Check}, which the program passes to
     * {@link Settings#load(Map, java.util.Set, String, List)}.
     *
     * <p>Every bad entry gets the same fix: the user's valid entries without the bad ones (or
     * removing the key when none is valid), so following any one fix keeps the other overrides
     * and a dropped entry falls back to the catalog's threshold. A made-up threshold such as 0
     * would be accepted and leave the alarm firing constantly.
     */
    private static Map<String, Double> alarmThresholds(ConfigReader r) {
        Map<String, String> raw = r.stringMap("alarmThresholds", Map.of());
        Map<String, Double> thresholds = new LinkedHashMap<>();
        List<String[]> bad = new java.util.ArrayList<>(); // {shown value, what is wrong}
        raw.forEach((id, value) -> {
            if (!ALARM_ID.matcher(id).matches()) {
                bad.add(new String[] {id, "expected alarm ids such as backend-cpu-high as keys"});
                return;
            }
            try {
                double parsed = Double.parseDouble(value);
                if (parsed < 0 || Double.isNaN(parsed) || Double.isInfinite(parsed)) {
                    throw new NumberFormatException();
                }
                thresholds.put(id, parsed);
            } catch (NumberFormatException e) {
                bad.add(new String[] {id + "=" + value, "expected a non-negative number as the threshold of " + id});
            }
        });
        if (!bad.isEmpty()) {
            String key = ConfigReader.fullKey("alarmThresholds");
            String fix;
            if (thresholds.isEmpty()) {
                fix = "pulumi config rm " + key + " --stack " + r.stack();
            } else {
                com.google.gson.JsonObject kept = new com.google.gson.JsonObject();
                thresholds.forEach((id, threshold) ->
                        kept.add(id, new com.google.gson.JsonPrimitive(new java.math.BigDecimal(ConfigReader.fmt(threshold)))));
                fix = r.fixCommand("alarmThresholds", kept.toString());
            }
            bad.forEach(b -> r.problemWithFix("alarmThresholds", b[0], b[1], fix));
        }
        return Map.copyOf(thresholds);
    }
}
