package infra.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one order in which the plan file, the resource tree and the diagram list a stack's
 * resources, independent of the order the SDK happened to register them in (it registers
 * siblings asynchronously, so that order changes from run to run). The plan file is diffed in CI,
 * so none of these may change unless the program does.
 *
 * <p>The order is a depth-first walk of the parent tree: every parent comes before its children.
 * Roots (resources with no parent, or a parent that was not captured) come providers first, then
 * the root stack, then anything else. Siblings come providers first (so an explicit provider is
 * listed before the siblings that use it), then by type, then by name; the URN breaks any tie.
 */
public final class ResourceOrder {
    private static final String PROVIDER_PREFIX = "pulumi:providers:";
    private static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private static final Comparator<CapturedResource> SIBLINGS = Comparator
            .comparingInt(ResourceOrder::rank)
            .thenComparing(CapturedResource::type)
            .thenComparing(CapturedResource::name)
            .thenComparing(CapturedResource::urn);

    private ResourceOrder() {
    }

    /** The resources in the canonical order (a new list; the input is not changed). */
    public static List<CapturedResource> canonical(List<CapturedResource> resources) {
        Set<String> present = new HashSet<>();
        resources.forEach(r -> present.add(r.urn()));
        Map<String, List<CapturedResource>> children = new HashMap<>();
        List<CapturedResource> roots = new ArrayList<>();
        for (CapturedResource r : resources) {
            String parent = r.parentOptional().filter(present::contains).orElse(null);
            if (parent == null || parent.equals(r.urn())) {
                roots.add(r);
            } else {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(r);
            }
        }
        children.values().forEach(list -> list.sort(SIBLINGS));
        roots.sort(SIBLINGS);

        List<CapturedResource> ordered = new ArrayList<>(resources.size());
        Set<CapturedResource> visited = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (CapturedResource root : roots) {
            walk(root, children, visited, ordered);
        }
        // Only a parent cycle (which the engine rejects) leaves resources unreached; keep them, sorted.
        List<CapturedResource> unreached = new ArrayList<>(resources.stream().filter(r -> !visited.contains(r)).toList());
        unreached.sort(SIBLINGS);
        unreached.forEach(r -> walk(r, children, visited, ordered));
        return ordered;
    }

    private static void walk(CapturedResource node, Map<String, List<CapturedResource>> children,
                             Set<CapturedResource> visited, List<CapturedResource> out) {
        // iterative, so a deep tree cannot overflow the stack
        java.util.Deque<CapturedResource> pending = new java.util.ArrayDeque<>();
        pending.push(node);
        while (!pending.isEmpty()) {
            CapturedResource r = pending.pop();
            if (!visited.add(r)) {
                continue;
            }
            out.add(r);
            List<CapturedResource> kids = children.getOrDefault(r.urn(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                pending.push(kids.get(i));
            }
        }
    }

    private static int rank(CapturedResource r) {
        if (r.type().startsWith(PROVIDER_PREFIX)) {
            return 0;
        }
        return STACK_TYPE.equals(r.type()) ? 1 : 2;
    }
}
