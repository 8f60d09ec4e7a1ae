package policy.sdk;

import com.google.protobuf.Struct;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a policy sees of one resource: identity, options, provider and a {@link PropertyValue} tree
 * over its properties. In stack policies, {@link #parent()}, {@link #dependencies()} and
 * {@link #propertyDependencies()} are resolved to the other resources of the stack (URNs that are
 * not in the stack are dropped); in resource policies they are empty.
 */
public final class ResourceView {
    private final ResourceInput input;
    private final PropertyValue root;
    private ResourceView parent;
    private List<ResourceView> dependencies = List.of();
    private Map<String, List<ResourceView>> propertyDependencies = Map.of();

    ResourceView(ResourceInput input) {
        this.input = input;
        this.root = PropertyValue.root(input.properties());
    }

    /** A standalone view (no stack links), e.g. for unit-testing a rule. */
    public static ResourceView of(ResourceInput input) {
        return new ResourceView(input);
    }

    void link(ResourceView parent, List<ResourceView> dependencies, Map<String, List<ResourceView>> propertyDependencies) {
        this.parent = parent;
        this.dependencies = Collections.unmodifiableList(dependencies);
        this.propertyDependencies = Collections.unmodifiableMap(propertyDependencies);
    }

    public String type() {
        return input.type();
    }

    public String urn() {
        return input.urn();
    }

    public String name() {
        return input.name();
    }

    public boolean isType(String typeToken) {
        return input.type().equals(typeToken);
    }

    /** The property root (an object). */
    public PropertyValue props() {
        return root;
    }

    /** Shorthand for {@code props().at(path)}. */
    public PropertyValue prop(String path) {
        return root.at(path);
    }

    public ResourceOptions options() {
        return input.options();
    }

    /** The provider resource (type, urn, name, inputs), when the engine sent one. */
    public Optional<ResourceInput.ProviderInput> provider() {
        return input.provider();
    }

    /** The provider's inputs as a navigable tree (missing root when there is no provider). */
    public PropertyValue providerProps() {
        return input.provider().map(p -> PropertyValue.root(p.properties()))
                .orElseGet(() -> PropertyValue.root(Struct.getDefaultInstance()).get("__none__"));
    }

    /** The parent resource (stack policies only). */
    public Optional<ResourceView> parent() {
        return Optional.ofNullable(parent);
    }

    /** The parent URN as the engine sent it, also in resource policies. */
    public String parentUrn() {
        return input.parent().isEmpty() ? input.options().parent() : input.parent();
    }

    public List<ResourceView> dependencies() {
        return dependencies;
    }

    public Map<String, List<ResourceView>> propertyDependencies() {
        return propertyDependencies;
    }

    /** The wire-form properties, for remediation via {@link PropertyEdit}. */
    public Struct wireProperties() {
        return input.properties();
    }

    /** Starts an edit of this resource's properties (see {@link ResourcePolicy#remediate}). */
    public PropertyEdit edit() {
        return new PropertyEdit(input.properties());
    }

    ResourceInput input() {
        return input;
    }

    @Override
    public String toString() {
        return input.urn();
    }
}
