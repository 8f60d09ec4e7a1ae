package policy;

import policy.rules.tags.TaggableResourcesCarryRequiredTags;
import policy.rules.encryption.AuroraClusterEncryptedWithCustomerKey;
import policy.rules.encryption.KmsKeysRotate;
import policy.rules.encryption.PerformanceInsightsEncryptedWithCustomerKey;
import policy.rules.encryption.RepositoriesEncryptedWithKms;
import policy.rules.encryption.SecretsEncryptedWithCustomerKey;
import policy.rules.encryption.SnsTopicsEncryptedWithCustomerKey;
import policy.rules.encryption.SqsQueuesEncryptedAtRest;
import policy.rules.encryption.TrailsEncryptedWithCustomerKey;
import policy.rules.transit.DatabaseParametersForceSsl;
import policy.rules.transit.HttpsListenersUseModernTls;
import policy.rules.transit.ResourcePoliciesDenyInsecureTransport;
import policy.rules.retention.DatabaseBackupsRetainForMinimum;
import policy.rules.retention.LogGroupsEncryptedWithKms;
import policy.rules.retention.LogGroupsRetainForMinimum;
import policy.rules.network.DatabasesNotPubliclyAccessible;
import policy.rules.network.DefaultSecurityGroupsHaveNoRules;
import policy.rules.network.TasksHaveNoPublicIp;
import policy.rules.network.WorldIngressLimitedToWebPorts;
import policy.rules.iam.IamStatementsAvoidWildcards;
import policy.rules.iam.NoAdministratorAccess;
import policy.rules.iam.TrustPoliciesNamePrincipals;
import policy.rules.durability.DatabasesSurviveDeletion;
import policy.rules.durability.KeyDeletionWindowsMeetMinimum;
import policy.rules.durability.StatefulResourcesProtected;
import policy.rules.validity.AlarmPeriodsAreValid;
import policy.rules.validity.AuroraCapacityInBounds;
import policy.rules.validity.FargateSizesAreValid;
import policy.rules.validity.FunctionSettingsWithinLambdaLimits;
import policy.rules.validity.LogRetentionIsAllowedValue;
import policy.rules.validity.QueueSettingsWithinSqsLimits;
import policy.rules.validity.SecurityHubStandardArnsWellFormed;
import policy.rules.stack.AlarmsHaveActions;
import policy.rules.stack.AlarmTopicsReachSomeone;
import policy.rules.stack.AlertTopicKeysAdmitPublishers;
import policy.rules.stack.BucketsEncryptedAtRest;
import policy.rules.stack.ConfigRecorderDeliversAndRecords;
import policy.rules.stack.DatabaseIngressFromApplicationGroups;
import policy.rules.stack.LoadBalancerAccessLogsDelivered;
import policy.rules.stack.LogBucketsFollowRetentionPlan;
import policy.rules.stack.LogDestinationsDeclared;
import policy.rules.stack.ServicesRunInPrivateSubnets;
import policy.rules.stack.ContainerInsightsEnabled;
import policy.rules.stack.QueuesHaveAlarmedDeadLetterQueues;
import policy.rules.stack.RepositoriesHaveLifecyclePolicies;
import policy.rules.stack.TrailsCoverAllRegionsWithValidation;
import policy.rules.stack.VpcsHaveFlowLogs;
import policy.rules.stack.WorldIngressOnlyOnLoadBalancers;
import policy.sdk.EnforcementLevel;
import policy.sdk.Policy;
import policy.sdk.PolicyPack;

import java.util.List;

/**
 * The pack the launchers serve and the offline plan runs. The rules (issue 10) live in
 * {@code policy.rules.<concern>}, one per class, and are listed in {@link #rules()}; nothing else
 * needs to change to ship a new rule.
 */
public final class OrderProcessingPack {
    public static final String NAME = "order-processing-guardrails";
    public static final String VERSION = "1.0.0";

    private OrderProcessingPack() {
    }

    public static PolicyPack create() {
        return PolicyPack.builder(NAME)
                .version(VERSION)
                .displayName("Order processing guardrails")
                .description("Security, tagging and observability guardrails for the order-processing stack")
                .defaultLevel(EnforcementLevel.ADVISORY)
                .addAll(rules())
                .build();
    }

    /** Every rule of the pack, in evaluation order. */
    static List<Policy> rules() {
        return List.of(
                new TaggableResourcesCarryRequiredTags(),
                new AuroraClusterEncryptedWithCustomerKey(),
                new KmsKeysRotate(),
                new PerformanceInsightsEncryptedWithCustomerKey(),
                new RepositoriesEncryptedWithKms(),
                new SecretsEncryptedWithCustomerKey(),
                new SnsTopicsEncryptedWithCustomerKey(),
                new SqsQueuesEncryptedAtRest(),
                new TrailsEncryptedWithCustomerKey(),
                new DatabaseParametersForceSsl(),
                new HttpsListenersUseModernTls(),
                new ResourcePoliciesDenyInsecureTransport(),
                new DatabaseBackupsRetainForMinimum(),
                new LogGroupsEncryptedWithKms(),
                new LogGroupsRetainForMinimum(),
                new DatabasesNotPubliclyAccessible(),
                new DefaultSecurityGroupsHaveNoRules(),
                new TasksHaveNoPublicIp(),
                new WorldIngressLimitedToWebPorts(),
                new IamStatementsAvoidWildcards(),
                new NoAdministratorAccess(),
                new TrustPoliciesNamePrincipals(),
                new DatabasesSurviveDeletion(),
                new KeyDeletionWindowsMeetMinimum(),
                new StatefulResourcesProtected(),
                new AlarmPeriodsAreValid(),
                new AuroraCapacityInBounds(),
                new FargateSizesAreValid(),
                new FunctionSettingsWithinLambdaLimits(),
                new LogRetentionIsAllowedValue(),
                new QueueSettingsWithinSqsLimits(),
                new SecurityHubStandardArnsWellFormed(),
                new AlarmsHaveActions(),
                new ContainerInsightsEnabled(),
                new QueuesHaveAlarmedDeadLetterQueues(),
                new RepositoriesHaveLifecyclePolicies(),
                new TrailsCoverAllRegionsWithValidation(),
                new VpcsHaveFlowLogs(),
                new WorldIngressOnlyOnLoadBalancers(),
                new AlarmTopicsReachSomeone(),
                new AlertTopicKeysAdmitPublishers(),
                new BucketsEncryptedAtRest(),
                new ConfigRecorderDeliversAndRecords(),
                new DatabaseIngressFromApplicationGroups(),
                new LoadBalancerAccessLogsDelivered(),
                new LogBucketsFollowRetentionPlan(),
                new LogDestinationsDeclared(),
                new ServicesRunInPrivateSubnets()
        );
    }
}
