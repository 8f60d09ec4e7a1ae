package infra.plan;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The captured registrations of one rendered stack, with lookups for tests and reports.
 * {@link #resources()} is in registration order: a resource comes after the resources it depends
 * on, but siblings register concurrently and their order changes from run to run. Anything
 * written or printed for people or CI lists {@link #canonicalResources()} instead.
 */
public record RenderedStack(String project, String stack, String region, List<CapturedResource> resources) {

    /** The resources in {@link ResourceOrder}'s order, the same on every run of the same program. */
    public List<CapturedResource> canonicalResources() {
        return ResourceOrder.canonical(resources);
    }

    public List<CapturedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).collect(Collectors.toList());
    }

    public Optional<CapturedResource> find(String type, String name) {
        return resources.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst();
    }

    /** The one resource of this type and logical name; fails with the names that do exist. */
    public CapturedResource get(String type, String name) {
        return find(type, name).orElseThrow(() -> new NoSuchElementException("no " + type + " named '" + name
                + "'; present: " + ofType(type).stream().map(CapturedResource::name).collect(Collectors.joining(", "))));
    }

    /** The only resource of this type; fails if there are none or several. */
    public CapturedResource single(String type) {
        List<CapturedResource> all = ofType(type);
        if (all.size() != 1) {
            throw new NoSuchElementException("expected exactly one " + type + " but found " + all.size() + ": "
                    + all.stream().map(CapturedResource::name).collect(Collectors.joining(", ")));
        }
        return all.get(0);
    }

    public Optional<CapturedResource> byUrn(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst();
    }

    /** Direct children of a resource. */
    public List<CapturedResource> childrenOf(CapturedResource parent) {
        return resources.stream().filter(r -> parent.urn().equals(r.parentUrn())).collect(Collectors.toList());
    }
}
