package policy.sdk;

import java.util.Map;
import java.util.Set;

/**
 * The stack being deployed, from {@code ConfigureStack} (or the offline checker's arguments).
 * {@code config} holds fully-qualified keys ({@code aws:region}); values of {@code secretKeys} are
 * plaintext here, so never echo them into violation messages.
 */
public record StackInfo(String stack, String project, String organization, boolean dryRun,
                        Map<String, String> config, Set<String> secretKeys, Map<String, String> tags) {

    /** No stack context (e.g. {@code pulumi policy publish}). */
    public static final StackInfo NONE = new StackInfo("", "", "", false, Map.of(), Set.of(), Map.of());

    public StackInfo {
        config = Map.copyOf(config);
        secretKeys = Set.copyOf(secretKeys);
        tags = Map.copyOf(tags);
    }
}
