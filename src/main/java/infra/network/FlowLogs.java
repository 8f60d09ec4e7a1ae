package infra.network;

import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import infra.config.Settings;
import infra.security.iam.PolicyDocument;
import infra.security.iam.PolicyDocument.Statement;

/**
 * The VPC flow log to CloudWatch Logs (plan: "VPC Flow Logs"), delivered by a role that may write
 * only to the given log group and that only the flow-logs service of this account can assume.
 */
final class FlowLogs {
    /** The plan's record format ("VPC Flow Logs", "Format"), field for field. */
    static final String LOG_FORMAT = "${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} "
            + "${start} ${end} ${action} ${log-status}";
    /** One minute instead of the default ten: the plan delivers to CloudWatch for "real-time analysis". */
    static final int MAX_AGGREGATION_INTERVAL_SECONDS = 60;
    static final String SERVICE = "vpc-flow-logs.amazonaws.com";
    static final String DESTINATION_TYPE = "cloud-watch-logs";

    private FlowLogs() {
    }

    static FlowLog create(Resource parent, String name, Settings settings, Output<String> vpcId,
                          Output<String> logGroupArn, Resource logGroup) {
        Output<String> groupArn = logGroupArn.applyValue(FlowLogs::withoutWildcard);
        var role = new Role(name + "-flow-log-role", RoleArgs.builder()
                .description("Delivers the VPC flow log to its CloudWatch log group")
                .assumeRolePolicy(groupArn.applyValue(arn -> trustPolicy(arn, settings.region())))
                .tags(settings.tags("Name", name + "-flow-log-role"))
                .build(), CustomResourceOptions.builder().parent(parent).build());
        var policy = new RolePolicy(name + "-flow-log-write", RolePolicyArgs.builder()
                .role(role.id())
                .policy(groupArn.applyValue(FlowLogs::writePolicy))
                .build(), CustomResourceOptions.builder().parent(parent).build());

        return new FlowLog(name + "-flow-log", FlowLogArgs.builder()
                .vpcId(vpcId)
                .trafficType(settings.network().flowLogTraffic().name())
                .logDestinationType(DESTINATION_TYPE)
                .logDestination(groupArn)
                .iamRoleArn(role.arn())
                .logFormat(LOG_FORMAT)
                .maxAggregationInterval(MAX_AGGREGATION_INTERVAL_SECONDS)
                .tags(settings.tags("Name", name + "-flow-log"))
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(logGroup, policy).build());
    }

    /** Assumable only by flow logs of this account and region (confused-deputy guard). */
    static String trustPolicy(String logGroupArn, String region) {
        String[] arn = logGroupArn.split(":");
        String partition = arn[1];
        String account = arn[4];
        return PolicyDocument.of(Statement.allow()
                .service(SERVICE)
                .actions("sts:AssumeRole")
                .condition("StringEquals", "aws:SourceAccount", account)
                .condition("ArnLike", "aws:SourceArn", "arn:" + partition + ":ec2:" + region + ":" + account + ":vpc-flow-log/*"))
                .toJson();
    }

    /** Create streams in and write to this one log group, nothing else. */
    static String writePolicy(String logGroupArn) {
        return PolicyDocument.of(Statement.allow()
                .sid("WriteFlowLogGroupOnly")
                .actions("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams")
                .resources(logGroupArn, logGroupArn + ":log-stream:*"))
                .toJson();
    }

    /** Some tools report a log group ARN with a trailing {@code :*}; policies name the group itself. */
    private static String withoutWildcard(String arn) {
        return arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
    }
}
