package policy.rules.network;

import org.junit.jupiter.api.Test;
import policy.rules.RuleCheck;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static policy.rules.RuleCheck.UNKNOWN;

class NetworkRulesTest {
    private static final String SG = "aws:ec2/securityGroup:SecurityGroup";
    private static final String SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

    @Test
    void worldIngressOnlyOnSingleWebPortsInAllThreeShapes() {
        RuleCheck rule = RuleCheck.of("world-ingress-limited-to-web-ports");

        assertTrue(rule.resource(SG, "alb", "{'ingress':[{'protocol':'tcp','fromPort':443,'toPort':443,'cidrBlocks':['0.0.0.0/0']},"
                + "{'protocol':'tcp','fromPort':80,'toPort':80,'ipv6CidrBlocks':['::/0']}]}").compliant());
        assertTrue(rule.resource(INGRESS, "db-from-app", "{'ipProtocol':'tcp','fromPort':5432,'toPort':5432,"
                + "'referencedSecurityGroupId':'sg-0abc'}").compliant(), "group references are not world ingress");
        assertEquals(List.of("aws:ec2/securityGroup:SecurityGroup 'db' ingress[0] admits 0.0.0.0/0 on tcp/5432"),
                rule.resource(SG, "db", "{'ingress':[{'protocol':'tcp','fromPort':5432,'toPort':5432,'cidrBlocks':['0.0.0.0/0']}]}")
                        .violations());
        assertEquals(List.of("aws:ec2/securityGroupRule:SecurityGroupRule 'open' rule admits ::/0 on all ports"),
                rule.resource(SG_RULE, "open", "{'type':'ingress','protocol':'-1','fromPort':0,'toPort':0,'ipv6CidrBlocks':['::/0']}")
                        .violations());
        assertEquals(List.of("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule 'range' rule admits 0.0.0.0/0 on tcp/80-443"),
                rule.resource(INGRESS, "range", "{'ipProtocol':'tcp','fromPort':80,'toPort':443,'cidrIpv4':'0.0.0.0/0'}").violations());
        assertEquals("no ingress permissions", rule.resource(SG_RULE, "egress", "{'type':'egress','protocol':'-1'}").notApplicable());
        assertTrue(rule.resource(SG, "db", "{'ingress':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void databasesAreNotPubliclyAccessible() {
        RuleCheck rule = RuleCheck.of("databases-not-publicly-accessible");
        String instance = "aws:rds/clusterInstance:ClusterInstance";

        assertTrue(rule.resource(instance, "db-1", "{'publiclyAccessible':false}").compliant());
        assertEquals(List.of("instance 'db-1' sets publiclyAccessible to true"),
                rule.resource(instance, "db-1", "{'publiclyAccessible':true}").violations());
        assertEquals("the policy only applies to resources of type aws:rds/clusterInstance:ClusterInstance, aws:rds/instance:Instance",
                rule.resource(SG, "sg", "{}").notApplicable());
        assertTrue(rule.resource(instance, "db-1", "{'publiclyAccessible':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void tasksGetNoPublicIp() {
        RuleCheck rule = RuleCheck.of("tasks-have-no-public-ip");
        String service = "aws:ecs/service:Service";

        assertTrue(rule.resource(service, "backend", "{'networkConfiguration':{'assignPublicIp':false,'subnets':['subnet-1']}}").compliant());
        assertEquals(List.of("service 'backend' sets networkConfiguration.assignPublicIp to true"),
                rule.resource(service, "backend", "{'networkConfiguration':{'assignPublicIp':true}}").violations());
        assertEquals("the service has no awsvpc network configuration", rule.resource(service, "backend", "{}").notApplicable());
        assertTrue(rule.resource(service, "backend", "{'networkConfiguration':{'assignPublicIp':'" + UNKNOWN + "'}}").undecidable());
    }

    @Test
    void defaultSecurityGroupsAreEmptied() {
        RuleCheck rule = RuleCheck.of("default-security-groups-have-no-rules");
        String dsg = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";

        assertTrue(rule.resource(dsg, "default", "{'vpcId':'vpc-1','ingress':[],'egress':[]}").compliant());
        assertEquals(List.of("default security group 'default' has 1 ingress rule and 0 egress rules"),
                rule.resource(dsg, "default", "{'ingress':[{'protocol':'-1','self':true}]}").violations());
        assertEquals(List.of("default security group 'default' has 0 ingress rules and 1 egress rule"),
                rule.resource(dsg, "default", "{'egress':[{'protocol':'-1','cidrBlocks':['0.0.0.0/0']}]}").violations());
        assertEquals("the policy only applies to resources of type " + dsg, rule.resource(SG, "sg", "{}").notApplicable());
        assertTrue(rule.resource(dsg, "default", "{'egress':'" + UNKNOWN + "'}").undecidable());
    }
}
