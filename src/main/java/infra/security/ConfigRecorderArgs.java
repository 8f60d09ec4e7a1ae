package infra.security;

import infra.config.Settings;

import java.util.Objects;

/** Inputs of {@link ConfigRecorder}: the stack settings. */
public record ConfigRecorderArgs(Settings settings) {
    public ConfigRecorderArgs {
        Objects.requireNonNull(settings, "settings");
    }
}
