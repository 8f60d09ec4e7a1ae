package policy.rules.network;

import policy.rules.ResourceRule;
import policy.sdk.ConfigSchema;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

import java.util.List;

/**
 * Ingress from 0.0.0.0/0 or ::/0 admits single TCP web ports only (80 and 443 by default), in all
 * three rule shapes; protocol -1 and port ranges count as every port they cover. Which groups may
 * have such ingress at all (the load balancer's) is {@code WorldIngressOnlyOnLoadBalancers}.
 */
public final class WorldIngressLimitedToWebPorts extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("world-ingress-limited-to-web-ports")
            .description("Security groups admit the internet only on the web ports")
            .level(EnforcementLevel.MANDATORY).severity(Severity.CRITICAL)
            .controls("SC-7", "EC2.18", "EC2.19", "EC2.13", "A4", "A5", "AwsSolutions-EC23")
            .remediation("Replace the 0.0.0.0/0 or ::/0 source with the security group that needs access",
                    "or narrow the rule to tcp 443 (and 80 for the HTTPS redirect) on the load balancer's group")
            .config(ConfigSchema.builder().property("webPorts", webPortsSchema()).build())
            .build();

    public WorldIngressLimitedToWebPorts() {
        super(INFO, Ingress.TOKENS);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        List<Long> ports = context.config().json("webPorts").orElseThrow().getAsJsonArray().asList().stream()
                .map(e -> e.getAsLong()).toList();
        List<Ingress> ingress = Ingress.of(resource);
        if (ingress.isEmpty()) {
            return Outcome.notApplicable("no ingress permissions");
        }
        Outcome.Findings findings = Outcome.findings();
        for (Ingress rule : ingress) {
            if (rule.isWorldOpen() && !rule.onlyPortIn(ports)) {
                findings.add(resource.type() + " '" + resource.name() + "' " + rule.label() + " admits "
                        + String.join(" and ", rule.worldCidrs()) + " on " + rule.describePorts());
            }
        }
        return findings.outcome();
    }

    private static com.google.gson.JsonObject webPortsSchema() {
        com.google.gson.JsonObject schema = new com.google.gson.JsonObject();
        schema.addProperty("type", "array");
        schema.addProperty("description", "TCP ports the internet may reach");
        com.google.gson.JsonObject items = new com.google.gson.JsonObject();
        items.addProperty("type", "integer");
        schema.add("items", items);
        com.google.gson.JsonArray defaults = new com.google.gson.JsonArray();
        defaults.add(80);
        defaults.add(443);
        schema.add("default", defaults);
        return schema;
    }
}
