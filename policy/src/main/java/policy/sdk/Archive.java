package policy.sdk;

import java.util.Map;
import java.util.Optional;

/**
 * A Pulumi archive: either a map of member name to asset/archive ({@code assets}), or a path or uri.
 */
public record Archive(Optional<String> hash, Map<String, PropertyValue> assets, Optional<String> path,
                      Optional<String> uri) {
}
