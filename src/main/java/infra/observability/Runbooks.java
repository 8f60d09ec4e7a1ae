package infra.observability;

import infra.config.Environment;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The plan's incident procedures ("Incident Response") as Markdown whose commands carry one
 * stack's real names, so nobody copies a placeholder into a shell during an incident. Pure:
 * generated from {@link RunbookFacts}, e.g. to {@code target/plan/<stack>-runbooks.md}.
 */
public final class Runbooks {
    private Runbooks() {
    }

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._/:@,+=%-]+");

    /** The runbook for the alarms of a given catalog id's component; P1 alarms first need these. */
    static final Map<String, String> RUNBOOK_BY_COMPONENT = Map.of(
            "alb", "Backend Service Down",
            "backend", "Backend Service Down",
            "frontend", "Backend Service Down",
            "database", "Database Connection Failures",
            "sqs", "SQS Messages Stuck in Queue",
            "producer", "SQS Messages Stuck in Queue",
            "security", "Security Incident");

    public static String markdown(RunbookFacts f, List<AlarmSpec> catalog) {
        StringBuilder md = new StringBuilder();
        String region = " --region " + q(f.region());
        String cluster = " --cluster " + q(f.clusterName());
        String backend = q(f.backendServiceName());

        md.append("# Runbooks: order processing, ").append(f.environment()).append(" (").append(f.region()).append(")\n\n");
        md.append("Generated from the stack outputs; do not edit by hand. Dashboard: ").append(f.dashboardUrl()).append("\n\n");
        md.append("| What | Name |\n|---|---|\n");
        row(md, "ECS cluster", f.clusterName());
        row(md, "Backend / frontend services", f.backendServiceName() + " / " + f.frontendServiceName());
        row(md, "Order queue", f.queueUrl());
        row(md, "Dead-letter queue", f.dlqUrl());
        row(md, "Aurora cluster", f.dbClusterIdentifier());
        f.logGroupNames().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> row(md, "Log group " + e.getKey(), e.getValue()));
        row(md, "Infrastructure alerts topic", f.infrastructureAlertsTopicArn());
        row(md, "Security alerts topic", f.securityAlertsTopicArn());

        md.append("\n## Which runbook for which alarm\n\n| Alarm | Priority | Runbook |\n|---|---|---|\n");
        for (AlarmSpec a : catalog) {
            md.append("| `").append(a.alarmName(f.environment())).append("` | ").append(a.priority()).append(" | ")
                    .append(runbookFor(a)).append(" |\n");
        }

        section(md, "1. Backend Service Down",
                "Step 1: check the ECS service status",
                "aws ecs describe-services" + cluster + " --services " + backend + region,
                "Step 2: find the most recent stopped task and why it stopped",
                "aws ecs describe-tasks" + cluster + region + " --tasks $(aws ecs list-tasks" + cluster + " --service-name "
                        + backend + " --desired-status STOPPED --query 'taskArns[0]' --output text" + region + ")",
                "Step 3: read the container logs",
                "aws logs tail " + q(f.logGroupNames().get("ecs-backend")) + " --follow --since 10m" + region,
                "Step 4: check recent deployments",
                "aws ecs describe-services" + cluster + " --services " + backend + " --query 'services[0].deployments'" + region,
                "Step 5: roll back to the previous task definition revision if the last deployment caused it",
                "aws ecs list-task-definitions --family-prefix " + q(f.backendTaskFamily())
                        + " --sort DESC --max-items 2 --query 'taskDefinitionArns[1]' --output text" + region,
                "aws ecs update-service" + cluster + " --service " + backend + " --task-definition <arn printed above>" + region);

        section(md, "2. Database Connection Failures",
                "Step 1: check the Aurora cluster status",
                "aws rds describe-db-clusters --db-cluster-identifier " + q(f.dbClusterIdentifier()) + region,
                "Step 2: check the database security group rules",
                "aws ec2 describe-security-groups --group-ids " + q(f.databaseSecurityGroupId()) + region,
                "Step 3: test connectivity from a backend task (then run: nc -zv <cluster endpoint> 5432)",
                "aws ecs execute-command" + cluster + " --task $(aws ecs list-tasks" + cluster + " --service-name " + backend
                        + " --query 'taskArns[0]' --output text" + region + ") --container " + q(f.backendContainerName())
                        + " --interactive --command /bin/sh" + region,
                "Step 4: check that the database secret resolves (prints metadata, not the secret)",
                "aws secretsmanager describe-secret --secret-id " + q(f.databaseSecretArn()) + region,
                "Step 5: review the Aurora PostgreSQL log export",
                "aws logs tail " + q(f.logGroupNames().get("aurora")) + " --since 30m" + region);

        section(md, "3. SQS Messages Stuck in Queue",
                "Step 1: check the queue attributes",
                "aws sqs get-queue-attributes --queue-url " + q(f.queueUrl()) + " --attribute-names All" + region,
                "Step 2: inspect the dead-letter queue (received messages become visible again after the timeout)",
                "aws sqs receive-message --queue-url " + q(f.dlqUrl()) + " --max-number-of-messages 10" + region,
                "Step 3: check the backend's scaling",
                "aws application-autoscaling describe-scalable-targets --service-namespace ecs --resource-ids "
                        + q("service/" + f.clusterName() + "/" + f.backendServiceName()) + region,
                "Step 4: scale up by hand if needed",
                "aws ecs update-service" + cluster + " --service " + backend + " --desired-count 5" + region,
                "Step 5: if nothing reaches the queue, read the producer's logs",
                "aws logs tail " + q(f.logGroupNames().get("producer")) + " --since 30m" + region);

        section(md, "4. Security Incident (GuardDuty / Security Hub finding)",
                "Phase 1, detection (15 min): confirm who was notified",
                "aws sns list-subscriptions-by-topic --topic-arn " + q(f.securityAlertsTopicArn()) + region,
                "Phase 1: collect the rejected traffic of the last hour from the VPC flow logs",
                "aws logs filter-log-events --log-group-name " + q(f.logGroupNames().get("flow-logs"))
                        + " --filter-pattern REJECT --start-time $(( ($(date +%s) - 3600) * 1000 ))" + region,
                "Phase 2, containment (30 min): isolate by tightening security groups, rotate the database secret",
                "aws secretsmanager rotate-secret --secret-id " + q(f.databaseSecretArn()) + region,
                "Phase 2: preserve evidence before anything is replaced",
                "aws rds create-db-cluster-snapshot --db-cluster-identifier " + q(f.dbClusterIdentifier())
                        + " --db-cluster-snapshot-identifier " + q(f.dbClusterIdentifier()) + "-incident-$(date +%Y%m%d%H%M)" + region);
        md.append("Then: eradication (1-4 h), recovery (2-8 h), post-mortem within a week, as the plan's "
                + "Security Incident Response Plan describes.\n");
        return md.toString();
    }

    /** An alarm's runbook; a catalog component without one is a defect, not a reason to guess. */
    static String runbookFor(AlarmSpec alarm) {
        String runbook = RUNBOOK_BY_COMPONENT.get(alarm.component());
        if (runbook == null) {
            throw new IllegalStateException("no runbook for alarm component '" + alarm.component() + "' ("
                    + alarm.id() + "); add it to Runbooks.RUNBOOK_BY_COMPONENT");
        }
        return runbook;
    }

    /**
     * For the offline plan: the catalog of the facts' environment with default thresholds, with the
     * findings dead-letter queue's alarm only when the stack has that queue.
     */
    public static String markdown(RunbookFacts f, double auroraMaxAcu, boolean findingsDeadLetterQueue) {
        Environment env = Environment.parse(f.environment()).orElseThrow(
                () -> new IllegalArgumentException("unknown environment '" + f.environment() + "'; expected one of "
                        + Environment.allowedList()));
        return markdown(f, AlarmCatalog.forStack(env, auroraMaxAcu, findingsDeadLetterQueue, Map.of()));
    }

    /** Alternating step captions and commands. */
    private static void section(StringBuilder md, String title, String... captionsAndCommands) {
        md.append("\n## ").append(title).append("\n\n```bash\n");
        for (int i = 0; i < captionsAndCommands.length; i++) {
            String line = captionsAndCommands[i];
            boolean command = line.startsWith("aws ");
            if (!command) {
                md.append(i == 0 ? "" : "\n").append("# ").append(line).append('\n');
            } else {
                md.append(line).append('\n');
            }
        }
        md.append("```\n\n");
    }

    private static void row(StringBuilder md, String what, String name) {
        md.append("| ").append(what).append(" | `").append(name).append("` |\n");
    }

    /** Quotes a value for a POSIX shell unless it is plainly safe; names come from outputs, not from us. */
    static String q(String value) {
        if (!value.isEmpty() && SHELL_SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
