package infra.security;

import infra.config.Settings;
import infra.plan.AwsMocks;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KmsKeysTest {
    private static final String KEY = "aws:kms/key:Key";
    private static final String ALIAS = "aws:kms/alias:Alias";
    private static final List<String> DOMAINS = List.of("data", "logs", "messaging", "audit");

    @Test
    void devHasFourRotatingKeysWithSevenDayWindowAndNoProtection() {
        RenderedStack stack = render("dev", false);

        assertEquals(4, stack.ofType(KEY).size());
        for (String domain : DOMAINS) {
            CapturedResource key = stack.get(KEY, "keys-" + domain);
            assertEquals(true, key.input("enableKeyRotation").orElseThrow());
            assertEquals(7.0, key.input("deletionWindowInDays").orElseThrow());
            assertEquals(Map.of("Environment", "dev", "Project", "order-processing", "Domain", domain),
                    key.input("tags").orElseThrow());
            assertFalse(key.protect(), domain + " key must stay deletable in dev");
            assertTrue(key.parentUrn().endsWith("order-processing:security:KmsKeys::keys"));
        }
    }

    @Test
    void prodKeysAreProtectedWithThirtyDayWindow() {
        RenderedStack stack = render("prod", false);

        for (String domain : DOMAINS) {
            CapturedResource key = stack.get(KEY, "keys-" + domain);
            assertTrue(key.protect(), domain + " key must be protected in prod");
            assertEquals(30.0, key.input("deletionWindowInDays").orElseThrow());
        }
    }

    @Test
    void eachKeyHasItsDomainAliasPointingAtIt() {
        RenderedStack stack = render("prod", false);

        assertEquals(4, stack.ofType(ALIAS).size());
        for (String domain : DOMAINS) {
            CapturedResource alias = stack.get(ALIAS, "keys-" + domain + "-alias");
            CapturedResource key = stack.get(KEY, "keys-" + domain);
            assertEquals("alias/order-processing-prod-" + domain, alias.input("name").orElseThrow());
            assertEquals(key.outputMap().get("keyId"), alias.input("targetKeyId").orElseThrow());
        }
    }

    @Test
    void renderedPoliciesUseTheMockedAccountPartitionAndStackRegion() {
        RenderedStack stack = render("dev", false);

        PolicyView data = policy(stack, "data");
        assertEquals(Set.of("AWS:arn:aws:iam::" + AwsMocks.ACCOUNT + ":root", "AWS:*"), data.allowedActionsByPrincipal().keySet());
        assertEquals(List.of("rds.us-east-1.amazonaws.com"), PolicyView.conditions(data.statement("AllowAuroraUseViaRds"))
                .get("StringEquals").get("kms:ViaService"));
        PolicyView logs = policy(stack, "logs");
        assertEquals(List.of("arn:aws:logs:us-east-1:" + AwsMocks.ACCOUNT + ":log-group:*"),
                PolicyView.conditions(logs.statement("AllowCloudWatchLogsForAccountLogGroups"))
                        .get("ArnLike").get("kms:EncryptionContext:aws:logs:arn"));
        assertEquals(new TreeSet<>(Set.of("AWS:arn:aws:iam::" + AwsMocks.ACCOUNT + ":root", "Service:sns.amazonaws.com",
                        "Service:sqs.amazonaws.com", "Service:cloudwatch.amazonaws.com", "Service:events.amazonaws.com")),
                new TreeSet<>(policy(stack, "messaging").allowedActionsByPrincipal().keySet()));
        assertEquals(List.of("arn:aws:cloudtrail:us-east-1:" + AwsMocks.ACCOUNT + ":trail/order-processing-dev"),
                PolicyView.conditions(policy(stack, "audit").statement("AllowCloudTrailToEncryptLogs"))
                        .get("StringEquals").get("aws:SourceArn"));
        assertFalse(policy(stack, "audit").allowedActionsByPrincipal().containsKey("Service:config.amazonaws.com"));
    }

    @Test
    void auditKeyNamesConfigWhenTheLeadSaysItsBucketUsesIt() {
        RenderedStack stack = render("prod", true);

        assertTrue(policy(stack, "audit").allowedActionsByPrincipal().containsKey("Service:config.amazonaws.com"));
    }

    @Test
    void keyArnsAreAwsFormatted() {
        RenderedStack stack = render("dev", false);

        for (String domain : DOMAINS) {
            Map<String, Object> out = stack.get(KEY, "keys-" + domain).outputMap();
            String keyId = (String) out.get("keyId");
            assertTrue(keyId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), keyId);
            assertEquals("arn:aws:kms:us-east-1:" + AwsMocks.ACCOUNT + ":key/" + keyId, out.get("arn"));
        }
    }

    private static PolicyView policy(RenderedStack stack, String domain) {
        return new PolicyView((String) stack.get(KEY, "keys-" + domain).input("policy").orElseThrow());
    }

    private static RenderedStack render(String env, boolean config) {
        Settings settings = Stacks.settings(env);
        return Stacks.render(settings, ctx -> new KmsKeys("keys", new KmsKeysArgs(settings, config), null));
    }
}
