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

/** Database ingress chaining and private service subnets, through AnalyzeStack. */
class NetworkStackRulesTest {
    private static final String SG = "aws:ec2/securityGroup:SecurityGroup";
    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
    private static final String SERVICE = "aws:ecs/service:Service";
    private static final String QUEUE = "aws:sqs/queue:Queue";

    private static final ResourceInput VPC = res("aws:ec2/vpc:Vpc", "vpc", "{'id':'vpc-0a1','cidrBlock':'10.0.0.0/16'}");
    private static final ResourceInput DB_SG = res(SG, "db-sg", "{'id':'sg-0db','vpcId':'vpc-0a1'}");
    private static final ResourceInput APP_SG = res(SG, "app-sg", "{'id':'sg-0app'}");
    private static final ResourceInput ALB_SG = res(SG, "alb-sg", "{'id':'sg-0alb'}");
    private static final ResourceInput APP = res(SERVICE, "backend", "{'networkConfiguration':{'securityGroups':['sg-0app']}}");
    private static final ResourceInput CLUSTER = res("aws:rds/cluster:Cluster", "db",
            "{'engine':'aurora-postgresql','port':5432,'vpcSecurityGroupIds':['sg-0db']}");

    private static ResourceInput ingress(String name, String source) {
        return res(INGRESS, name, "{'securityGroupId':'sg-0db','ipProtocol':'tcp','fromPort':5432,'toPort':5432," + source + "}");
    }

    private static final ResourceInput FROM_APP = ingress("db-in-app", "'referencedSecurityGroupId':'sg-0app'");

    @Test
    void theDatabaseAdmitsOnlyItsPortFromApplicationGroups() {
        RuleCheck rule = RuleCheck.of("database-ingress-only-from-application-groups");
        ResourceInput fromVpc = ingress("db-in-vpc", "'cidrIpv4':'10.0.0.0/16'");

        assertTrue(rule.stack(VPC, DB_SG, APP_SG, APP, CLUSTER, FROM_APP).compliant());
        assertEquals(List.of("ingress rule 'db-in-ext' on database group 'db-sg' admits security group 'sg-0ext' that is not in the stack",
                        "ingress rule 'db-in-vpc' on database group 'db-sg' admits CIDR 10.0.0.0/16; use an application security group as the source",
                        "ingress rule 'db-in-alb' on database group 'db-sg' admits security group 'alb-sg', which no ECS service or Lambda function uses"),
                rule.stack(VPC, DB_SG, APP_SG, ALB_SG, APP, CLUSTER, fromVpc, ingress("db-in-alb", "'referencedSecurityGroupId':'sg-0alb'"),
                        res(SG_RULE, "db-in-ext", "{'type':'ingress','securityGroupId':'sg-0db','protocol':'tcp','fromPort':5432,'toPort':5432,"
                                + "'sourceSecurityGroupId':'sg-0ext'}")).violations());
        assertEquals(List.of("ingress[0] on database group 'db-sg' admits all traffic; only tcp/5432 is allowed"),
                rule.stack(APP_SG, APP, CLUSTER, res(SG, "db-sg", "{'id':'sg-0db','ingress':[{'protocol':'-1','fromPort':0,'toPort':0,"
                        + "'securityGroups':['sg-0app']}]}")).violations());
        assertTrue(RuleCheck.of("database-ingress-only-from-application-groups",
                "{'database-ingress-only-from-application-groups':{'allowVpcCidr':true}}").stack(VPC, DB_SG, CLUSTER, fromVpc).compliant(),
                "the VPC-CIDR exception is opt-in");
        assertEquals(List.of("cluster 'db' names no security group of the stack in vpcSecurityGroupIds"),
                rule.stack(res("aws:rds/cluster:Cluster", "db", "{'port':5432}")).violations());
        assertEquals("the stack has no resource of type aws:rds/cluster:Cluster", rule.stack(DB_SG).notApplicable());
        assertTrue(rule.stack(DB_SG, APP_SG, APP, CLUSTER, res(INGRESS, "db-in-app", "{'securityGroupId':'sg-0db','ipProtocol':'tcp',"
                + "'fromPort':'" + UNKNOWN + "','toPort':5432,'referencedSecurityGroupId':'sg-0app'}")).undecidable());
        assertTrue(rule.stack(DB_SG, APP_SG, APP, CLUSTER, linked(ingress("db-in-app", "'referencedSecurityGroupId':'" + UNKNOWN + "'"),
                "referencedSecurityGroupId", APP_SG)).compliant(), "first preview: the source group by dependency");
    }

    private static final ResourceInput APP_SUBNET = res("aws:ec2/subnet:Subnet", "app-1", "{'id':'subnet-0app1','mapPublicIpOnLaunch':false}");
    private static final ResourceInput APP_RT = res("aws:ec2/routeTable:RouteTable", "app-rt", "{'id':'rtb-0app'}");
    private static final ResourceInput APP_RTA = res("aws:ec2/routeTableAssociation:RouteTableAssociation", "app-rta",
            "{'subnetId':'subnet-0app1','routeTableId':'rtb-0app'}");
    private static final ResourceInput NAT_ROUTE = res("aws:ec2/route:Route", "app-default",
            "{'routeTableId':'rtb-0app','destinationCidrBlock':'0.0.0.0/0','natGatewayId':'nat-0a1'}");
    private static final ResourceInput PUBLIC_SUBNET = res("aws:ec2/subnet:Subnet", "public-1", "{'id':'subnet-0pub1','mapPublicIpOnLaunch':false}");
    private static final ResourceInput PUBLIC_RTA = res("aws:ec2/routeTableAssociation:RouteTableAssociation", "public-rta",
            "{'subnetId':'subnet-0pub1','routeTableId':'rtb-0pub'}");
    private static final ResourceInput IGW = res("aws:ec2/internetGateway:InternetGateway", "igw", "{'id':'igw-0a1'}");
    private static final ResourceInput IGW_ROUTE = res("aws:ec2/route:Route", "public-default",
            "{'routeTableId':'rtb-0pub','destinationCidrBlock':'0.0.0.0/0','gatewayId':'igw-0a1'}");

    private static ResourceInput service(String subnets) {
        return res(SERVICE, "backend", "{'networkConfiguration':{'assignPublicIp':false,'subnets':" + subnets + "}}");
    }

    @Test
    void servicesRunOnlyInPrivateSubnets() {
        RuleCheck rule = RuleCheck.of("services-run-in-private-subnets");
        ResourceInput publicRt = res("aws:ec2/routeTable:RouteTable", "public-rt", "{'id':'rtb-0pub'}");

        assertTrue(rule.stack(service("['subnet-0app1']"), APP_SUBNET, APP_RT, APP_RTA, NAT_ROUTE, IGW).compliant());
        assertEquals(List.of("service 'backend' runs in subnet 'public-1', whose route table 'public-rt' routes to internet gateway 'igw'"),
                rule.stack(service("['subnet-0app1','subnet-0pub1']"), APP_SUBNET, APP_RT, APP_RTA, NAT_ROUTE,
                        PUBLIC_SUBNET, publicRt, PUBLIC_RTA, IGW, IGW_ROUTE).violations());
        assertEquals(List.of("service 'backend' runs in subnet 'public-1', whose route table 'public-rt' routes to internet gateway 'igw-0a1'"),
                rule.stack(service("['subnet-0pub1']"), PUBLIC_SUBNET, PUBLIC_RTA, res("aws:ec2/routeTable:RouteTable", "public-rt",
                        "{'id':'rtb-0pub','routes':[{'cidrBlock':'0.0.0.0/0','gatewayId':'igw-0a1'}]}")).violations(), "inline routes");
        assertEquals(List.of("service 'backend' runs in subnet 'auto-ip', which assigns public IPs on launch (mapPublicIpOnLaunch)",
                        "service 'backend' runs in subnet 'subnet-0zzz' that is not in the stack"),
                rule.stack(service("['subnet-0auto','subnet-0zzz']"), res("aws:ec2/subnet:Subnet", "auto-ip",
                        "{'id':'subnet-0auto','mapPublicIpOnLaunch':true}")).violations());
        assertEquals("the stack has no resource of type " + SERVICE, rule.stack(res(QUEUE, "q", "{}")).notApplicable());
        assertTrue(rule.stack(linked(service("'" + UNKNOWN + "'"), "networkConfiguration", APP_SUBNET), APP_SUBNET, APP_RT, APP_RTA, NAT_ROUTE)
                .compliant(), "first preview: subnets by dependency");
        assertTrue(rule.stack(service("'" + UNKNOWN + "'"), APP_SUBNET).undecidable());
    }
}
