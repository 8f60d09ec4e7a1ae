package policy.rules.transit;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.PropertyValue;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

/** The cluster parameter group sets {@code rds.force_ssl} to 1, so PostgreSQL refuses plaintext clients. */
public final class DatabaseParametersForceSsl extends ResourceRule {
    static final String FORCE_SSL = "rds.force_ssl";

    private static final PolicyInfo INFO = PolicyInfo.builder("database-parameters-force-ssl")
            .description("Aurora cluster parameter groups force TLS for every connection")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("SC-8", "D14", "CKV2_AWS_69")
            .remediation("Add the parameter {name: rds.force_ssl, value: 1} to the cluster parameter group")
            .build();

    public DatabaseParametersForceSsl() {
        super(INFO, Types.DB_CLUSTER_PARAMETERS);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        for (PropertyValue parameter : resource.prop("parameters").items()) {
            if (FORCE_SSL.equals(parameter.get("name").string().orElse(""))) {
                String value = parameter.get("value").string().orElse("");
                return "1".equals(value) ? Outcome.compliant() : Outcome.violation("parameter group '" + resource.name()
                        + "' sets rds.force_ssl to '" + value + "' instead of 1");
            }
        }
        return Outcome.violation("parameter group '" + resource.name() + "' does not set rds.force_ssl");
    }
}
