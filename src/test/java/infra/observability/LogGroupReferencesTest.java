package infra.observability;

import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.inputs.FunctionLoggingConfigArgs;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.pulumi.aws.wafv2.WebAclLoggingConfigurationArgs;
import com.pulumi.core.Output;
import infra.config.Settings;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogGroupReferencesTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/order-producer";

    static String containers(String group) {
        return "[{\"name\":\"backend\",\"image\":\"backend:1\",\"logConfiguration\":{\"logDriver\":\"awslogs\","
                + "\"options\":{\"awslogs-group\":\"" + group + "\",\"awslogs-region\":\"us-east-1\"}}}]";
    }

    /** Every kind of log writer, wired to the declared groups as the other components are asked to. */
    static RenderedStack wiredStack(boolean lambdaUsesItsGroup, String backendGroupOverride) {
        Settings settings = Stacks.settings("prod");
        return Stacks.render(settings, ctx -> {
            LogGroups logs = new LogGroups("logs", new LogGroupsArgs(settings, Output.of(Fakes.LOGS_KEY)), null);
            for (String service : LogGroups.ECS_SERVICES) {
                Output<String> group = service.equals("backend") && backendGroupOverride != null
                        ? Output.of(backendGroupOverride) : logs.ecs(service).name();
                new TaskDefinition(service + "-task", TaskDefinitionArgs.builder().family(service)
                        .containerDefinitions(group.applyValue(LogGroupReferencesTest::containers)).build());
            }
            FunctionArgs.Builder fn = FunctionArgs.builder().name("order-producer-prod").role(ROLE).runtime("java17")
                    .handler("producer.Handler");
            if (lambdaUsesItsGroup) {
                fn.loggingConfig(FunctionLoggingConfigArgs.builder().logFormat("JSON").logGroup(logs.producer().name()).build());
            }
            new Function("producer", fn.build());
            new FlowLog("flow", FlowLogArgs.builder().vpcId("vpc-0abc").trafficType("REJECT")
                    .logDestinationType("cloud-watch-logs").logDestination(logs.flowLogs().arn()).build());
            new Cluster("aurora", ClusterArgs.builder().clusterIdentifier(LogGroupNames.auroraClusterIdentifier(
                    settings.environment())).engine("aurora-postgresql").enabledCloudwatchLogsExports("postgresql").build());
            new WebAclLoggingConfiguration("waf-logging", WebAclLoggingConfigurationArgs.builder()
                    .resourceArn("arn:aws:wafv2:us-east-1:123456789012:regional/webacl/orders/abc")
                    .logDestinationConfigs(Output.all(logs.waf().orElseThrow().arn())).build());
            new Trail("trail", TrailArgs.builder().s3BucketName("order-processing-cloudtrail-123456789012")
                    .cloudWatchLogsGroupArn(logs.cloudTrail().orElseThrow().arn().applyValue(a -> a + ":*"))
                    .cloudWatchLogsRoleArn("arn:aws:iam::123456789012:role/trail-logs").build());
        });
    }

    @Test
    void findsEveryWriterAndAllAreDeclaredWhenWiredToLogGroups() {
        RenderedStack stack = wiredStack(true, null);

        assertEquals(List.of(
                "aws:cloudtrail/trail:Trail 'trail' writes to /aws/cloudtrail/prod",
                "aws:ec2/flowLog:FlowLog 'flow' writes to /aws/vpc/flowlogs/prod",
                "aws:ecs/taskDefinition:TaskDefinition 'backend-task' writes to /aws/ecs/prod/backend",
                "aws:ecs/taskDefinition:TaskDefinition 'frontend-task' writes to /aws/ecs/prod/frontend",
                "aws:lambda/function:Function 'producer' writes to /aws/lambda/prod/order-producer",
                "aws:rds/cluster:Cluster 'aurora' writes to /aws/rds/cluster/prod-auroracluster/postgresql",
                "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration 'waf-logging' writes to aws-waf-logs-prod"),
                LogGroupReferences.referenced(stack).stream().map(Object::toString).collect(Collectors.toList()));
        assertEquals(List.of(), LogGroupReferences.undeclared(stack));
    }

    @Test
    void reportsAnImplicitLambdaGroupAndAStrayContainerGroup() {
        RenderedStack stack = wiredStack(false, "/ecs/backend");

        assertEquals(List.of(
                "aws:ecs/taskDefinition:TaskDefinition 'backend-task' writes to /ecs/backend",
                "aws:lambda/function:Function 'producer' writes to /aws/lambda/order-producer-prod"),
                LogGroupReferences.undeclared(stack).stream().map(Object::toString).collect(Collectors.toList()));
    }

    @Test
    void readsGroupNamesFromArnsWithOrWithoutTheStreamWildcard() {
        assertEquals("/aws/cloudtrail/prod", LogGroupReferences.nameFromArn("arn:aws:logs:us-east-1:123456789012:log-group:/aws/cloudtrail/prod:*"));
        assertEquals("aws-waf-logs-dev", LogGroupReferences.nameFromArn("arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-dev"));
    }
}
