package policy.rules.transit;

import org.junit.jupiter.api.Test;
import policy.rules.RuleCheck;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static policy.rules.RuleCheck.UNKNOWN;
import static policy.rules.RuleCheck.doc;

class TransitRulesTest {
    private static final String PARAMS = "aws:rds/clusterParameterGroup:ClusterParameterGroup";
    private static final String TLS_DENY = "{'Version':'2012-10-17','Statement':[{'Sid':'DenyInsecureTransport','Effect':'Deny',"
            + "'Principal':'*','Action':'sqs:*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'false'}}}]}";

    @Test
    void databaseParameterGroupsForceSsl() {
        RuleCheck rule = RuleCheck.of("database-parameters-force-ssl");

        assertTrue(rule.resource(PARAMS, "pg", "{'parameters':[{'name':'rds.force_ssl','value':'1'}]}").compliant());
        assertEquals(List.of("parameter group 'pg' sets rds.force_ssl to '0' instead of 1"),
                rule.resource(PARAMS, "pg", "{'parameters':[{'name':'rds.force_ssl','value':'0'}]}").violations());
        assertEquals(List.of("parameter group 'pg' does not set rds.force_ssl"), rule.resource(PARAMS, "pg", "{}").violations());
        assertEquals("the policy only applies to resources of type " + PARAMS,
                rule.resource("aws:rds/cluster:Cluster", "db", "{}").notApplicable());
        assertTrue(rule.resource(PARAMS, "pg", "{'parameters':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void queueBucketAndTopicPoliciesDenyInsecureTransport() {
        RuleCheck rule = RuleCheck.of("resource-policies-deny-insecure-transport");

        assertTrue(rule.resource("aws:sqs/queuePolicy:QueuePolicy", "orders", "{'policy':" + doc(TLS_DENY) + "}").compliant());
        assertTrue(rule.resource("aws:s3/bucketPolicy:BucketPolicy", "logs", "{'policy':" + doc(TLS_DENY) + "}").compliant());
        assertEquals(List.of("aws:sns/topicPolicy:TopicPolicy 'alerts' has no Deny statement for aws:SecureTransport false"),
                rule.resource("aws:sns/topicPolicy:TopicPolicy", "alerts",
                        "{'policy':" + doc("{'Statement':{'Effect':'Allow','Principal':{'Service':'cloudwatch.amazonaws.com'},"
                                + "'Action':'sns:Publish','Resource':'*'}}") + "}").violations());
        assertEquals(List.of("aws:s3/bucketPolicy:BucketPolicy 'logs' has no policy document"),
                rule.resource("aws:s3/bucketPolicy:BucketPolicy", "logs", "{}").violations());
        assertEquals("the policy only applies to resources of type aws:s3/bucketPolicy:BucketPolicy, aws:sns/topicPolicy:TopicPolicy, "
                + "aws:sqs/queuePolicy:QueuePolicy", rule.resource("aws:sqs/queue:Queue", "q", "{}").notApplicable());
        assertTrue(rule.resource("aws:sqs/queuePolicy:QueuePolicy", "orders", "{'policy':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void listenersUseTls12OrRedirectToHttpsUnderEveryToken() {
        RuleCheck rule = RuleCheck.of("https-listeners-use-modern-tls");
        String redirect = "{'protocol':'HTTP','defaultActions':[{'type':'redirect','redirect':{'protocol':'HTTPS','statusCode':'HTTP_301'}}]}";

        assertTrue(rule.resource("aws:lb/listener:Listener", "https",
                "{'protocol':'HTTPS','sslPolicy':'ELBSecurityPolicy-TLS13-1-2-2021-06'}").compliant());
        assertTrue(rule.resource("aws:alb/listener:Listener", "http", redirect).compliant());
        assertEquals(List.of("listener 'https' uses ssl policy 'ELBSecurityPolicy-2016-08', which allows TLS before 1.2"),
                rule.resource("aws:elasticloadbalancingv2/listener:Listener", "https",
                        "{'protocol':'HTTPS','sslPolicy':'ELBSecurityPolicy-2016-08'}").violations());
        assertEquals(List.of("HTTP listener 'http' does not redirect to HTTPS"), rule.resource("aws:lb/listener:Listener", "http",
                "{'protocol':'HTTP','defaultActions':[{'type':'forward','targetGroupArn':'arn:aws:elasticloadbalancing:tg'}]}").violations());
        assertEquals("protocol TCP carries no HTTP traffic", rule.resource("aws:lb/listener:Listener", "nlb", "{'protocol':'TCP'}")
                .notApplicable());
        assertTrue(rule.resource("aws:lb/listener:Listener", "https", "{'protocol':'HTTPS','sslPolicy':'" + UNKNOWN + "'}").undecidable());
    }
}
