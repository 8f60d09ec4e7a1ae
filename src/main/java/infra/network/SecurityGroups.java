package infra.network;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import infra.config.Settings;

/**
 * The plan's security groups ("Security Group Architecture") plus the producer and endpoint
 * groups. Groups are created empty and every rule is its own resource, so groups that reference
 * each other (ALB to backend, backend to database) never form a dependency cycle.
 *
 * <p>The AWS provider removes the allow-all egress rule AWS adds to a new group, so a group with
 * no egress rule here (database, endpoint) can initiate nothing.
 */
final class SecurityGroups {
    private static final String TCP = "tcp";
    private static final String ANYWHERE = Network.ANYWHERE;

    private final Resource parent;
    private final String name;
    private final Settings settings;
    private final SecurityGroup alb;
    private final SecurityGroup backend;
    private final SecurityGroup frontend;
    private final SecurityGroup database;
    private final SecurityGroup producer;
    private final SecurityGroup endpoint;

    SecurityGroups(Resource parent, String name, Settings settings, Output<String> vpcId, String vpcCidr) {
        this.parent = parent;
        this.name = name;
        this.settings = settings;
        alb = group("alb", "Application load balancer: HTTP(S) from the internet to the ECS services", vpcId);
        backend = group("backend", "Backend ECS tasks: port 3000 from the ALB only", vpcId);
        frontend = group("frontend", "Frontend ECS tasks: port 80 from the ALB only", vpcId);
        database = group("database", "Aurora PostgreSQL: port 5432 from the application only", vpcId);
        producer = group("producer", "Order producer Lambda: HTTPS egress only", vpcId);
        endpoint = group("endpoint", "VPC interface endpoints: HTTPS from inside the VPC", vpcId);

        ingressFromCidr(alb, "http", Ports.HTTP, ANYWHERE, "HTTP from the internet to the ALB listener");
        if (settings.features().https()) {
            ingressFromCidr(alb, "https", Ports.HTTPS, ANYWHERE, "HTTPS from the internet to the ALB listener");
        }
        egressToGroup(alb, "to-backend", Ports.BACKEND, backend, "ALB forwards to backend tasks on 3000");
        egressToGroup(alb, "to-frontend", Ports.FRONTEND, frontend, "ALB forwards to frontend tasks on 80");

        ingressFromGroup(backend, "from-alb", Ports.BACKEND, alb, "Backend port 3000 from the ALB only");
        egressToGroup(backend, "to-database", Ports.POSTGRES, database, "Backend to Aurora PostgreSQL on 5432");
        egressToCidr(backend, "https", Ports.HTTPS, ANYWHERE, "Backend to AWS APIs (Secrets Manager, SQS, S3) on 443");

        ingressFromGroup(frontend, "from-alb", Ports.FRONTEND, alb, "Frontend port 80 from the ALB only");
        egressToCidr(frontend, "https", Ports.HTTPS, ANYWHERE, "Frontend to CDN and external resources on 443");

        // the plan allows 5432 from the whole VPC; referencing the application's groups is stricter
        if (settings.network().databaseIngressFromVpcCidr()) {
            ingressFromCidr(database, "from-vpc", Ports.POSTGRES, vpcCidr, "PostgreSQL from the VPC CIDR (plan's form)");
        } else {
            ingressFromGroup(database, "from-backend", Ports.POSTGRES, backend, "PostgreSQL from backend tasks only");
            if (settings.network().databaseIngressFromProducer()) {
                ingressFromGroup(database, "from-producer", Ports.POSTGRES, producer, "PostgreSQL from the order producer");
            }
        }

        egressToCidr(producer, "https", Ports.HTTPS, ANYWHERE, "Producer to SQS and AWS APIs on 443");
        if (settings.network().databaseIngressFromProducer()) {
            egressToGroup(producer, "to-database", Ports.POSTGRES, database, "Producer to Aurora PostgreSQL on 5432");
        }

        ingressFromCidr(endpoint, "https", Ports.HTTPS, vpcCidr, "HTTPS from the VPC to interface endpoints");
    }

    private SecurityGroup group(String role, String description, Output<String> vpcId) {
        String groupName = name + "-" + role + "-sg";
        return new SecurityGroup(groupName, SecurityGroupArgs.builder()
                .vpcId(vpcId)
                .description(description)
                .tags(settings.tags("Name", groupName))
                .build(), child());
    }

    private void ingressFromGroup(SecurityGroup group, String label, int port, SecurityGroup source, String description) {
        ingress(group, label, port, description, SecurityGroupIngressRuleArgs.builder().referencedSecurityGroupId(source.id()));
    }

    private void ingressFromCidr(SecurityGroup group, String label, int port, String cidr, String description) {
        ingress(group, label, port, description, SecurityGroupIngressRuleArgs.builder().cidrIpv4(cidr));
    }

    private void ingress(SecurityGroup group, String label, int port, String description,
                         SecurityGroupIngressRuleArgs.Builder peer) {
        String ruleName = group.pulumiResourceName() + "-in-" + label;
        new SecurityGroupIngressRule(ruleName, peer
                .securityGroupId(group.id())
                .ipProtocol(TCP).fromPort(port).toPort(port)
                .description(description)
                .tags(settings.tags("Name", ruleName))
                .build(), child());
    }

    private void egressToGroup(SecurityGroup group, String label, int port, SecurityGroup target, String description) {
        egress(group, label, port, description, SecurityGroupEgressRuleArgs.builder().referencedSecurityGroupId(target.id()));
    }

    private void egressToCidr(SecurityGroup group, String label, int port, String cidr, String description) {
        egress(group, label, port, description, SecurityGroupEgressRuleArgs.builder().cidrIpv4(cidr));
    }

    private void egress(SecurityGroup group, String label, int port, String description,
                        SecurityGroupEgressRuleArgs.Builder peer) {
        String ruleName = group.pulumiResourceName() + "-out-" + label;
        new SecurityGroupEgressRule(ruleName, peer
                .securityGroupId(group.id())
                .ipProtocol(TCP).fromPort(port).toPort(port)
                .description(description)
                .tags(settings.tags("Name", ruleName))
                .build(), child());
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(parent).build();
    }

    SecurityGroup alb() {
        return alb;
    }

    SecurityGroup backend() {
        return backend;
    }

    SecurityGroup frontend() {
        return frontend;
    }

    SecurityGroup database() {
        return database;
    }

    SecurityGroup producer() {
        return producer;
    }

    SecurityGroup endpoint() {
        return endpoint;
    }
}
