package policy.rules.stack;

import org.junit.jupiter.api.Test;
import policy.rules.RuleCheck;
import policy.sdk.ResourceInput;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static policy.rules.RuleCheck.UNKNOWN;
import static policy.rules.RuleCheck.doc;
import static policy.rules.RuleCheck.linked;
import static policy.rules.RuleCheck.res;

/** Config recorder, declared log destinations and alert-topic keys, through AnalyzeStack. */
class ObservabilityStackRulesTest {
    private static final String QUEUE = "aws:sqs/queue:Queue";
    private static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    private static final String RECORDER = "aws:cfg/recorder:Recorder";
    private static final String STATUS = "aws:cfg/recorderStatus:RecorderStatus";
    private static final String CHANNEL = "aws:cfg/deliveryChannel:DeliveryChannel";

    @Test
    void theConfigRecorderHasAChannelAndIsStarted() {
        RuleCheck rule = RuleCheck.of("config-recorder-delivers-and-records");
        ResourceInput recorder = res(RECORDER, "recorder", "{'name':'op-dev'}");
        ResourceInput channel = res(CHANNEL, "channel", "{'s3BucketName':'op-config'}");

        assertTrue(rule.stack(recorder, channel, res(STATUS, "status", "{'name':'op-dev','isEnabled':true}")).compliant());
        assertTrue(rule.stack(recorder, channel, linked(res(STATUS, "status", "{'name':'" + UNKNOWN + "','isEnabled':true}"), "name", recorder))
                .compliant(), "status linked by dependency during preview");
        assertEquals(List.of("recorder 'recorder' has no delivery channel", "recorder 'recorder' has no RecorderStatus, so it never starts"),
                rule.stack(recorder).violations());
        assertEquals(List.of("recorder status 'status' does not set isEnabled to true"),
                rule.stack(recorder, channel, res(STATUS, "status", "{'name':'op-dev','isEnabled':false}")).violations());
        assertEquals("the stack has no resource of type " + RECORDER, rule.stack(channel).notApplicable());
        assertTrue(rule.stack(recorder, channel, res(STATUS, "status", "{'name':'op-dev','isEnabled':'" + UNKNOWN + "'}")).undecidable());
    }

    private static final ResourceInput TASK = res("aws:ecs/taskDefinition:TaskDefinition", "backend-task", "{'containerDefinitions':"
            + doc("[{'name':'backend','logConfiguration':{'logDriver':'awslogs','options':{'awslogs-group':'/aws/ecs/dev/backend'}}},"
            + "{'name':'sidecar','logConfiguration':{'logDriver':'awsfirelens','options':{}}}]") + "}");
    private static final ResourceInput FUNCTION = res("aws:lambda/function:Function", "producer", "{'name':'dev-order-producer'}");
    private static final ResourceInput FLOW_LOG = res("aws:ec2/flowLog:FlowLog", "flow",
            "{'logDestination':'arn:aws:logs:us-east-1:111122223333:log-group:/aws/vpc/flowlogs/dev'}");
    private static final ResourceInput CLUSTER = res("aws:rds/cluster:Cluster", "db",
            "{'clusterIdentifier':'dev-aurora','enabledCloudwatchLogsExports':['postgresql']}");
    private static final ResourceInput TRAIL = res("aws:cloudtrail/trail:Trail", "trail",
            "{'cloudWatchLogsGroupArn':'arn:aws:logs:us-east-1:111122223333:log-group:/aws/cloudtrail/dev:*'}");

    private static ResourceInput group(String name, String logGroup) {
        return res(LOG_GROUP, name, "{'name':'" + logGroup + "'}");
    }

    @Test
    void everyLogDestinationIsDeclared() {
        RuleCheck rule = RuleCheck.of("log-destinations-declared");

        assertTrue(rule.stack(TASK, FUNCTION, FLOW_LOG, CLUSTER, TRAIL, group("ecs", "/aws/ecs/dev/backend"),
                group("lambda", "/aws/lambda/dev-order-producer"), group("flow-logs", "/aws/vpc/flowlogs/dev"),
                group("aurora", "/aws/rds/cluster/dev-aurora/postgresql"), group("trail-logs", "/aws/cloudtrail/dev")).compliant());
        assertEquals(List.of("task definition 'backend-task' writes to log group '/aws/ecs/dev/backend' that the stack does not declare",
                        "function 'producer' writes to log group '/aws/lambda/dev-order-producer' that the stack does not declare",
                        "flow log 'flow' writes to log group '/aws/vpc/flowlogs/dev' that the stack does not declare",
                        "cluster 'db' writes to log group '/aws/rds/cluster/dev-aurora/postgresql' that the stack does not declare",
                        "trail 'trail' writes to log group '/aws/cloudtrail/dev' that the stack does not declare"),
                rule.stack(TASK, FUNCTION, FLOW_LOG, CLUSTER, TRAIL, group("other", "/aws/ecs/dev/frontend")).violations());
        assertTrue(rule.stack(res("aws:lambda/function:Function", "producer", "{'name':'dev-order-producer','loggingConfig':"
                + "{'logGroup':'/aws/lambda/dev/order-producer'}}"), group("lambda", "/aws/lambda/dev/order-producer")).compliant(),
                "loggingConfig.logGroup replaces the implicit group");
        assertTrue(rule.stack(res("aws:ec2/flowLog:FlowLog", "flow", "{'logDestinationType':'s3','logDestination':'arn:aws:s3:::b'}"))
                .compliant(), "flow logs to S3 write no log group");
        assertEquals("the stack has no resource of type aws:cloudtrail/trail:Trail, aws:ec2/flowLog:FlowLog, "
                + "aws:ecs/taskDefinition:TaskDefinition, aws:lambda/function:Function, aws:rds/cluster:Cluster",
                rule.stack(group("ecs", "/aws/ecs/dev/backend")).notApplicable());
        assertTrue(rule.stack(res("aws:ecs/taskDefinition:TaskDefinition", "t", "{'containerDefinitions':'" + UNKNOWN + "'}")).undecidable());
        ResourceInput unnamed = res(LOG_GROUP, "lambda", "{'name':'" + UNKNOWN + "'}");
        assertTrue(rule.stack(unnamed, linked(res("aws:lambda/function:Function", "producer", "{'name':'p','loggingConfig':{'logGroup':'"
                + UNKNOWN + "'}}"), "loggingConfig", unnamed)).compliant(), "first preview: the function depends on the declared group");
    }

    private static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/5f0e1d2c";
    private static final String TOPIC_ARN = "arn:aws:sns:us-east-1:111122223333:alerts";
    private static final ResourceInput TOPIC = res("aws:sns/topic:Topic", "alerts", "{'arn':'" + TOPIC_ARN + "','kmsMasterKeyId':'" + KEY_ARN + "'}");
    private static final ResourceInput ALARM = res("aws:cloudwatch/metricAlarm:MetricAlarm", "cpu", "{'alarmActions':['" + TOPIC_ARN + "']}");
    private static final ResourceInput TARGET = res("aws:cloudwatch/eventTarget:EventTarget", "findings", "{'arn':'" + TOPIC_ARN + "'}");

    private static ResourceInput key(String... services) {
        StringBuilder statements = new StringBuilder("{'Sid':'Admin','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:root'},"
                + "'Action':'kms:*','Resource':'*'}");
        for (String service : services) {
            statements.append(",{'Effect':'Allow','Principal':{'Service':'").append(service)
                    .append("'},'Action':['kms:Decrypt','kms:GenerateDataKey*'],'Resource':'*'}");
        }
        return res("aws:kms/key:Key", "messaging", "{'arn':'" + KEY_ARN + "','policy':" + doc("{'Statement':[" + statements + "]}") + "}");
    }

    @Test
    void encryptedAlertTopicsUseKeysThatAdmitTheirPublishers() {
        RuleCheck rule = RuleCheck.of("alert-topic-keys-admit-publishers");

        assertTrue(rule.stack(TOPIC, ALARM, TARGET, key("cloudwatch.amazonaws.com", "events.amazonaws.com")).compliant());
        assertEquals(List.of("key 'messaging' of topic 'alerts' does not allow events.amazonaws.com kms:GenerateDataKey and kms:Decrypt; "
                + "event target 'findings' publishes to it"), rule.stack(TOPIC, ALARM, TARGET, key("cloudwatch.amazonaws.com")).violations());
        assertEquals(List.of("topic 'alerts' is encrypted with 'alias/aws/sns', an AWS-managed key whose policy cannot admit "
                + "cloudwatch.amazonaws.com; alarm 'cpu' publishes to it"), rule.stack(ALARM, res("aws:sns/topic:Topic", "alerts",
                "{'arn':'" + TOPIC_ARN + "','kmsMasterKeyId':'alias/aws/sns'}")).violations());
        assertEquals(List.of("topic 'alerts' is encrypted with 'alias/op-messaging', an alias whose key policy cannot be checked for "
                + "events.amazonaws.com; event target 'findings' publishes to it"), rule.stack(TARGET, res("aws:sns/topic:Topic", "alerts",
                "{'arn':'" + TOPIC_ARN + "','kmsMasterKeyId':'alias/op-messaging'}")).violations());
        assertTrue(rule.stack(ALARM, res("aws:sns/topic:Topic", "alerts", "{'arn':'" + TOPIC_ARN + "'}")).compliant(),
                "an unencrypted topic is sns-topics-encrypted-with-customer-key's concern");
        assertEquals("the stack has no resource of type aws:cloudwatch/eventTarget:EventTarget, aws:cloudwatch/metricAlarm:MetricAlarm",
                rule.stack(TOPIC).notApplicable());
        assertTrue(rule.stack(TOPIC, ALARM, res("aws:kms/key:Key", "messaging", "{'arn':'" + KEY_ARN + "','policy':'" + UNKNOWN + "'}"))
                .undecidable());
    }

    @Test
    void topicsThatAlarmsNotifyReachSomeone() {
        RuleCheck rule = RuleCheck.of("alarm-topics-reach-someone");
        ResourceInput subscription = res("aws:sns/topicSubscription:TopicSubscription", "oncall",
                "{'topic':'" + TOPIC_ARN + "','protocol':'email','endpoint':'oncall@example.com'}");
        ResourceInput okOnly = res("aws:cloudwatch/metricAlarm:MetricAlarm", "memory", "{'okActions':['" + TOPIC_ARN + "']}");

        assertTrue(rule.stack(TOPIC, ALARM, subscription).compliant());
        assertEquals(List.of("topic 'alerts' has no subscription, so 2 alarms notify nobody (first: 'cpu')"),
                rule.stack(TOPIC, ALARM, okOnly).violations());
        assertEquals(List.of("topic 'alerts' has no subscription, so 1 alarm notifies nobody (first: 'cpu')"),
                rule.stack(TOPIC, ALARM).violations());
        assertTrue(rule.stack(TOPIC, ALARM, linked(res("aws:sns/topicSubscription:TopicSubscription", "oncall",
                "{'topic':'" + UNKNOWN + "','protocol':'email','endpoint':'oncall@example.com'}"), "topic", TOPIC)).compliant(),
                "a subscription linked by dependency during preview counts");
        assertEquals("the stack has no resource of type aws:cloudwatch/metricAlarm:MetricAlarm", rule.stack(TOPIC).notApplicable());
    }
}
