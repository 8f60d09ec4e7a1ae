package policy.check;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import policy.sdk.Diagnostic;
import policy.sdk.EnforcementLevel;
import policy.sdk.Evaluation;
import policy.sdk.Messages;
import policy.sdk.Policy;
import policy.sdk.PolicyInfo;
import policy.sdk.PolicyPack;
import policy.sdk.ResolvedConfig;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link Evaluation}: a readable report, a JSON document and SARIF 2.1.0 (for code
 * scanning UIs). The offline plan can call these directly with its own evaluation.
 */
public final class Reports {
    public static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private Reports() {
    }

    /** Mandatory first, then advisory; each with policy, resource and the message's detail lines. */
    public static String text(PolicyPack pack, Evaluation evaluation, String source) {
        StringBuilder out = new StringBuilder();
        long mandatory = count(evaluation, EnforcementLevel.MANDATORY);
        long advisory = count(evaluation, EnforcementLevel.ADVISORY);
        out.append("Policy pack ").append(pack.name()).append("@v").append(pack.version()).append(" over ").append(source).append('\n');
        for (Diagnostic d : sorted(evaluation)) {
            out.append('\n').append(d.level().text()).append(": ").append(d.policyName());
            if (d.severity() != policy.sdk.Severity.UNSPECIFIED) {
                out.append(" [").append(d.severity().name().toLowerCase(Locale.ROOT)).append(']');
            }
            out.append('\n').append("    resource: ").append(d.urn().orElse("(stack)")).append('\n');
            for (String line : d.message().split("\n")) {
                out.append("    ").append(line).append('\n');
            }
        }
        out.append('\n').append(Messages.count(mandatory, "mandatory violation")).append(", ")
                .append(Messages.count(advisory, "advisory violation")).append('\n');
        return out.toString();
    }

    public static String json(PolicyPack pack, Evaluation evaluation, String source) {
        JsonObject root = new JsonObject();
        root.addProperty("policyPack", pack.name());
        root.addProperty("version", pack.version());
        root.addProperty("input", source);
        JsonObject counts = new JsonObject();
        counts.addProperty("mandatory", count(evaluation, EnforcementLevel.MANDATORY));
        counts.addProperty("advisory", count(evaluation, EnforcementLevel.ADVISORY));
        counts.addProperty("notApplicable", evaluation.notApplicable().size());
        root.add("counts", counts);
        JsonArray diagnostics = new JsonArray();
        for (Diagnostic d : sorted(evaluation)) {
            JsonObject o = new JsonObject();
            o.addProperty("policy", d.policyName());
            o.addProperty("level", d.level().text());
            o.addProperty("severity", d.severity().name().toLowerCase(Locale.ROOT));
            o.addProperty("kind", d.kind().name().toLowerCase(Locale.ROOT));
            o.addProperty("urn", d.urn().orElse(""));
            o.addProperty("description", d.description());
            o.addProperty("message", d.message());
            diagnostics.add(o);
        }
        root.add("diagnostics", diagnostics);
        JsonArray notApplicable = new JsonArray();
        for (Evaluation.NotApplicable n : evaluation.notApplicable()) {
            JsonObject o = new JsonObject();
            o.addProperty("policy", n.policyName());
            o.addProperty("urn", n.urn());
            o.addProperty("reason", n.reason());
            notApplicable.add(o);
        }
        root.add("notApplicable", notApplicable);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    /** SARIF 2.1.0: one rule per policy (with its configured level), one result per diagnostic. */
    public static String sarif(PolicyPack pack, ResolvedConfig config, Evaluation evaluation, String source) {
        JsonObject driver = new JsonObject();
        driver.addProperty("name", pack.name());
        driver.addProperty("version", pack.version());
        JsonArray rules = new JsonArray();
        List<Policy> policies = pack.policies();
        for (Policy policy : policies) {
            PolicyInfo info = policy.info();
            JsonObject rule = new JsonObject();
            rule.addProperty("id", info.name());
            rule.addProperty("name", info.displayName().isEmpty() ? info.name() : info.displayName());
            rule.add("shortDescription", text(info.description()));
            if (!info.remediationSteps().isEmpty()) {
                rule.add("help", text(String.join("\n", info.remediationSteps())));
            }
            if (!info.url().isEmpty()) {
                rule.addProperty("helpUri", info.url());
            }
            JsonObject defaults = new JsonObject();
            EnforcementLevel level = config.of(policy).level();
            defaults.addProperty("enabled", level != EnforcementLevel.DISABLED);
            defaults.addProperty("level", sarifLevel(level.reported()));
            rule.add("defaultConfiguration", defaults);
            JsonObject properties = new JsonObject();
            JsonArray tags = new JsonArray();
            info.controls().forEach(tags::add);
            info.tags().forEach(tags::add);
            properties.add("tags", tags);
            properties.addProperty("severity", info.severity().name().toLowerCase(Locale.ROOT));
            properties.addProperty("enforcementLevel", level.text());
            rule.add("properties", properties);
            rules.add(rule);
        }
        driver.add("rules", rules);

        JsonArray results = new JsonArray();
        for (Diagnostic d : sorted(evaluation)) {
            JsonObject result = new JsonObject();
            result.addProperty("ruleId", d.policyName());
            result.addProperty("ruleIndex", indexOf(policies, d.policyName()));
            result.addProperty("level", sarifLevel(d.level()));
            result.add("message", text(d.message()));
            JsonObject location = new JsonObject();
            JsonObject physical = new JsonObject();
            JsonObject artifact = new JsonObject();
            artifact.addProperty("uri", source);
            physical.add("artifactLocation", artifact);
            location.add("physicalLocation", physical);
            JsonArray logical = new JsonArray();
            JsonObject resource = new JsonObject();
            resource.addProperty("fullyQualifiedName", d.urn().orElse("(stack)"));
            resource.addProperty("kind", "resource");
            logical.add(resource);
            location.add("logicalLocations", logical);
            JsonArray locations = new JsonArray();
            locations.add(location);
            result.add("locations", locations);
            JsonObject properties = new JsonObject();
            properties.addProperty("enforcementLevel", d.level().text());
            properties.addProperty("kind", d.kind().name().toLowerCase(Locale.ROOT));
            result.add("properties", properties);
            results.add(result);
        }

        JsonObject run = new JsonObject();
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);
        run.add("tool", tool);
        run.add("results", results);
        JsonArray runs = new JsonArray();
        runs.add(run);
        JsonObject root = new JsonObject();
        root.addProperty("$schema", SARIF_SCHEMA);
        root.addProperty("version", "2.1.0");
        root.add("runs", runs);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static String sarifLevel(EnforcementLevel level) {
        return level == EnforcementLevel.MANDATORY ? "error" : "warning";
    }

    private static int indexOf(List<Policy> policies, String name) {
        for (int i = 0; i < policies.size(); i++) {
            if (policies.get(i).info().name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static JsonObject text(String value) {
        JsonObject o = new JsonObject();
        o.addProperty("text", value);
        return o;
    }

    private static long count(Evaluation evaluation, EnforcementLevel level) {
        return evaluation.diagnostics().stream().filter(d -> d.level() == level).count();
    }

    private static List<Diagnostic> sorted(Evaluation evaluation) {
        return evaluation.diagnostics().stream()
                .sorted(Comparator.comparing((Diagnostic d) -> d.level() != EnforcementLevel.MANDATORY)
                        .thenComparing(Diagnostic::policyName).thenComparing(d -> d.urn().orElse("")))
                .toList();
    }
}
