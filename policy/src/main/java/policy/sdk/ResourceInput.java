package policy.sdk;

import com.google.protobuf.Struct;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource handed to the evaluator, whether it came over gRPC, from the offline plan or from a
 * state/preview file. {@code properties} are inputs for per-resource analysis and outputs for stack
 * analysis, in wire form (secret wrappers and unknown sentinels intact).
 */
public record ResourceInput(String type, String urn, String name, Struct properties, ResourceOptions options,
                            Optional<ProviderInput> provider, String parent, List<String> dependencies,
                            Map<String, List<String>> propertyDependencies) {

    public ResourceInput {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(urn, "urn");
        name = name == null ? "" : name;
        properties = properties == null ? Struct.getDefaultInstance() : properties;
        options = options == null ? ResourceOptions.NONE : options;
        provider = provider == null ? Optional.empty() : provider;
        parent = parent == null ? "" : parent;
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        propertyDependencies = propertyDependencies == null ? Map.of() : Map.copyOf(propertyDependencies);
    }

    /** A resource with only type, urn, name and properties (tests, simple callers). */
    public static ResourceInput of(String type, String urn, String name, Struct properties) {
        return new ResourceInput(type, urn, name, properties, ResourceOptions.NONE, Optional.empty(), "", List.of(), Map.of());
    }

    /** The provider resource: its type ({@code pulumi:providers:aws}), urn, name and inputs. */
    public record ProviderInput(String type, String urn, String name, Struct properties) {
        public ProviderInput {
            properties = properties == null ? Struct.getDefaultInstance() : properties;
        }
    }
}
