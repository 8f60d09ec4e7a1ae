package policy.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import policy.sdk.ConfigSchema;
import policy.sdk.Diagnostic;
import policy.sdk.EnforcementLevel;
import policy.sdk.Evaluation;
import policy.sdk.PackConfig;
import policy.sdk.Policy;
import policy.sdk.PolicyInfo;
import policy.sdk.PolicyPack;
import policy.sdk.Remediation;
import policy.sdk.ResourceInput;
import policy.sdk.ResourceOptions;
import policy.sdk.Severity;
import policy.sdk.StackPolicy;
import pulumirpc.AnalyzerOuterClass;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzerInfo;
import pulumirpc.AnalyzerOuterClass.AnalyzerResourceOptions;
import pulumirpc.AnalyzerOuterClass.PolicyComplianceFramework;
import pulumirpc.AnalyzerOuterClass.PolicyConfigSchema;
import pulumirpc.AnalyzerOuterClass.PolicyNotApplicable;
import pulumirpc.AnalyzerOuterClass.PolicySeverity;
import pulumirpc.AnalyzerOuterClass.PolicyType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Translation between the Analyzer protobuf messages and the SDK's types; no policy logic here. */
final class ProtoCodec {
    private ProtoCodec() {
    }

    static ResourceInput resource(AnalyzerOuterClass.AnalyzeRequest request) {
        requireField(request.getType(), "AnalyzeRequest.type");
        requireField(request.getUrn(), "AnalyzeRequest.urn");
        AnalyzerResourceOptions options = request.getOptions();
        return new ResourceInput(request.getType(), request.getUrn(), request.getName(), request.getProperties(),
                options(options), provider(request.hasProvider(), request.getProvider()), options.getParent(),
                List.of(), Map.of());
    }

    static List<ResourceInput> resources(AnalyzerOuterClass.AnalyzeStackRequest request) {
        List<ResourceInput> out = new ArrayList<>(request.getResourcesCount());
        java.util.Set<String> urns = new java.util.HashSet<>();
        for (int i = 0; i < request.getResourcesCount(); i++) {
            AnalyzerOuterClass.AnalyzerResource r = request.getResources(i);
            requireField(r.getType(), "AnalyzeStackRequest.resources[" + i + "].type");
            requireField(r.getUrn(), "AnalyzeStackRequest.resources[" + i + "].urn");
            if (!urns.add(r.getUrn())) {
                throw Status.INVALID_ARGUMENT.withDescription("AnalyzeStackRequest lists urn '" + r.getUrn() + "' twice")
                        .asRuntimeException();
            }
            Map<String, List<String>> propertyDependencies = new LinkedHashMap<>();
            r.getPropertyDependenciesMap().forEach((k, v) -> propertyDependencies.put(k, List.copyOf(v.getUrnsList())));
            String parent = r.getParent().isEmpty() ? r.getOptions().getParent() : r.getParent();
            out.add(new ResourceInput(r.getType(), r.getUrn(), r.getName(), r.getProperties(), options(r.getOptions()),
                    provider(r.hasProvider(), r.getProvider()), parent, r.getDependenciesList(), propertyDependencies));
        }
        return out;
    }

    private static void requireField(String value, String field) {
        if (value.isEmpty()) {
            throw Status.INVALID_ARGUMENT.withDescription(field + " is empty").asRuntimeException();
        }
    }

    private static ResourceOptions options(AnalyzerResourceOptions o) {
        AnalyzerResourceOptions.CustomTimeouts t = o.getCustomTimeouts();
        return new ResourceOptions(o.getProtect(), o.getIgnoreChangesList(),
                o.getDeleteBeforeReplaceDefined() ? Optional.of(o.getDeleteBeforeReplace()) : Optional.empty(),
                o.getAdditionalSecretOutputsList(), o.getAliasesList(),
                new ResourceOptions.CustomTimeouts(t.getCreate(), t.getUpdate(), t.getDelete(), t.getRead()), o.getParent());
    }

    private static Optional<ResourceInput.ProviderInput> provider(boolean present, AnalyzerOuterClass.AnalyzerProviderResource p) {
        return present ? Optional.of(new ResourceInput.ProviderInput(p.getType(), p.getUrn(), p.getName(), p.getProperties()))
                : Optional.empty();
    }

    static AnalyzerOuterClass.AnalyzeResponse response(Evaluation evaluation) {
        AnalyzerOuterClass.AnalyzeResponse.Builder b = AnalyzerOuterClass.AnalyzeResponse.newBuilder();
        for (Diagnostic d : evaluation.diagnostics()) {
            AnalyzeDiagnostic.Builder diag = AnalyzeDiagnostic.newBuilder()
                    .setPolicyName(d.policyName()).setPolicyPackName(d.packName()).setPolicyPackVersion(d.packVersion())
                    .setDescription(d.description()).setMessage(d.message())
                    .setEnforcementLevel(level(d.level())).setSeverity(severity(d.severity()));
            d.urn().ifPresent(diag::setUrn);
            b.addDiagnostics(diag);
        }
        for (Evaluation.NotApplicable n : evaluation.notApplicable()) {
            b.addNotApplicable(PolicyNotApplicable.newBuilder().setPolicyName(n.policyName()).setReason(n.reason()));
        }
        return b.build();
    }

    static AnalyzerOuterClass.RemediateResponse remediateResponse(PolicyPack pack,
                                                                  policy.sdk.PackEvaluator.RemediationResult result) {
        AnalyzerOuterClass.RemediateResponse.Builder b = AnalyzerOuterClass.RemediateResponse.newBuilder();
        for (Remediation r : result.remediations()) {
            AnalyzerOuterClass.Remediation.Builder rem = AnalyzerOuterClass.Remediation.newBuilder()
                    .setPolicyName(r.policyName()).setPolicyPackName(pack.name()).setPolicyPackVersion(pack.version())
                    .setDescription(r.description());
            r.properties().ifPresent(rem::setProperties);
            r.diagnostic().ifPresent(rem::setDiagnostic);
            b.addRemediations(rem);
        }
        for (Evaluation.NotApplicable n : result.notApplicable()) {
            b.addNotApplicable(PolicyNotApplicable.newBuilder().setPolicyName(n.policyName()).setReason(n.reason()));
        }
        return b.build();
    }

    static AnalyzerInfo analyzerInfo(PolicyPack pack) {
        AnalyzerInfo.Builder b = AnalyzerInfo.newBuilder()
                .setName(pack.name()).setVersion(pack.version()).setSupportsConfig(true)
                .setDisplayName(pack.displayName()).setDescription(pack.description());
        for (Policy policy : pack.policies()) {
            PolicyInfo info = policy.info();
            AnalyzerOuterClass.PolicyInfo.Builder p = AnalyzerOuterClass.PolicyInfo.newBuilder()
                    .setName(info.name()).setDisplayName(info.displayName()).setDescription(info.description())
                    .setEnforcementLevel(level(pack.defaultLevelOf(policy)))
                    .setPolicyType(policy instanceof StackPolicy ? PolicyType.POLICY_TYPE_STACK : PolicyType.POLICY_TYPE_RESOURCE)
                    .setSeverity(severity(info.severity()))
                    .addAllTags(info.tags()).addAllTags(info.controls())
                    .setRemediationSteps(String.join("\n", info.remediationSteps()))
                    .setUrl(info.url());
            info.framework().ifPresent(f -> p.setFramework(PolicyComplianceFramework.newBuilder()
                    .setName(f.name()).setVersion(f.version()).setReference(f.reference()).setSpecification(f.specification())));
            if (!info.config().isEmpty()) {
                p.setConfigSchema(schema(info.config()));
            }
            b.addPolicies(p);
        }
        return b.build();
    }

    private static PolicyConfigSchema schema(ConfigSchema schema) {
        JsonObject props = new JsonObject();
        schema.properties().forEach(props::add);
        return PolicyConfigSchema.newBuilder().setProperties(struct(props)).addAllRequired(schema.required()).build();
    }

    /** {@code Configure} → the SDK's raw config; an unrecognised level is a malformed request. */
    static PackConfig packConfig(AnalyzerOuterClass.ConfigureAnalyzerRequest request) {
        Map<String, PackConfig.Entry> entries = new LinkedHashMap<>();
        request.getPolicyConfigMap().forEach((name, config) -> {
            EnforcementLevel level = switch (config.getEnforcementLevel()) {
                case ADVISORY -> EnforcementLevel.ADVISORY;
                case MANDATORY -> EnforcementLevel.MANDATORY;
                case REMEDIATE -> EnforcementLevel.REMEDIATE;
                case DISABLED -> EnforcementLevel.DISABLED;
                default -> throw Status.INVALID_ARGUMENT.withDescription("policy '" + name
                        + "': unknown enforcement level " + config.getEnforcementLevelValue()).asRuntimeException();
            };
            JsonObject properties = json(config.getProperties());
            properties.remove("enforcementLevel");
            entries.put(name, new PackConfig.Entry(Optional.of(level), properties));
        });
        return new PackConfig(entries);
    }

    static AnalyzerOuterClass.EnforcementLevel level(EnforcementLevel level) {
        return switch (level) {
            case ADVISORY -> AnalyzerOuterClass.EnforcementLevel.ADVISORY;
            case MANDATORY -> AnalyzerOuterClass.EnforcementLevel.MANDATORY;
            case REMEDIATE -> AnalyzerOuterClass.EnforcementLevel.REMEDIATE;
            case DISABLED -> AnalyzerOuterClass.EnforcementLevel.DISABLED;
        };
    }

    static PolicySeverity severity(Severity severity) {
        return switch (severity) {
            case UNSPECIFIED -> PolicySeverity.POLICY_SEVERITY_UNSPECIFIED;
            case LOW -> PolicySeverity.POLICY_SEVERITY_LOW;
            case MEDIUM -> PolicySeverity.POLICY_SEVERITY_MEDIUM;
            case HIGH -> PolicySeverity.POLICY_SEVERITY_HIGH;
            case CRITICAL -> PolicySeverity.POLICY_SEVERITY_CRITICAL;
        };
    }

    static JsonObject json(Struct struct) {
        try {
            JsonElement e = JsonParser.parseString(JsonFormat.printer().omittingInsignificantWhitespace().print(struct));
            return e.getAsJsonObject();
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            // e.g. NaN or infinity, which JSON (and so a JSON schema) cannot express
            throw Status.INVALID_ARGUMENT.withDescription("policy config properties cannot be read as JSON: " + e.getMessage())
                    .asRuntimeException();
        }
    }

    static Struct struct(JsonObject json) {
        Struct.Builder b = Struct.newBuilder();
        try {
            JsonFormat.parser().merge(json.toString(), b);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("JSON object did not convert to a Struct: " + e.getMessage(), e);
        }
        return b.build();
    }
}
