package policy.rules.stack;

import org.junit.jupiter.api.Test;
import policy.rules.RuleCheck;
import policy.sdk.ResourceInput;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static policy.rules.RuleCheck.UNKNOWN;
import static policy.rules.RuleCheck.linked;
import static policy.rules.RuleCheck.res;

/** Stack rules through AnalyzeStack; relations by property dependency (preview) or by output value. */
class StackRulesTest {
    private static final String VPC = "aws:ec2/vpc:Vpc";
    private static final String FLOW_LOG = "aws:ec2/flowLog:FlowLog";
    private static final String QUEUE = "aws:sqs/queue:Queue";
    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private static final String SG = "aws:ec2/securityGroup:SecurityGroup";

    @Test
    void everyVpcHasAFlowLog() {
        RuleCheck rule = RuleCheck.of("vpcs-have-flow-logs");
        ResourceInput vpc = res(VPC, "main", "{'id':'vpc-0abc'}");

        assertTrue(rule.stack(vpc, res(FLOW_LOG, "main-flow", "{'vpcId':'vpc-0abc'}")).compliant());
        assertTrue(rule.stack(vpc, linked(res(FLOW_LOG, "main-flow", "{'vpcId':'" + UNKNOWN + "'}"), "vpcId", vpc)).compliant(),
                "matched by property dependency while the id is unknown");
        assertEquals(List.of("VPC 'main' has no flow log"), rule.stack(vpc, res(FLOW_LOG, "other", "{'vpcId':'vpc-0def'}")).violations());
        assertEquals("the stack has no resource of type " + VPC, rule.stack(res(QUEUE, "q", "{}")).notApplicable());
    }

    @Test
    void everyQueueHasADlqAndEveryDlqAnAlarm() {
        RuleCheck rule = RuleCheck.of("queues-have-alarmed-dead-letter-queues");
        ResourceInput dlq = res(QUEUE, "orders-dlq", "{'arn':'arn:aws:sqs:us-east-1:111122223333:orders-dlq','name':'orders-dlq'}");
        ResourceInput queue = res(QUEUE, "orders", "{'redrivePolicy':" + RuleCheck.doc(
                "{'deadLetterTargetArn':'arn:aws:sqs:us-east-1:111122223333:orders-dlq','maxReceiveCount':5}") + "}");
        ResourceInput alarm = res(ALARM, "dlq-messages", "{'dimensions':{'QueueName':'orders-dlq'},'alarmActions':['arn:aws:sns:t']}");

        assertTrue(rule.stack(queue, dlq, alarm).compliant());
        assertEquals(List.of("dead-letter queue 'orders-dlq' has no alarm"), rule.stack(queue, dlq).violations());
        assertEquals(List.of("queue 'lonely' has no redrivePolicy"), rule.stack(res(QUEUE, "lonely", "{}")).violations());
        assertTrue(rule.stack(linked(res(QUEUE, "orders", "{}"), "redrivePolicy", dlq), dlq,
                linked(res(ALARM, "dlq-messages", "{}"), "dimensions", dlq)).compliant(), "first preview: relations by dependency");
        assertEquals("the stack has no resource of type " + QUEUE, rule.stack(res(VPC, "v", "{}")).notApplicable());
    }

    @Test
    void onlyLoadBalancerGroupsAdmitTheInternet() {
        RuleCheck rule = RuleCheck.of("world-ingress-only-on-load-balancers");
        ResourceInput albSg = res(SG, "alb-sg", "{'id':'sg-0alb','ingress':[{'protocol':'tcp','fromPort':443,'toPort':443,"
                + "'cidrBlocks':['0.0.0.0/0']}]}");
        ResourceInput dbSg = res(SG, "db-sg", "{'id':'sg-0db'}");

        assertTrue(rule.stack(albSg, res("aws:alb/loadBalancer:LoadBalancer", "alb", "{'securityGroups':['sg-0alb']}")).compliant());
        assertTrue(rule.stack(albSg, linked(res("aws:lb/loadBalancer:LoadBalancer", "alb", "{'securityGroups':'" + UNKNOWN + "'}"),
                "securityGroups", albSg)).compliant(), "attachment known through the dependency during preview");
        assertEquals(List.of("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule 'db-open' admits the internet but security group "
                        + "'db-sg' is not attached to a load balancer"),
                rule.stack(dbSg, res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "db-open",
                        "{'securityGroupId':'sg-0db','cidrIpv4':'0.0.0.0/0','ipProtocol':'tcp','fromPort':443,'toPort':443}")).violations());
        assertEquals("the stack has no resource of type aws:ec2/securityGroup:SecurityGroup, "
                + "aws:ec2/securityGroupRule:SecurityGroupRule, aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                rule.stack(res(QUEUE, "q", "{}")).notApplicable());
    }

    @Test
    void everyRepositoryHasALifecyclePolicy() {
        RuleCheck rule = RuleCheck.of("repositories-have-lifecycle-policies");
        ResourceInput repo = res("aws:ecr/repository:Repository", "backend", "{'name':'order-processing-dev-backend'}");

        assertTrue(rule.stack(repo, res("aws:ecr/lifecyclePolicy:LifecyclePolicy", "backend-lifecycle",
                "{'repository':'order-processing-dev-backend'}")).compliant());
        assertEquals(List.of("repository 'backend' has no lifecycle policy"), rule.stack(repo).violations());
        assertEquals("the stack has no resource of type aws:ecr/repository:Repository", rule.stack(res(QUEUE, "q", "{}")).notApplicable());
        assertEquals(List.of("repository 'backend' has no lifecycle policy"), rule.stack(repo,
                res("aws:ecr/lifecyclePolicy:LifecyclePolicy", "l", "{'repository':'" + UNKNOWN + "'}")).violations(),
                "an unknown reference without a dependency is not a link");
    }

    @Test
    void alarmsNotifySomeone() {
        RuleCheck rule = RuleCheck.of("alarms-have-actions");

        assertTrue(rule.resource(ALARM, "cpu", "{'alarmActions':['arn:aws:sns:us-east-1:1:alerts']}").compliant());
        assertEquals(List.of("alarm 'cpu' has no alarmActions"), rule.resource(ALARM, "cpu", "{'alarmActions':[]}").violations());
        assertEquals(List.of("alarm 'cpu' sets actionsEnabled to false"), rule.resource(ALARM, "cpu",
                "{'actionsEnabled':false,'alarmActions':['arn:aws:sns:t']}").violations());
        assertEquals("the policy only applies to resources of type " + ALARM, rule.resource(QUEUE, "q", "{}").notApplicable());
        assertTrue(rule.resource(ALARM, "cpu", "{'alarmActions':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void clustersHaveContainerInsights() {
        RuleCheck rule = RuleCheck.of("container-insights-enabled");
        String cluster = "aws:ecs/cluster:Cluster";

        assertTrue(rule.resource(cluster, "ecs", "{'settings':[{'name':'containerInsights','value':'enhanced'}]}").compliant());
        assertEquals(List.of("cluster 'ecs' sets containerInsights to 'disabled'"),
                rule.resource(cluster, "ecs", "{'settings':[{'name':'containerInsights','value':'disabled'}]}").violations());
        assertEquals(List.of("cluster 'ecs' does not set containerInsights"), rule.resource(cluster, "ecs", "{}").violations());
        assertEquals("the policy only applies to resources of type " + cluster,
                rule.resource("aws:rds/cluster:Cluster", "db", "{}").notApplicable());
        assertTrue(rule.resource(cluster, "ecs", "{'settings':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void trailsAreMultiRegionAndValidated() {
        RuleCheck rule = RuleCheck.of("trails-cover-all-regions-with-validation");
        String trail = "aws:cloudtrail/trail:Trail";

        assertTrue(rule.resource(trail, "audit", "{'isMultiRegionTrail':true,'enableLogFileValidation':true}").compliant());
        assertEquals(List.of("trail 'audit': isMultiRegionTrail is not true; enableLogFileValidation is not true; enableLogging is false"),
                rule.resource(trail, "audit", "{'enableLogging':false}").violations());
        assertEquals("the policy only applies to resources of type " + trail, rule.resource(QUEUE, "q", "{}").notApplicable());
        assertTrue(rule.resource(trail, "audit", "{'isMultiRegionTrail':'" + UNKNOWN + "'}").undecidable());
    }
}
