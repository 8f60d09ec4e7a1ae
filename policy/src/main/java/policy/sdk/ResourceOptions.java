package policy.sdk;

import java.util.List;
import java.util.Optional;

/**
 * Resource options as the engine reports them to analyzers. Custom timeouts are in seconds (0 =
 * unset); {@code deleteBeforeReplace} is empty unless the program set it explicitly.
 */
public record ResourceOptions(boolean protect, List<String> ignoreChanges, Optional<Boolean> deleteBeforeReplace,
                              List<String> additionalSecretOutputs, List<String> aliases,
                              CustomTimeouts customTimeouts, String parent) {

    public static final ResourceOptions NONE = new ResourceOptions(false, List.of(), Optional.empty(), List.of(),
            List.of(), CustomTimeouts.NONE, "");

    public ResourceOptions {
        ignoreChanges = List.copyOf(ignoreChanges);
        additionalSecretOutputs = List.copyOf(additionalSecretOutputs);
        aliases = List.copyOf(aliases);
        parent = parent == null ? "" : parent;
    }

    /** Create/update/delete/read timeouts in seconds; 0 means "provider default". */
    public record CustomTimeouts(double createSeconds, double updateSeconds, double deleteSeconds, double readSeconds) {
        public static final CustomTimeouts NONE = new CustomTimeouts(0, 0, 0, 0);
    }
}
