package policy.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the engine and reports show about a policy. Build with {@link #builder(String)}:
 *
 * <pre>{@code
 * PolicyInfo.builder("s3-bucket-blocks-public-access")
 *     .description("S3 buckets block every form of public access")
 *     .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
 *     .controls("AC-3", "S3.8")
 *     .remediation("Add an aws.s3.BucketPublicAccessBlock with all four flags true")
 *     .build();
 * }</pre>
 *
 * @param level the policy's default level; empty means "use the pack's default"
 */
public record PolicyInfo(String name, String displayName, String description, Optional<EnforcementLevel> level,
                         Severity severity, List<String> controls, List<String> remediationSteps, List<String> tags,
                         Optional<Framework> framework, String url, ConfigSchema config) {

    public PolicyInfo {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a policy needs a non-empty name");
        }
        if ("all".equals(name)) {
            throw new IllegalArgumentException("policy name 'all' is reserved: config files use it to set every policy's level");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("policy '" + name + "' needs a description (the desired state)");
        }
        displayName = displayName == null ? "" : displayName;
        controls = List.copyOf(controls);
        remediationSteps = List.copyOf(remediationSteps);
        tags = List.copyOf(tags);
        url = url == null ? "" : url;
        config = config == null ? ConfigSchema.NONE : config;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public static final class Builder {
        private final String name;
        private String displayName = "";
        private String description;
        private EnforcementLevel level;
        private Severity severity = Severity.UNSPECIFIED;
        private final List<String> controls = new ArrayList<>();
        private final List<String> remediation = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private Framework framework;
        private String url = "";
        private ConfigSchema config = ConfigSchema.NONE;

        private Builder(String name) {
            this.name = name;
        }

        public Builder displayName(String value) {
            this.displayName = value;
            return this;
        }

        /** The compliant state, e.g. "SQS queues are encrypted at rest with a customer managed key". */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder level(EnforcementLevel value) {
            this.level = value;
            return this;
        }

        public Builder severity(Severity value) {
            this.severity = value;
            return this;
        }

        /** Public control ids this policy implements (NIST, CIS, AWS Security Hub ...). */
        public Builder controls(String... ids) {
            controls.addAll(List.of(ids));
            return this;
        }

        /** Remediation steps, in order. */
        public Builder remediation(String... steps) {
            remediation.addAll(List.of(steps));
            return this;
        }

        public Builder tags(String... values) {
            tags.addAll(List.of(values));
            return this;
        }

        public Builder framework(Framework value) {
            this.framework = value;
            return this;
        }

        public Builder url(String value) {
            this.url = value;
            return this;
        }

        public Builder config(ConfigSchema value) {
            this.config = value;
            return this;
        }

        public PolicyInfo build() {
            return new PolicyInfo(name, displayName, description, Optional.ofNullable(level), severity, controls,
                    remediation, tags, Optional.ofNullable(framework), url, config);
        }
    }
}
