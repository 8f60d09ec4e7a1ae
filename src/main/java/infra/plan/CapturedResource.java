package infra.plan;

import com.google.protobuf.Struct;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resource registration exactly as the engine would receive it, plus the outputs the mock
 * returned. {@code inputs} and {@code outputs} are the wire-format protobuf structs (secrets and
 * unknowns in their signature/sentinel forms), which the policy pack consumes as it would from the CLI.
 */
public record CapturedResource(
        String urn,
        String type,
        String name,
        boolean custom,
        String parentUrn,
        String id,
        String provider,
        List<String> dependencies,
        Map<String, List<String>> propertyDependencies,
        boolean protect,
        boolean retainOnDelete,
        boolean deleteBeforeReplace,
        List<String> ignoreChanges,
        List<String> aliases,
        List<String> additionalSecretOutputs,
        CustomTimeouts customTimeouts,
        Struct inputs,
        Struct outputs) {

    /** Custom timeouts as the engine receives them (Go duration strings; empty when unset). */
    public record CustomTimeouts(String create, String update, String delete) {
    }

    /** Inputs as plain Java values (numbers as Double, nested maps and lists), for tests and reports. */
    public Map<String, Object> inputMap() {
        return StructValues.toJava(inputs);
    }

    public Map<String, Object> outputMap() {
        return StructValues.toJava(outputs);
    }

    /** An input by dotted path such as {@code serverlessv2ScalingConfiguration.minCapacity}. */
    public Optional<Object> input(String path) {
        return StructValues.at(inputMap(), path);
    }

    /** This registration with its provider reference set (the engine fills in default providers). */
    public CapturedResource withProvider(String providerReference) {
        return new CapturedResource(urn, type, name, custom, parentUrn, id, providerReference, dependencies,
                propertyDependencies, protect, retainOnDelete, deleteBeforeReplace, ignoreChanges, aliases,
                additionalSecretOutputs, customTimeouts, inputs, outputs);
    }

    public Optional<String> parentOptional() {
        return parentUrn == null || parentUrn.isEmpty() ? Optional.empty() : Optional.of(parentUrn);
    }
}
