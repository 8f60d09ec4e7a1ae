package infra.compute;

import infra.security.iam.PolicyDocument;
import infra.security.iam.PolicyDocument.Statement;

import java.util.List;
import java.util.Optional;

/**
 * The IAM documents of the Fargate services, as the plan's "IAM Least Privilege" section states
 * them: the backend task role reaches only the orders queue and the database secret (plus the KMS
 * decrypt those need, only through SQS or Secrets Manager), the frontend task role gets nothing,
 * and an execution role pulls only its own repository, writes logs only under
 * {@code /aws/ecs/<env>/*} and reads only the secrets its task injects.
 */
public final class TaskPolicies {
    private TaskPolicies() {
    }

    public static final String ECS_TASKS_PRINCIPAL = "ecs-tasks.amazonaws.com";

    /** Lets ECS tasks of this account and region, and nothing else, assume the role. */
    public static PolicyDocument assumedByEcsTasks(String partition, String region, String account) {
        return PolicyDocument.of(Statement.allow()
                .service(ECS_TASKS_PRINCIPAL)
                .actions("sts:AssumeRole")
                .condition("StringEquals", "aws:SourceAccount", account)
                .condition("ArnLike", "aws:SourceArn", "arn:" + partition + ":ecs:" + region + ":" + account + ":*"));
    }

    /** The backend task role; {@code xray} adds the daemon's trace upload (those actions take no resource ARN). */
    public static PolicyDocument backendTask(String region, String queueArn, String databaseSecretArn,
            String messagingKeyArn, String dataKeyArn, boolean xray) {
        PolicyDocument doc = PolicyDocument.of(
                Statement.allow().sid("ConsumeOrders")
                        .actions("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes")
                        .resources(queueArn),
                Statement.allow().sid("PublishOrders")
                        .actions("sqs:SendMessage")
                        .resources(queueArn),
                Statement.allow().sid("ReadDatabaseSecret")
                        .actions("secretsmanager:GetSecretValue")
                        .resources(databaseSecretArn),
                Statement.allow().sid("UseQueueKeyThroughSqs")
                        .actions("kms:Decrypt", "kms:GenerateDataKey")
                        .resources(messagingKeyArn)
                        .condition("StringEquals", "kms:ViaService", "sqs." + region + ".amazonaws.com"),
                Statement.allow().sid("DecryptSecretThroughSecretsManager")
                        .actions("kms:Decrypt")
                        .resources(dataKeyArn)
                        .condition("StringEquals", "kms:ViaService", "secretsmanager." + region + ".amazonaws.com"));
        if (xray) {
            doc.add(Statement.allow().sid("UploadTraces")
                    .actions("xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
                            "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries")
                    .resources("*"));
        }
        return doc;
    }

    /** Secrets an execution role may read to inject into containers, and the key that decrypts them. */
    public record InjectedSecrets(List<String> secretArns, String keyArn) {
    }

    /** An execution role: image pull from {@code repositoryArns}, log writes, and the injected secrets if any. */
    public static PolicyDocument execution(String partition, String region, String account, String environment,
            List<String> repositoryArns, Optional<InjectedSecrets> secrets) {
        PolicyDocument doc = PolicyDocument.of(
                Statement.allow().sid("GetEcrToken")
                        .actions("ecr:GetAuthorizationToken")
                        .resources("*"),
                Statement.allow().sid("PullServiceImages")
                        .actions("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage")
                        .resources(repositoryArns.toArray(String[]::new)),
                Statement.allow().sid("WriteContainerLogs")
                        .actions("logs:CreateLogStream", "logs:PutLogEvents")
                        .resources(logGroupsArn(partition, region, account, environment)));
        secrets.ifPresent(s -> {
            doc.add(Statement.allow().sid("ReadInjectedSecrets")
                    .actions("secretsmanager:GetSecretValue")
                    .resources(s.secretArns().toArray(String[]::new)));
            doc.add(Statement.allow().sid("DecryptInjectedSecrets")
                    .actions("kms:Decrypt")
                    .resources(s.keyArn())
                    .condition("StringEquals", "kms:ViaService", "secretsmanager." + region + ".amazonaws.com"));
        });
        return doc;
    }

    /** Every ECS log group of one environment, the plan's {@code log-group:/aws/ecs/<env>/*}. */
    public static String logGroupsArn(String partition, String region, String account, String environment) {
        return "arn:" + partition + ":logs:" + region + ":" + account + ":log-group:/aws/ecs/" + environment + "/*";
    }
}
