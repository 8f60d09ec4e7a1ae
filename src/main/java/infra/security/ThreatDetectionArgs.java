package infra.security;

import infra.config.Settings;

import java.util.Objects;

/** Inputs of {@link ThreatDetection}: only the stack settings (toggles and adopt-existing ids). */
public record ThreatDetectionArgs(Settings settings) {
    public ThreatDetectionArgs {
        Objects.requireNonNull(settings, "settings");
    }
}
