package policy.check;

import com.google.protobuf.Struct;
import policy.sdk.ResourceInput;
import policy.sdk.ResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects resources the way a plan or state lists them (provider as a {@code <urn>::<id>}
 * reference) and hands back {@link ResourceInput}s with providers resolved, inputs for Analyze and
 * outputs for AnalyzeStack. The offline plan can feed its captured registrations through this:
 *
 * <pre>{@code
 * PlanResources plan = new PlanResources();
 * for (CapturedResource r : stack.resources()) {
 *     plan.add(r.type(), r.urn(), r.name(), r.inputs(), r.outputs(), options, r.parentUrn(),
 *             r.dependencies(), r.propertyDependencies(), r.provider());
 * }
 * Evaluation result = PackEvaluator.create(pack, configJson, stackInfo).evaluate(plan.inputs(), plan.outputs());
 * }</pre>
 */
public final class PlanResources {
    private record Entry(String type, String urn, String name, Struct inputs, Struct outputs, ResourceOptions options,
                         String parent, List<String> dependencies, Map<String, List<String>> propertyDependencies,
                         String providerRef) {
    }

    private final Map<String, Entry> byUrn = new LinkedHashMap<>();

    /**
     * Adds one resource; {@code outputs} may be null or empty (the inputs then stand in for stack
     * analysis); {@code providerRef} is a provider URN, {@code <urn>::<id>}, or null/empty.
     *
     * @throws IllegalArgumentException when a resource with this URN was already added (the engine
     *         never registers a URN twice, and AnalyzeStack refuses duplicates)
     */
    public PlanResources add(String type, String urn, String name, Struct inputs, Struct outputs, ResourceOptions options,
                             String parent, List<String> dependencies, Map<String, List<String>> propertyDependencies,
                             String providerRef) {
        if (byUrn.containsKey(urn)) {
            throw new IllegalArgumentException("resource " + urn + " is already in the plan");
        }
        Struct in = inputs == null ? Struct.getDefaultInstance() : inputs;
        Struct out = outputs == null || outputs.getFieldsCount() == 0 ? in : outputs;
        byUrn.put(urn, new Entry(type, urn, name == null || name.isEmpty() ? nameOf(urn) : name, in, out, options,
                parent, dependencies, propertyDependencies, providerRef == null ? "" : providerRef));
        return this;
    }

    public int size() {
        return byUrn.size();
    }

    /** Resources with their inputs, for per-resource analysis. */
    public List<ResourceInput> inputs() {
        return build(true);
    }

    /** Resources with their outputs, for stack analysis. */
    public List<ResourceInput> outputs() {
        return build(false);
    }

    private List<ResourceInput> build(boolean inputs) {
        List<ResourceInput> out = new ArrayList<>(byUrn.size());
        for (Entry e : byUrn.values()) {
            out.add(new ResourceInput(e.type(), e.urn(), e.name(), inputs ? e.inputs() : e.outputs(), e.options(),
                    provider(e.providerRef()), e.parent(), e.dependencies(), e.propertyDependencies()));
        }
        return out;
    }

    /** State files write {@code <provider urn>::<id>}; plans may write the bare URN. */
    private Optional<ResourceInput.ProviderInput> provider(String ref) {
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        Entry provider = byUrn.get(ref);
        if (provider == null && ref.lastIndexOf("::") > 0) {
            provider = byUrn.get(ref.substring(0, ref.lastIndexOf("::")));
        }
        return provider == null ? Optional.empty()
                : Optional.of(new ResourceInput.ProviderInput(provider.type(), provider.urn(), provider.name(), provider.inputs()));
    }

    /** The name part of a URN (after the last {@code ::}), or the whole text when it has none. */
    static String nameOf(String urn) {
        int at = urn.lastIndexOf("::");
        return at < 0 ? urn : urn.substring(at + 2);
    }
}
