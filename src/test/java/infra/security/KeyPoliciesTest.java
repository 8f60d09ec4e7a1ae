package infra.security;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class KeyPoliciesTest {
    private static final KeyPolicies.Scope SCOPE = new KeyPolicies.Scope("aws", "eu-west-1", "111122223333", "prod");
    private static final String ROOT = "AWS:arn:aws:iam::111122223333:root";
    private static final Set<String> RDS = Set.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
            "kms:CreateGrant", "kms:ListGrants", "kms:DescribeKey");
    private static final Set<String> SECRETS = Set.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
            "kms:CreateGrant", "kms:DescribeKey");

    @Test
    void everyKeyStartsWithTheAccountRootStatementAndNothingElseGetsKmsStar() {
        for (PolicyView policy : List.of(view(KeyPolicies.data(SCOPE)), view(KeyPolicies.logs(SCOPE)),
                view(KeyPolicies.messaging(SCOPE)), view(KeyPolicies.audit(SCOPE, true)))) {
            JsonObject first = policy.statements().get(0);

            assertEquals("EnableAccountAdministration", first.get("Sid").getAsString());
            assertEquals(List.of(ROOT), PolicyView.principals(first));
            assertEquals(List.of("kms:*"), PolicyView.strings(first.get("Action")));
            assertFalse(first.has("Condition"));
            policy.allowedActionsByPrincipal().forEach((principal, actions) -> {
                if (!principal.equals(ROOT)) {
                    assertFalse(actions.contains("kms:*"), principal + " must not get kms:*");
                }
            });
        }
    }

    @Test
    void dataKeyAdmitsAccountPrincipalsOnlyThroughRdsAndSecretsManager() {
        PolicyView policy = view(KeyPolicies.data(SCOPE));

        assertEquals(List.of("EnableAccountAdministration", "AllowAuroraUseViaRds", "AllowSecretUseViaSecretsManager"), sids(policy));
        assertEquals(Set.of(ROOT, "AWS:*"), policy.allowedActionsByPrincipal().keySet());
        JsonObject rds = policy.statement("AllowAuroraUseViaRds");
        assertEquals(new TreeSet<>(RDS), new TreeSet<>(PolicyView.strings(rds.get("Action"))));
        assertEquals(Map.of("StringEquals", Map.of("kms:CallerAccount", List.of("111122223333"),
                "kms:ViaService", List.of("rds.eu-west-1.amazonaws.com"))), PolicyView.conditions(rds));
        JsonObject secrets = policy.statement("AllowSecretUseViaSecretsManager");
        assertEquals(new TreeSet<>(SECRETS), new TreeSet<>(PolicyView.strings(secrets.get("Action"))));
        assertEquals(Map.of("StringEquals", Map.of("kms:CallerAccount", List.of("111122223333"),
                "kms:ViaService", List.of("secretsmanager.eu-west-1.amazonaws.com"))), PolicyView.conditions(secrets));
    }

    @Test
    void logsKeyAdmitsTheRegionalLogsServiceForThisAccountsLogGroupsOnly() {
        PolicyView policy = view(KeyPolicies.logs(SCOPE));
        JsonObject logs = policy.statement("AllowCloudWatchLogsForAccountLogGroups");

        assertEquals(Map.of(ROOT, new TreeSet<>(Set.of("kms:*")),
                "Service:logs.eu-west-1.amazonaws.com", new TreeSet<>(Set.of("kms:Encrypt*", "kms:Decrypt*",
                        "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"))), policy.allowedActionsByPrincipal());
        assertEquals(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                List.of("arn:aws:logs:eu-west-1:111122223333:log-group:*"))), PolicyView.conditions(logs));
    }

    @Test
    void messagingKeyLetsEachPublisherOnlyDecryptAndGenerateDataKeys() {
        PolicyView policy = view(KeyPolicies.messaging(SCOPE));
        TreeSet<String> publish = new TreeSet<>(Set.of("kms:Decrypt", "kms:GenerateDataKey*"));

        assertEquals(Map.of(ROOT, new TreeSet<>(Set.of("kms:*")),
                "Service:sns.amazonaws.com", publish,
                "Service:sqs.amazonaws.com", publish,
                "Service:cloudwatch.amazonaws.com", publish,
                "Service:events.amazonaws.com", publish), policy.allowedActionsByPrincipal());
    }

    @Test
    void auditKeyBindsCloudTrailToThisStacksTrailAndItsEncryptionContext() {
        PolicyView policy = view(KeyPolicies.audit(SCOPE, false));
        String trail = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/order-processing-prod";

        assertEquals(Map.of(ROOT, new TreeSet<>(Set.of("kms:*")),
                "Service:cloudtrail.amazonaws.com", new TreeSet<>(Set.of("kms:GenerateDataKey*", "kms:DescribeKey"))),
                policy.allowedActionsByPrincipal());
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceArn", List.of(trail)),
                "StringLike", Map.of("kms:EncryptionContext:aws:cloudtrail:arn",
                        List.of("arn:aws:cloudtrail:*:111122223333:trail/*"))),
                PolicyView.conditions(policy.statement("AllowCloudTrailToEncryptLogs")));
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceArn", List.of(trail))),
                PolicyView.conditions(policy.statement("AllowCloudTrailToDescribeKey")));
    }

    @Test
    void auditKeyAdmitsConfigOnlyWhenItsBucketUsesTheKey() {
        PolicyView with = view(KeyPolicies.audit(SCOPE, true));

        assertEquals(new TreeSet<>(Set.of("kms:Decrypt", "kms:GenerateDataKey")),
                with.allowedActionsByPrincipal().get("Service:config.amazonaws.com"));
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceAccount", List.of("111122223333"))),
                PolicyView.conditions(with.statement("AllowConfigDelivery")));
        assertFalse(view(KeyPolicies.audit(SCOPE, false)).allowedActionsByPrincipal().containsKey("Service:config.amazonaws.com"));
    }

    @Test
    void partitionAndRegionFlowIntoEveryArnAndEndpoint() {
        KeyPolicies.Scope gov = new KeyPolicies.Scope("aws-us-gov", "us-gov-west-1", "111122223333", "dev");

        assertEquals(List.of("AWS:arn:aws-us-gov:iam::111122223333:root"),
                PolicyView.principals(view(KeyPolicies.logs(gov)).statements().get(0)));
        assertEquals(List.of("arn:aws-us-gov:logs:us-gov-west-1:111122223333:log-group:*"),
                PolicyView.conditions(view(KeyPolicies.logs(gov)).statement("AllowCloudWatchLogsForAccountLogGroups"))
                        .get("ArnLike").get("kms:EncryptionContext:aws:logs:arn"));
        assertEquals(List.of("arn:aws-us-gov:cloudtrail:us-gov-west-1:111122223333:trail/order-processing-dev"),
                PolicyView.conditions(view(KeyPolicies.audit(gov, false)).statement("AllowCloudTrailToDescribeKey"))
                        .get("StringEquals").get("aws:SourceArn"));
    }

    private static PolicyView view(infra.security.iam.PolicyDocument doc) {
        return new PolicyView(doc.toJson());
    }

    private static List<String> sids(PolicyView policy) {
        return policy.statements().stream().map(s -> s.get("Sid").getAsString()).toList();
    }
}
