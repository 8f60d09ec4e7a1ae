package infra.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The text report of a rendered stack: resources as a tree under their components, and counts per type. */
public final class ResourceTree {
    private ResourceTree() {
    }

    /** One line per resource, {@code name (type)}, children indented under their parent. */
    public static List<String> lines(RenderedStack stack) {
        Map<String, List<CapturedResource>> children = new LinkedHashMap<>();
        List<CapturedResource> roots = new ArrayList<>();
        // canonical order: parents before children, siblings by type then name, on every run
        for (CapturedResource r : stack.canonicalResources()) {
            boolean hasKnownParent = r.parentOptional().flatMap(stack::byUrn).isPresent();
            if (hasKnownParent) {
                children.computeIfAbsent(r.parentUrn(), k -> new ArrayList<>()).add(r);
            } else {
                roots.add(r);
            }
        }
        List<String> out = new ArrayList<>();
        for (CapturedResource root : roots) {
            out.add(label(root));
            walk(root, "", children, out);
        }
        return out;
    }

    private static void walk(CapturedResource node, String indent, Map<String, List<CapturedResource>> children,
                             List<String> out) {
        List<CapturedResource> kids = children.getOrDefault(node.urn(), List.of());
        for (int i = 0; i < kids.size(); i++) {
            boolean last = i == kids.size() - 1;
            out.add(indent + (last ? "└─ " : "├─ ") + label(kids.get(i)));
            walk(kids.get(i), indent + (last ? "   " : "│  "), children, out);
        }
    }

    private static String label(CapturedResource r) {
        return r.name() + " (" + r.type() + ")" + (r.protect() ? " [protect]" : "");
    }

    /** Resources per type, sorted by type. */
    public static Map<String, Integer> countsByType(RenderedStack stack) {
        Map<String, Integer> counts = new TreeMap<>();
        stack.resources().forEach(r -> counts.merge(r.type(), 1, Integer::sum));
        return counts;
    }
}
