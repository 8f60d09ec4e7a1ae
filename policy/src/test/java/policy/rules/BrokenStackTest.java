package policy.rules;

import org.junit.jupiter.api.Test;
import policy.OrderProcessingPack;
import policy.sdk.Diagnostic;
import policy.sdk.EnforcementLevel;
import policy.sdk.Evaluation;
import policy.sdk.PackEvaluator;
import policy.sdk.ResourceInput;
import policy.sdk.StackInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static policy.rules.RuleCheck.doc;
import static policy.rules.RuleCheck.protectedRes;
import static policy.rules.RuleCheck.res;

/**
 * A deliberately broken prod stack, one defect per resource, evaluated by the whole pack with
 * {@code policy/config/prod.json}: exactly the expected violations, nothing else.
 */
class BrokenStackTest {
    private static final String TAGS = "'tags':{'Environment':'prod','Project':'order-processing'}";

    private static List<ResourceInput> brokenStack() {
        return List.of(
                // an unencrypted queue (otherwise a redriving, tagged queue)
                res("aws:sqs/queue:Queue", "orders", "{" + TAGS + ",'redrivePolicy':" + doc("{'deadLetterTargetArn':'"
                        + "arn:aws:sqs:us-east-1:111122223333:orders-dlq','maxReceiveCount':5}") + "}"),
                res("aws:sqs/queue:Queue", "orders-dlq", "{" + TAGS + ",'sqsManagedSseEnabled':true,"
                        + "'arn':'arn:aws:sqs:us-east-1:111122223333:orders-dlq','name':'orders-dlq'}"),
                res("aws:cloudwatch/metricAlarm:MetricAlarm", "dlq-messages", "{" + TAGS + ",'period':60,"
                        + "'dimensions':{'QueueName':'orders-dlq'},'alarmActions':['arn:aws:sns:us-east-1:111122223333:alerts']}"),
                // an open database group
                res("aws:ec2/securityGroup:SecurityGroup", "db", "{" + TAGS + ",'id':'sg-0db','ingress':[{'protocol':'tcp','fromPort':5432,"
                        + "'toPort':5432,'cidrBlocks':['0.0.0.0/0']}]}"),
                // a missing tag
                res("aws:sns/topic:Topic", "alerts", "{'tags':{'Environment':'prod'},'kmsMasterKeyId':'arn:aws:kms:us-east-1:111122223333:key/k'}"),
                // short retention
                res("aws:cloudwatch/logGroup:LogGroup", "backend", "{" + TAGS + ",'retentionInDays':7,"
                        + "'kmsKeyId':'arn:aws:kms:us-east-1:111122223333:key/k'}"),
                // a public database
                res("aws:rds/clusterInstance:ClusterInstance", "db-1", "{" + TAGS + ",'publiclyAccessible':true}"),
                // a wildcard IAM statement
                res("aws:iam/rolePolicy:RolePolicy", "task", "{'policy':" + doc("{'Statement':[{'Effect':'Allow','Action':'s3:*',"
                        + "'Resource':'arn:aws:s3:::orders/*'}]}") + "}"),
                // an unprotected prod database (encrypted, backed up, sized; only the safeguards are missing)
                res("aws:rds/cluster:Cluster", "aurora", "{" + TAGS + ",'storageEncrypted':true,'kmsKeyId':'arn:aws:kms:us-east-1:1:key/k','vpcSecurityGroupIds':['sg-0db'],"
                        + "'backupRetentionPeriod':14,'skipFinalSnapshot':true,"
                        + "'serverlessv2ScalingConfiguration':{'minCapacity':0.5,'maxCapacity':8}}"),
                protectedRes("aws:kms/key:Key", "data", "{" + TAGS + ",'enableKeyRotation':true,'deletionWindowInDays':30}"));
    }

    @Test
    void theBrokenStackYieldsExactlyTheExpectedViolations() throws IOException {
        String prodConfig = Files.readString(configFile("prod.json"));
        StackInfo prod = new StackInfo("prod", "order-processing", "", true, Map.of(), Set.of(), Map.of());
        Evaluation evaluation = PackEvaluator.create(OrderProcessingPack.create(), prodConfig, prod).evaluate(brokenStack());

        List<String> found = new ArrayList<>();
        for (Diagnostic d : evaluation.diagnostics()) {
            found.add(d.level().text() + " " + d.policyName() + ": " + d.message().substring(d.message().indexOf('\n') + 1));
        }
        assertEquals(List.of(
                "mandatory sqs-queues-encrypted-at-rest: queue 'orders' sets neither kmsMasterKeyId nor sqsManagedSseEnabled",
                "mandatory world-ingress-limited-to-web-ports: aws:ec2/securityGroup:SecurityGroup 'db' ingress[0] admits 0.0.0.0/0 on tcp/5432",
                "mandatory taggable-resources-carry-required-tags: aws:sns/topic:Topic 'alerts' lacks tag(s) Project",
                "mandatory log-groups-retain-for-minimum: log group 'backend' keeps events 7 days; the minimum is 90",
                "mandatory databases-not-publicly-accessible: instance 'db-1' sets publiclyAccessible to true",
                "mandatory iam-statements-avoid-wildcards: aws:iam/rolePolicy:RolePolicy 'task' policy statement 1 allows wildcard action(s) s3:*",
                "mandatory databases-survive-deletion: cluster 'aurora': deletionProtection is not true; no final snapshot is taken; "
                        + "the protect option is off",
                "mandatory stateful-resources-protected: aws:rds/cluster:Cluster 'aurora' is not registered with protect",
                "mandatory world-ingress-only-on-load-balancers: aws:ec2/securityGroup:SecurityGroup 'db' admits the internet but "
                        + "security group 'db' is not attached to a load balancer",
                "mandatory database-ingress-only-from-application-groups: ingress[0] on database group 'db' admits CIDR 0.0.0.0/0; "
                        + "use an application security group as the source"), found);
        assertEquals(10, evaluation.diagnostics().stream().filter(d -> d.level() == EnforcementLevel.MANDATORY).count());
    }

    /** The pack's config file, from the repository root (root build) or the pack directory (mvn -f policy). */
    static Path configFile(String name) {
        Path fromRoot = Path.of("policy", "config", name);
        return Files.isRegularFile(fromRoot) ? fromRoot : Path.of("config", name);
    }
}
