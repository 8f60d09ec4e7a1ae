package policy.sdk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named, versioned list of policies. A pack class only lists rules:
 *
 * <pre>{@code
 * PolicyPack.builder("order-processing")
 *     .version("1.0.0").description("Guardrails for the order-processing stack")
 *     .add(new SqsQueueEncryptedAtRest(), new EveryResourceTagged())
 *     .build();
 * }</pre>
 */
public final class PolicyPack {
    /** The engine's and the Cloud's rule for pack names. */
    public static final Pattern NAME_PATTERN = Pattern.compile("^[a-zA-Z0-9-_.]{1,100}$");

    private final String name;
    private final String version;
    private final String displayName;
    private final String description;
    private final EnforcementLevel defaultLevel;
    private final List<Policy> policies;

    private PolicyPack(Builder b) {
        this.name = b.name;
        this.version = b.version;
        this.displayName = b.displayName;
        this.description = b.description;
        this.defaultLevel = b.defaultLevel;
        this.policies = List.copyOf(b.policies);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    /** The level of policies that declare none; advisory unless set. */
    public EnforcementLevel defaultLevel() {
        return defaultLevel;
    }

    /** Policies in declaration order, which is also evaluation order. */
    public List<Policy> policies() {
        return policies;
    }

    /** The level a policy runs at when nothing is configured. */
    public EnforcementLevel defaultLevelOf(Policy policy) {
        return policy.info().level().orElse(defaultLevel);
    }

    public static final class Builder {
        private final String name;
        private String version = "0.0.1";
        private String displayName = "";
        private String description = "";
        private EnforcementLevel defaultLevel = EnforcementLevel.ADVISORY;
        private final List<Policy> policies = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder version(String value) {
            this.version = Objects.requireNonNull(value, "version");
            return this;
        }

        public Builder displayName(String value) {
            this.displayName = Objects.requireNonNullElse(value, "");
            return this;
        }

        public Builder description(String value) {
            this.description = Objects.requireNonNullElse(value, "");
            return this;
        }

        public Builder defaultLevel(EnforcementLevel value) {
            this.defaultLevel = Objects.requireNonNull(value, "defaultLevel");
            return this;
        }

        public Builder add(Policy... values) {
            policies.addAll(List.of(values));
            return this;
        }

        public Builder addAll(List<? extends Policy> values) {
            policies.addAll(values);
            return this;
        }

        /** Checks the name rule and unique policy names; fails with one line naming the problem. */
        public PolicyPack build() {
            if (name == null || !NAME_PATTERN.matcher(name).matches()) {
                throw new IllegalArgumentException("policy pack name '" + name + "' must match " + NAME_PATTERN.pattern());
            }
            if (!NAME_PATTERN.matcher(version).matches()) {
                throw new IllegalArgumentException("policy pack version '" + version + "' must match " + NAME_PATTERN.pattern());
            }
            Set<String> seen = new HashSet<>();
            for (Policy p : policies) {
                if (!seen.add(p.info().name())) {
                    throw new IllegalArgumentException("policy name '" + p.info().name() + "' is used twice in pack '" + name + "'");
                }
            }
            return new PolicyPack(this);
        }
    }
}
