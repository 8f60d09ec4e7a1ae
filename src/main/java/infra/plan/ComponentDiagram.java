package infra.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The stack's top-level components (and any resource created directly in the stack) and the
 * dependencies between them, derived from every nested resource's dependencies and property
 * dependencies. An arrow points from the dependent to what it uses.
 */
public final class ComponentDiagram {
    private final List<CapturedResource> nodes;
    private final Set<List<String>> edges;

    private ComponentDiagram(List<CapturedResource> nodes, Set<List<String>> edges) {
        this.nodes = nodes;
        this.edges = edges;
    }

    public static ComponentDiagram of(RenderedStack stack) {
        String stackUrn = EngineView.stackUrn(stack.project(), stack.stack());
        // canonical order, so node numbers and edge order are the same on every run
        List<CapturedResource> ordered = stack.canonicalResources();
        List<CapturedResource> nodes = ordered.stream()
                .filter(r -> stackUrn.equals(r.parentUrn()))
                .toList();
        Map<String, String> topOf = new LinkedHashMap<>();
        for (CapturedResource r : ordered) {
            topOf.put(r.urn(), topLevel(stack, r, stackUrn));
        }
        Set<List<String>> edges = new java.util.LinkedHashSet<>();
        for (CapturedResource r : ordered) {
            String from = topOf.get(r.urn());
            if (from == null) {
                continue;
            }
            Stream.concat(r.dependencies().stream(), r.propertyDependencies().values().stream().flatMap(List::stream))
                    .map(topOf::get)
                    .filter(to -> to != null && !to.equals(from))
                    .forEach(to -> edges.add(List.of(from, to)));
        }
        return new ComponentDiagram(nodes, edges);
    }

    /** The URN of the resource's ancestor directly under the stack, or null for the stack and providers. */
    private static String topLevel(RenderedStack stack, CapturedResource r, String stackUrn) {
        CapturedResource current = r;
        while (current != null && !stackUrn.equals(current.parentUrn())) {
            current = current.parentOptional().flatMap(stack::byUrn).orElse(null);
        }
        return current == null ? null : current.urn();
    }

    /** Edges as {@code [dependent name, dependency name]}, sorted. */
    public Set<List<String>> edgeNames() {
        Set<List<String>> named = new TreeSet<>((a, b) -> (a.get(0) + "\n" + a.get(1)).compareTo(b.get(0) + "\n" + b.get(1)));
        edges.forEach(e -> named.add(List.of(nameOf(e.get(0)), nameOf(e.get(1)))));
        return named;
    }

    public String mermaid(String title) {
        List<String> lines = new ArrayList<>();
        lines.add("%% " + title);
        lines.add("flowchart LR");
        for (int i = 0; i < nodes.size(); i++) {
            CapturedResource n = nodes.get(i);
            lines.add("  n" + i + "[\"" + n.name() + "<br/><small>" + n.type() + "</small>\"]");
        }
        edges.forEach(e -> lines.add("  n" + index(e.get(0)) + " -->|depends on| n" + index(e.get(1))));
        return String.join("\n", lines) + "\n";
    }

    public String dot(String title) {
        List<String> lines = new ArrayList<>();
        lines.add("// " + title);
        lines.add("digraph components {");
        lines.add("  rankdir=LR;");
        lines.add("  node [shape=box, fontname=\"Helvetica\"];");
        for (int i = 0; i < nodes.size(); i++) {
            CapturedResource n = nodes.get(i);
            lines.add("  n" + i + " [label=\"" + n.name() + "\\n" + n.type() + "\"];");
        }
        edges.forEach(e -> lines.add("  n" + index(e.get(0)) + " -> n" + index(e.get(1)) + " [label=\"depends on\"];"));
        lines.add("}");
        return String.join("\n", lines) + "\n";
    }

    private int index(String urn) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).urn().equals(urn)) {
                return i;
            }
        }
        throw new IllegalStateException("not a diagram node: " + urn);
    }

    private String nameOf(String urn) {
        return nodes.get(index(urn)).name();
    }
}
