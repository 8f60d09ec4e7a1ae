package policy.sdk;

import com.google.protobuf.Struct;

import java.util.Optional;

/**
 * A remediation that changed a resource: the complete new property map (secrets re-wrapped), or,
 * when the remediation could not run, a diagnostic text the engine shows as an advisory violation.
 */
public record Remediation(String policyName, String description, Optional<Struct> properties, Optional<String> diagnostic) {
}
