package policy.rules.validity;

import org.junit.jupiter.api.Test;
import policy.rules.RuleCheck;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static policy.rules.RuleCheck.UNKNOWN;

/** AWS-validity rules: what AWS would reject at deploy is caught at preview. */
class ValidityRulesTest {
    private static final String QUEUE = "aws:sqs/queue:Queue";

    @Test
    void logRetentionMustBeACloudWatchValue() {
        RuleCheck rule = RuleCheck.of("log-retention-is-allowed-value");
        String lg = "aws:cloudwatch/logGroup:LogGroup";

        assertTrue(rule.resource(lg, "backend", "{'retentionInDays':731}").compliant());
        assertEquals(List.of("log group 'backend' sets retentionInDays 45, which CloudWatch Logs rejects"),
                rule.resource(lg, "backend", "{'retentionInDays':45}").violations());
        assertEquals("retentionInDays is not set", rule.resource(lg, "backend", "{}").notApplicable());
        assertEquals(List.of("log group 'backend' sets retentionInDays 1e300, which CloudWatch Logs rejects"),
                rule.resource(lg, "backend", "{'retentionInDays':1e300}").violations(), "the value given, not a clamped long");
        assertEquals(List.of("log group 'backend' sets retentionInDays 9223372036854776000, which CloudWatch Logs rejects"),
                rule.resource(lg, "backend", "{'retentionInDays':9223372036854775807}").violations(), "2^63 does not fit a long; printed in its shortest exact double form");
        assertEquals(List.of("log group 'backend' sets retentionInDays 7.5, which CloudWatch Logs rejects"),
                rule.resource(lg, "backend", "{'retentionInDays':7.5}").violations(), "a fraction is a violation, not an error");
        assertEquals(List.of("log group 'backend' sets retentionInDays -7, which CloudWatch Logs rejects"),
                rule.resource(lg, "backend", "{'retentionInDays':-7}").violations());
        assertTrue(rule.resource(lg, "backend", "{'retentionInDays':7.0}").compliant());
        assertTrue(rule.resource(lg, "backend", "{'retentionInDays':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void alarmPeriodsAreTenThirtyOrWholeMinutes() {
        RuleCheck rule = RuleCheck.of("alarm-periods-are-valid");
        String alarm = "aws:cloudwatch/metricAlarm:MetricAlarm";

        assertTrue(rule.resource(alarm, "cpu", "{'period':300}").compliant());
        assertTrue(rule.resource(alarm, "fast", "{'period':10}").compliant());
        assertEquals(List.of("alarm 'cpu' has period 90 s; use 10, 30 or a multiple of 60"),
                rule.resource(alarm, "cpu", "{'period':90}").violations());
        assertEquals("the alarm has no period (metric math alarms set it per query)", rule.resource(alarm, "math", "{}").notApplicable());
        assertTrue(rule.resource(alarm, "cpu", "{'period':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void auroraCapacityStaysWithinAcuBounds() {
        RuleCheck rule = RuleCheck.of("aurora-capacity-in-bounds");
        String cluster = "aws:rds/cluster:Cluster";

        assertTrue(rule.resource(cluster, "db", "{'serverlessv2ScalingConfiguration':{'minCapacity':0.5,'maxCapacity':8}}").compliant());
        assertEquals(List.of("cluster 'db': minCapacity 0.3 is not 0-256 in steps of 0.5; maxCapacity 300.0 is not 1-256 in steps of 0.5"),
                rule.resource(cluster, "db", "{'serverlessv2ScalingConfiguration':{'minCapacity':0.3,'maxCapacity':300}}").violations());
        assertEquals(List.of("cluster 'db': maxCapacity 2.0 is below minCapacity 4.0"),
                rule.resource(cluster, "db", "{'serverlessv2ScalingConfiguration':{'minCapacity':4,'maxCapacity':2}}").violations());
        assertEquals("the cluster is not Serverless v2", rule.resource(cluster, "db", "{}").notApplicable());
        assertTrue(rule.resource(cluster, "db", "{'serverlessv2ScalingConfiguration':{'minCapacity':'" + UNKNOWN + "'}}").undecidable());
    }

    @Test
    void fargateTasksUseOfferedCpuMemoryPairs() {
        RuleCheck rule = RuleCheck.of("fargate-sizes-are-valid");
        String td = "aws:ecs/taskDefinition:TaskDefinition";

        assertTrue(rule.resource(td, "backend", "{'requiresCompatibilities':['FARGATE'],'cpu':'512','memory':'1024'}").compliant());
        assertTrue(rule.resource(td, "big", "{'requiresCompatibilities':['FARGATE'],'cpu':'8192','memory':'32768'}").compliant());
        assertEquals(List.of("task definition 'backend' asks for cpu 256 with memory 4096 MiB, which Fargate does not offer"),
                rule.resource(td, "backend", "{'requiresCompatibilities':['FARGATE'],'cpu':'256','memory':'4096'}").violations());
        assertEquals("the task definition does not require FARGATE",
                rule.resource(td, "ec2", "{'requiresCompatibilities':['EC2'],'cpu':'256','memory':'4096'}").notApplicable());
        assertTrue(rule.resource(td, "backend", "{'requiresCompatibilities':['FARGATE'],'cpu':'" + UNKNOWN + "','memory':'512'}")
                .undecidable());
    }

    @Test
    void queuesStayWithinSqsLimits() {
        RuleCheck rule = RuleCheck.of("queue-settings-within-sqs-limits");

        assertTrue(rule.resource(QUEUE, "orders", "{'visibilityTimeoutSeconds':300,'messageRetentionSeconds':345600,"
                + "'redrivePolicy':" + RuleCheck.doc("{'deadLetterTargetArn':'arn:aws:sqs:us-east-1:1:dlq','maxReceiveCount':5}") + "}")
                .compliant());
        assertEquals(List.of("queue 'orders': visibilityTimeoutSeconds 50000 is outside 0-43200; messageRetentionSeconds 30 is outside "
                        + "60-1209600; maxReceiveCount 0 is outside 1-1000"),
                rule.resource(QUEUE, "orders", "{'visibilityTimeoutSeconds':50000,'messageRetentionSeconds':30,'redrivePolicy':"
                        + RuleCheck.doc("{'maxReceiveCount':0}") + "}").violations());
        assertEquals("the policy only applies to resources of type " + QUEUE,
                rule.resource("aws:sns/topic:Topic", "t", "{}").notApplicable());
        assertTrue(rule.resource(QUEUE, "orders", "{'redrivePolicy':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void functionsStayWithinLambdaLimits() {
        RuleCheck rule = RuleCheck.of("function-settings-within-lambda-limits");
        String fn = "aws:lambda/function:Function";

        assertTrue(rule.resource(fn, "producer", "{'memorySize':512,'timeout':60}").compliant());
        assertEquals(List.of("function 'producer': memorySize 64 MB is outside 128-10240; timeout 901 s is outside 1-900"),
                rule.resource(fn, "producer", "{'memorySize':64,'timeout':901}").violations());
        assertEquals("the policy only applies to resources of type " + fn, rule.resource(QUEUE, "q", "{}").notApplicable());
        assertTrue(rule.resource(fn, "producer", "{'memorySize':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void securityHubStandardsUseAnAcceptedArnForm() {
        RuleCheck rule = RuleCheck.of("security-hub-standard-arns-well-formed");
        String sub = "aws:securityhub/standardsSubscription:StandardsSubscription";

        assertTrue(rule.resource(sub, "fsbp", "{'standardsArn':'arn:aws:securityhub:us-east-1::standards/"
                + "aws-foundational-security-best-practices/v/1.0.0'}").compliant());
        assertTrue(rule.resource(sub, "cis12", "{'standardsArn':'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0'}")
                .compliant());
        assertEquals(List.of("subscription 'cis' uses standardsArn 'arn:aws:securityhub:::standards/cis-aws-foundations-benchmark/v/3.0.0', "
                        + "which is not a Security Hub standard ARN"),
                rule.resource(sub, "cis", "{'standardsArn':'arn:aws:securityhub:::standards/cis-aws-foundations-benchmark/v/3.0.0'}")
                        .violations());
        assertEquals("the policy only applies to resources of type " + sub, rule.resource(QUEUE, "q", "{}").notApplicable());
        assertTrue(rule.resource(sub, "fsbp", "{'standardsArn':'" + UNKNOWN + "'}").undecidable());
    }
}
