package infra.data;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import infra.config.Settings;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link Database}; upstream values arrive as outputs of the other components.
 *
 * @param settings the stack settings ({@code settings.data()} sizes and protects the cluster)
 * @param dataSubnetIds the isolated data subnets, one per AZ, for the DB subnet group
 * @param databaseSecurityGroupId the security group that admits PostgreSQL from the backend only
 * @param dataKeyArn the data domain's KMS key: storage, Performance Insights and the master secret
 * @param postgresqlLogGroup the {@code /aws/rds/cluster/<id>/postgresql} log group, created with
 *     retention and KMS before the cluster so that RDS does not create it unencrypted and forever
 */
public record DatabaseArgs(
        Settings settings,
        Output<List<String>> dataSubnetIds,
        Output<String> databaseSecurityGroupId,
        Output<String> dataKeyArn,
        Resource postgresqlLogGroup) {

    public DatabaseArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(dataSubnetIds, "dataSubnetIds");
        Objects.requireNonNull(databaseSecurityGroupId, "databaseSecurityGroupId");
        Objects.requireNonNull(dataKeyArn, "dataKeyArn");
        Objects.requireNonNull(postgresqlLogGroup, "postgresqlLogGroup");
    }
}
