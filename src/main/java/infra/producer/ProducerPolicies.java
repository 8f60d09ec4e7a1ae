package infra.producer;

import infra.security.iam.PolicyDocument;
import infra.security.iam.PolicyDocument.Statement;

/** The producer's IAM documents, built from plain ARNs (the component resolves its outputs first). */
final class ProducerPolicies {
    private ProducerPolicies() {
    }

    static String assumeRole() {
        return PolicyDocument.of(Statement.allow().sid("LambdaAssumesRole")
                .service("lambda.amazonaws.com").actions("sts:AssumeRole")).toJson();
    }

    /**
     * Least privilege for the handler: send to the orders queue (SendMessageBatch is authorized as
     * sqs:SendMessage), use the queue's key only through SQS, send failed async invocations to the
     * dead-letter queue (Lambda uses the execution role for destinations), write to its own log group.
     * X-Ray and ENI actions do not support resource scoping, hence {@code *}.
     */
    static String executionRole(String region, String queueArn, String messagingKeyArn, String deadLetterQueueArn,
                                String logGroupArn, boolean xray, boolean vpc) {
        PolicyDocument doc = PolicyDocument.of(
                Statement.allow().sid("SendOrders").actions("sqs:SendMessage").resources(queueArn),
                Statement.allow().sid("EncryptOrdersThroughSqs").actions("kms:GenerateDataKey", "kms:Decrypt")
                        .resources(messagingKeyArn)
                        .condition("StringEquals", "kms:ViaService", "sqs." + region + ".amazonaws.com"),
                Statement.allow().sid("SendFailedInvocations").actions("sqs:SendMessage").resources(deadLetterQueueArn),
                Statement.allow().sid("WriteOwnLogs").actions("logs:CreateLogStream", "logs:PutLogEvents")
                        .resources(logStreams(logGroupArn)));
        if (xray) {
            doc.add(Statement.allow().sid("SendTraces").actions("xray:PutTraceSegments", "xray:PutTelemetryRecords")
                    .resources("*"));
        }
        if (vpc) {
            doc.add(Statement.allow().sid("ManageVpcNetworkInterfaces")
                    .actions("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
                            "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses",
                            "ec2:UnassignPrivateIpAddresses")
                    .resources("*"));
        }
        return doc.toJson();
    }

    /** EventBridge may deliver undeliverable schedule events, only from this rule; TLS only. */
    static String deadLetterQueue(String deadLetterQueueArn, String ruleArn) {
        return PolicyDocument.of(
                Statement.allow().sid("ScheduleDeadLetters").service("events.amazonaws.com").actions("sqs:SendMessage")
                        .resources(deadLetterQueueArn).condition("ArnEquals", "aws:SourceArn", ruleArn),
                Statement.deny().sid("DenyInsecureTransport").anyone().actions("sqs:*").resources(deadLetterQueueArn)
                        .condition("Bool", "aws:SecureTransport", false)).toJson();
    }

    /** Log streams of the group: {@code <group arn>:log-stream:*}, accepting an ARN that ends in {@code :*}. */
    static String logStreams(String logGroupArn) {
        String group = logGroupArn.endsWith(":*") ? logGroupArn.substring(0, logGroupArn.length() - 2) : logGroupArn;
        return group + ":log-stream:*";
    }
}
