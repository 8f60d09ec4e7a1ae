package infra.observability;

import infra.config.Environment;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunbooksTest {

    static Map<String, Object> outputs() {
        Map<String, Object> o = new HashMap<>();
        o.put("environment", "prod");
        o.put("region", "eu-west-1");
        o.put("clusterName", "orders-prod-cluster-3f2a1b7");
        o.put("backendServiceName", "backend-svc-prod");
        o.put("frontendServiceName", "frontend-svc-prod");
        o.put("backendContainerName", "backend");
        o.put("backendTaskFamily", "orders-prod-backend");
        o.put("queueUrl", "https://sqs.eu-west-1.amazonaws.com/210987654321/orders-prod-4c1d2e9");
        o.put("dlqUrl", "https://sqs.eu-west-1.amazonaws.com/210987654321/orders-dlq-prod-9a8b7c6");
        o.put("dbClusterIdentifier", "prod-auroracluster");
        o.put("databaseSecurityGroupId", "sg-0a1b2c3d4e5f67890");
        o.put("databaseSecretArn", "arn:aws:secretsmanager:eu-west-1:210987654321:secret:rds!cluster-1a2b-AbCdEf");
        o.put("logGroupNames", Map.of("ecs-backend", "/aws/ecs/prod/backend", "ecs-frontend", "/aws/ecs/prod/frontend",
                "producer", "/aws/lambda/prod/order-producer", "aurora", "/aws/rds/cluster/prod-auroracluster/postgresql",
                "flow-logs", "/aws/vpc/flowlogs/prod"));
        o.put("infrastructureAlertsTopicArn", "arn:aws:sns:eu-west-1:210987654321:order-processing-infrastructure-alerts-prod");
        o.put("securityAlertsTopicArn", "arn:aws:sns:eu-west-1:210987654321:order-processing-security-alerts-prod");
        o.put("dashboardUrl", Dashboard.consoleUrl("eu-west-1", "order-processing-prod"));
        return o;
    }

    static String generate() {
        RunbookFacts facts = RunbookFacts.fromOutputs(outputs());
        return Runbooks.markdown(facts, AlarmCatalog.forStack(Environment.PROD, 8.0, true, Map.of()));
    }

    @Test
    void commandsCarryTheStacksRealNames() {
        List<String> lines = generate().lines().toList();

        assertTrue(lines.contains("aws ecs describe-services --cluster orders-prod-cluster-3f2a1b7 --services backend-svc-prod"
                + " --region eu-west-1"), String.join("\n", lines));
        assertTrue(lines.contains("aws logs tail /aws/ecs/prod/backend --follow --since 10m --region eu-west-1"));
        assertTrue(lines.contains("aws rds describe-db-clusters --db-cluster-identifier prod-auroracluster --region eu-west-1"));
        assertTrue(lines.contains("aws ec2 describe-security-groups --group-ids sg-0a1b2c3d4e5f67890 --region eu-west-1"));
        assertTrue(lines.contains("aws sqs get-queue-attributes --queue-url "
                + "https://sqs.eu-west-1.amazonaws.com/210987654321/orders-prod-4c1d2e9 --attribute-names All --region eu-west-1"));
        assertTrue(lines.contains("aws sqs receive-message --queue-url "
                + "https://sqs.eu-west-1.amazonaws.com/210987654321/orders-dlq-prod-9a8b7c6 --max-number-of-messages 10 --region eu-west-1"));
        assertTrue(lines.contains("aws application-autoscaling describe-scalable-targets --service-namespace ecs --resource-ids "
                + "service/orders-prod-cluster-3f2a1b7/backend-svc-prod --region eu-west-1"));
        assertTrue(lines.contains("aws secretsmanager describe-secret --secret-id "
                + "'arn:aws:secretsmanager:eu-west-1:210987654321:secret:rds!cluster-1a2b-AbCdEf' --region eu-west-1"));
    }

    @Test
    void noPlanPlaceholderSurvives() {
        String md = generate();

        for (String placeholder : List.of("order-processing-cluster ", "order-processor-backend", "123456789012", "orders-queue",
                "sg-xxx", "backend-task-def:42", "<secret-arn>", "writer-instance", "dev-databasestack", "/aws/ecs/dev/")) {
            assertFalse(md.contains(placeholder), placeholder);
        }
    }

    @Test
    void mapsEveryAlarmToARunbook() {
        String md = generate();

        for (AlarmSpec a : AlarmCatalog.forStack(Environment.PROD, 8.0, true, Map.of())) {
            assertTrue(md.contains("| `prod-" + a.id() + "` | " + a.priority() + " | "), a.id());
        }
        assertTrue(md.contains("| `prod-sqs-dlq-messages-detected` | P1 | SQS Messages Stuck in Queue |"));
        assertTrue(md.contains("| `prod-database-unavailable` | P1 | Database Connection Failures |"));
        assertTrue(md.contains("| `prod-security-findings-dlq-messages-detected` | P2 | Security Incident |"));
        assertTrue(md.contains("| `prod-producer-dlq-messages-detected` | P2 | SQS Messages Stuck in Queue |"));
    }

    @Test
    void missingOutputsAreNamedTogether() {
        Map<String, Object> outputs = outputs();
        outputs.remove("dlqUrl");
        outputs.put("logGroupNames", "/aws/ecs/prod/backend");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunbookFacts.fromOutputs(outputs));

        assertEquals("stack outputs cannot fill the runbooks: dlqUrl is missing; logGroupNames has the wrong type", e.getMessage());
    }

    @Test
    void valuesThatAreNotShellSafeAreSingleQuoted() {
        assertEquals("plain-name_1.2/x:y", Runbooks.q("plain-name_1.2/x:y"));
        assertEquals("'a b'", Runbooks.q("a b"));
        assertEquals("'it'\\''s'", Runbooks.q("it's"));
        assertEquals("'$(rm -rf /)'", Runbooks.q("$(rm -rf /)"));
    }
}
