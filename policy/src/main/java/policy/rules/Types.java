package policy.rules;

import policy.sdk.ResourceView;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every type token a resource can arrive under, per kind of resource. The provider registers
 * aliases ({@code aws:alb/*} and {@code aws:elasticloadbalancingv2/*} beside {@code aws:lb/*}), the
 * S3 split resources carry a {@code V2} suffix in 6.x that 7.x drops, and older programs use the
 * legacy bucket. Rules match on these sets, never on one spelling.
 */
public final class Types {
    public static final Set<String> LOAD_BALANCER = elb("loadBalancer:LoadBalancer");
    public static final Set<String> LISTENER = elb("listener:Listener");
    public static final Set<String> LISTENER_RULE = elb("listenerRule:ListenerRule");
    public static final Set<String> TARGET_GROUP = elb("targetGroup:TargetGroup");

    public static final Set<String> BUCKET = Set.of("aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket");
    public static final Set<String> BUCKET_ENCRYPTION = s3Split("bucketServerSideEncryptionConfiguration");
    public static final Set<String> BUCKET_LIFECYCLE = s3Split("bucketLifecycleConfiguration");
    public static final Set<String> BUCKET_POLICY = Set.of("aws:s3/bucketPolicy:BucketPolicy");

    public static final Set<String> SECURITY_GROUP = Set.of("aws:ec2/securityGroup:SecurityGroup");
    public static final Set<String> SECURITY_GROUP_RULE = Set.of("aws:ec2/securityGroupRule:SecurityGroupRule");
    public static final Set<String> INGRESS_RULE = Set.of("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
    public static final Set<String> DEFAULT_SECURITY_GROUP = Set.of("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
    public static final Set<String> VPC = Set.of("aws:ec2/vpc:Vpc");
    public static final Set<String> FLOW_LOG = Set.of("aws:ec2/flowLog:FlowLog");
    public static final Set<String> SUBNET = Set.of("aws:ec2/subnet:Subnet");
    public static final Set<String> ROUTE_TABLE = Set.of("aws:ec2/routeTable:RouteTable");
    public static final Set<String> DEFAULT_ROUTE_TABLE = Set.of("aws:ec2/defaultRouteTable:DefaultRouteTable");
    public static final Set<String> ROUTE = Set.of("aws:ec2/route:Route");
    public static final Set<String> ROUTE_TABLE_ASSOCIATION = Set.of("aws:ec2/routeTableAssociation:RouteTableAssociation");
    public static final Set<String> INTERNET_GATEWAY = Set.of("aws:ec2/internetGateway:InternetGateway");

    public static final Set<String> DB_CLUSTER = Set.of("aws:rds/cluster:Cluster");
    public static final Set<String> DB_INSTANCE = Set.of("aws:rds/clusterInstance:ClusterInstance", "aws:rds/instance:Instance");
    public static final Set<String> DB_CLUSTER_PARAMETERS = Set.of("aws:rds/clusterParameterGroup:ClusterParameterGroup");

    public static final Set<String> QUEUE = Set.of("aws:sqs/queue:Queue");
    public static final Set<String> QUEUE_POLICY = Set.of("aws:sqs/queuePolicy:QueuePolicy");
    public static final Set<String> TOPIC = Set.of("aws:sns/topic:Topic");
    public static final Set<String> TOPIC_SUBSCRIPTION = Set.of("aws:sns/topicSubscription:TopicSubscription");
    public static final Set<String> TOPIC_POLICY = Set.of("aws:sns/topicPolicy:TopicPolicy");
    public static final Set<String> EVENT_RULE = Set.of("aws:cloudwatch/eventRule:EventRule");
    public static final Set<String> EVENT_TARGET = Set.of("aws:cloudwatch/eventTarget:EventTarget");
    public static final Set<String> LOG_GROUP = Set.of("aws:cloudwatch/logGroup:LogGroup");
    public static final Set<String> METRIC_ALARM = Set.of("aws:cloudwatch/metricAlarm:MetricAlarm");

    public static final Set<String> KMS_KEY = Set.of("aws:kms/key:Key");
    public static final Set<String> KMS_KEY_POLICY = Set.of("aws:kms/keyPolicy:KeyPolicy");
    public static final Set<String> SECRET = Set.of("aws:secretsmanager/secret:Secret");
    public static final Set<String> REPOSITORY = Set.of("aws:ecr/repository:Repository");
    public static final Set<String> REPOSITORY_LIFECYCLE = Set.of("aws:ecr/lifecyclePolicy:LifecyclePolicy");
    public static final Set<String> ECS_CLUSTER = Set.of("aws:ecs/cluster:Cluster");
    public static final Set<String> ECS_SERVICE = Set.of("aws:ecs/service:Service");
    public static final Set<String> TASK_DEFINITION = Set.of("aws:ecs/taskDefinition:TaskDefinition");
    public static final Set<String> FUNCTION = Set.of("aws:lambda/function:Function");
    public static final Set<String> TRAIL = Set.of("aws:cloudtrail/trail:Trail");
    public static final Set<String> CONFIG_RECORDER = Set.of("aws:cfg/recorder:Recorder");
    public static final Set<String> CONFIG_DELIVERY_CHANNEL = Set.of("aws:cfg/deliveryChannel:DeliveryChannel");
    public static final Set<String> CONFIG_RECORDER_STATUS = Set.of("aws:cfg/recorderStatus:RecorderStatus");
    public static final Set<String> STANDARDS_SUBSCRIPTION =
            Set.of("aws:securityhub/standardsSubscription:StandardsSubscription");

    public static final Set<String> ROLE = Set.of("aws:iam/role:Role");
    public static final Set<String> ROLE_POLICY = Set.of("aws:iam/rolePolicy:RolePolicy");
    public static final Set<String> MANAGED_POLICY = Set.of("aws:iam/policy:Policy");
    public static final Set<String> USER_OR_GROUP_POLICY = Set.of("aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy");
    public static final Set<String> POLICY_ATTACHMENT = Set.of("aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "aws:iam/userPolicyAttachment:UserPolicyAttachment", "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
            "aws:iam/policyAttachment:PolicyAttachment");

    private Types() {
    }

    /** The union of several families, for policies that cover more than one kind of resource. */
    @SafeVarargs
    public static Set<String> union(Set<String>... families) {
        return Stream.of(families).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }

    public static boolean is(ResourceView resource, Set<String> family) {
        return family.contains(resource.type());
    }

    /** ELBv2 resources under the current module and both alias modules the provider registers. */
    private static Set<String> elb(String member) {
        return Set.of("aws:lb/" + member, "aws:alb/" + member, "aws:elasticloadbalancingv2/" + member,
                "aws:applicationloadbalancing/" + member);
    }

    private static String upper(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** An S3 split resource under its 6.x {@code V2} token and its 7.x token. */
    private static Set<String> s3Split(String member) {
        return Set.of("aws:s3/" + member + "V2:" + upper(member) + "V2", "aws:s3/" + member + ":" + upper(member));
    }
}
