package policy.sdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every resource of the stack with outputs as properties, links resolved; immutable and shareable. */
public final class StackView {
    private final List<ResourceView> resources;
    private final Map<String, ResourceView> byUrn;

    private StackView(List<ResourceView> resources, Map<String, ResourceView> byUrn) {
        this.resources = Collections.unmodifiableList(resources);
        this.byUrn = Collections.unmodifiableMap(byUrn);
    }

    /** Builds views and resolves parent, dependencies and property dependencies by URN. */
    public static StackView of(List<ResourceInput> inputs) {
        Map<String, ResourceView> byUrn = new LinkedHashMap<>();
        List<ResourceView> views = new ArrayList<>(inputs.size());
        for (ResourceInput input : inputs) {
            ResourceView view = new ResourceView(input);
            views.add(view);
            byUrn.putIfAbsent(input.urn(), view);
        }
        for (ResourceView view : views) {
            ResourceInput in = view.input();
            ResourceView parent = byUrn.get(in.parent().isEmpty() ? in.options().parent() : in.parent());
            Map<String, List<ResourceView>> propertyDeps = new LinkedHashMap<>();
            in.propertyDependencies().forEach((property, urns) -> {
                List<ResourceView> resolved = resolve(urns, byUrn);
                if (!resolved.isEmpty()) {
                    propertyDeps.put(property, resolved);
                }
            });
            view.link(parent, resolve(in.dependencies(), byUrn), propertyDeps);
        }
        return new StackView(views, byUrn);
    }

    private static List<ResourceView> resolve(List<String> urns, Map<String, ResourceView> byUrn) {
        List<ResourceView> out = new ArrayList<>(urns.size());
        for (String urn : urns) {
            ResourceView v = byUrn.get(urn);
            if (v != null) {
                out.add(v);
            }
        }
        return Collections.unmodifiableList(out);
    }

    public List<ResourceView> resources() {
        return resources;
    }

    public List<ResourceView> ofType(String typeToken) {
        return resources.stream().filter(r -> r.isType(typeToken)).toList();
    }

    public Optional<ResourceView> find(String urn) {
        return Optional.ofNullable(byUrn.get(urn));
    }

    /** Resources whose parent is {@code parent}. */
    public List<ResourceView> childrenOf(ResourceView parent) {
        return resources.stream().filter(r -> r.parent().filter(p -> p == parent).isPresent()).toList();
    }
}
