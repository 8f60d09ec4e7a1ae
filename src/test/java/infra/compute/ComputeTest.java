package infra.compute;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import infra.config.InvalidConfigException;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static infra.compute.ComputeFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComputeTest {
    static final String REPO = "aws:ecr/repository:Repository";
    static final String ALB = "aws:lb/loadBalancer:LoadBalancer";
    static final String TG = "aws:lb/targetGroup:TargetGroup";
    static final String LISTENER = "aws:lb/listener:Listener";
    static final String TASK = "aws:ecs/taskDefinition:TaskDefinition";
    static final String SERVICE = "aws:ecs/service:Service";
    static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    static final String SCALING_TARGET = "aws:appautoscaling/target:Target";
    static final String SCALING_POLICY = "aws:appautoscaling/policy:Policy";

    static RenderedStack dev;
    static RenderedStack prod;

    @BeforeAll
    static void renderBothEnvironments() {
        dev = render("dev", Map.of());
        prod = render("prod", Map.of());
    }

    @Test
    void ecrRepositoriesScanOnPushAreImmutableKmsEncryptedAndExpireImages() {
        for (String service : List.of("backend", "frontend")) {
            CapturedResource repo = dev.get(REPO, "compute-registry-" + service);
            assertEquals("order-processing/dev/" + service, repo.input("name").orElseThrow());
            assertEquals("IMMUTABLE", repo.input("imageTagMutability").orElseThrow());
            assertEquals(true, repo.input("imageScanningConfiguration.scanOnPush").orElseThrow());
            assertEquals("KMS", repo.input("encryptionConfigurations.0.encryptionType").orElseThrow());
            assertEquals(DATA_KEY_ARN, repo.input("encryptionConfigurations.0.kmsKey").orElseThrow());
            CapturedResource lifecycle = dev.get("aws:ecr/lifecyclePolicy:LifecyclePolicy", "compute-registry-" + service + "-lifecycle");
            assertEquals("order-processing/dev/" + service, lifecycle.input("repository").orElseThrow());
        }
        JsonArray devRules = json(dev.get("aws:ecr/lifecyclePolicy:LifecyclePolicy", "compute-registry-backend-lifecycle"), "policy")
                .getAsJsonArray("rules");
        assertEquals(parse("{\"rulePriority\":1,\"description\":\"Expire untagged images after 7 days\",\"selection\":"
                + "{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":7},"
                + "\"action\":{\"type\":\"expire\"}}"), devRules.get(0));
        assertEquals(parse("{\"rulePriority\":2,\"description\":\"Keep only the newest 10 images\",\"selection\":"
                + "{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":10},"
                + "\"action\":{\"type\":\"expire\"}}"), devRules.get(1));
        JsonArray prodRules = json(prod.get("aws:ecr/lifecyclePolicy:LifecyclePolicy", "compute-registry-backend-lifecycle"), "policy")
                .getAsJsonArray("rules");
        assertEquals(30, prodRules.get(1).getAsJsonObject().getAsJsonObject("selection").get("countNumber").getAsInt());
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/order-processing/dev/backend",
                dev.get(REPO, "compute-registry-backend").outputMap().get("repositoryUrl"));
    }

    @Test
    void clusterHasContainerInsightsAndFargateCapacityProviders() {
        CapturedResource cluster = dev.get("aws:ecs/cluster:Cluster", "compute-cluster");
        assertEquals("order-processing-dev", cluster.input("name").orElseThrow());
        assertEquals(List.of(Map.of("name", "containerInsights", "value", "enabled")), cluster.input("settings").orElseThrow());
        CapturedResource capacity = dev.get("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "compute-cluster-capacity");
        assertEquals("order-processing-dev", capacity.input("clusterName").orElseThrow());
        assertEquals(List.of("FARGATE", "FARGATE_SPOT"), capacity.input("capacityProviders").orElseThrow());
        assertEquals("FARGATE", capacity.input("defaultCapacityProviderStrategies.0.capacityProvider").orElseThrow());
        assertEquals("arn:aws:ecs:us-east-1:123456789012:cluster/order-processing-prod",
                prod.get("aws:ecs/cluster:Cluster", "compute-cluster").outputMap().get("arn"));
    }

    @Test
    void loadBalancerIsHardenedLogsToTheBucketAfterItsPolicyAndIsProtectedInProd() {
        CapturedResource alb = dev.get(ALB, "compute-alb");
        assertEquals("application", alb.input("loadBalancerType").orElseThrow());
        assertEquals(false, alb.input("internal").orElseThrow());
        assertEquals(PUBLIC_SUBNETS, alb.input("subnets").orElseThrow());
        assertEquals(List.of(ALB_SG), alb.input("securityGroups").orElseThrow());
        assertEquals(true, alb.input("dropInvalidHeaderFields").orElseThrow());
        assertEquals("defensive", alb.input("desyncMitigationMode").orElseThrow());
        assertEquals(false, alb.input("enableDeletionProtection").orElseThrow());
        assertEquals(true, prod.get(ALB, "compute-alb").input("enableDeletionProtection").orElseThrow());
        assertEquals(Map.of("enabled", true, "bucket", "order-processing-alb-logs-dev-123456789012", "prefix", "alb"),
                alb.input("accessLogs").orElseThrow());
        assertTrue(alb.dependencies().contains(urnOf(dev, "aws:s3/bucketPolicy:BucketPolicy", "compute-alb-logs-policy")),
                alb.dependencies().toString());
        Map<String, Object> out = alb.outputMap();
        String suffix = (String) out.get("arnSuffix");
        assertTrue(Pattern.matches("app/compute-alb-[0-9a-f]{7}/[0-9a-f]{16}", suffix), suffix);
        assertEquals("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/" + suffix, out.get("arn"));
        assertTrue(Pattern.matches("compute-alb-[0-9a-f]{7}-\\d+\\.us-east-1\\.elb\\.amazonaws\\.com", (String) out.get("dnsName")));
    }

    @Test
    void accessLogBucketIsSseS3PrivateOwnerEnforcedAndExpiresAfterThirtyDays() {
        CapturedResource bucket = dev.get("aws:s3/bucketV2:BucketV2", "compute-alb-logs");
        assertEquals("order-processing-alb-logs-dev-123456789012", bucket.input("bucket").orElseThrow());
        assertEquals("AES256", dev.get("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "compute-alb-logs-encryption").input("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm").orElseThrow());
        CapturedResource block = dev.get("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "compute-alb-logs-public-access");
        for (String flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertEquals(true, block.input(flag).orElseThrow(), flag);
        }
        assertEquals("BucketOwnerEnforced", dev.get("aws:s3/bucketOwnershipControls:BucketOwnershipControls",
                "compute-alb-logs-ownership").input("rule.objectOwnership").orElseThrow());
        CapturedResource lifecycle = dev.get("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "compute-alb-logs-lifecycle");
        assertEquals(30.0, lifecycle.input("rules.0.expiration.days").orElseThrow());
        assertEquals("Enabled", lifecycle.input("rules.0.status").orElseThrow());
        assertEquals("order-processing-alb-logs-prod-123456789012",
                prod.get("aws:s3/bucketV2:BucketV2", "compute-alb-logs").input("bucket").orElseThrow());
    }

    @Test
    void bucketPolicyNamesTheRegionalElbAccountInAnOlderRegion() {
        RenderedStack ireland = render("dev", Map.of("aws:region", "eu-west-1"));
        JsonArray statements = json(ireland.single("aws:s3/bucketPolicy:BucketPolicy"), "policy").getAsJsonArray("Statement");
        String bucketArn = "arn:aws:s3:::order-processing-alb-logs-dev-123456789012";
        assertEquals(parse("{\"Sid\":\"AllowLoadBalancerLogDelivery\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::156460612806:root\"},\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"" + bucketArn + "/alb/AWSLogs/123456789012/*\"}"), statements.get(0));
        assertEquals(parse("{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":[\"" + bucketArn + "\",\"" + bucketArn + "/*\"],"
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}"), statements.get(1));
        assertEquals(2, statements.size());
    }

    @Test
    void bucketPolicyUsesTheLogDeliveryServicePrincipalInANewerRegion() {
        RenderedStack hyderabad = render("dev", Map.of("aws:region", "ap-south-2"));
        JsonObject allow = json(hyderabad.single("aws:s3/bucketPolicy:BucketPolicy"), "policy")
                .getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertEquals(parse("{\"Service\":\"logdelivery.elasticloadbalancing.amazonaws.com\"}"), allow.get("Principal"));
        assertEquals("arn:aws:s3:::order-processing-alb-logs-dev-123456789012/alb/AWSLogs/123456789012/*",
                allow.get("Resource").getAsString());
    }

    @Test
    void httpForwardsAndApiPathsRouteToTheBackendWithoutACertificate() {
        assertEquals(1, dev.ofType(LISTENER).size());
        CapturedResource http = dev.get(LISTENER, "compute-alb-http");
        assertEquals(80.0, http.input("port").orElseThrow());
        assertEquals("HTTP", http.input("protocol").orElseThrow());
        assertEquals("forward", http.input("defaultActions.0.type").orElseThrow());
        assertEquals(dev.get(TG, "compute-alb-frontend").outputMap().get("arn"), http.input("defaultActions.0.targetGroupArn").orElseThrow());
        CapturedResource rule = dev.get("aws:lb/listenerRule:ListenerRule", "compute-alb-api");
        assertEquals(http.outputMap().get("arn"), rule.input("listenerArn").orElseThrow());
        assertEquals(List.of("/api/*"), rule.input("conditions.0.pathPattern.values").orElseThrow());
        assertEquals(dev.get(TG, "compute-alb-backend").outputMap().get("arn"), rule.input("actions.0.targetGroupArn").orElseThrow());
    }

    @Test
    void withACertificateHttpsServesWithTls13AndHttpOnlyRedirects() {
        String cert = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";
        RenderedStack https = render("prod", Map.of("httpsEnabled", "true", "certificateArn", cert));
        CapturedResource tls = https.get(LISTENER, "compute-alb-https");
        assertEquals(443.0, tls.input("port").orElseThrow());
        assertEquals("HTTPS", tls.input("protocol").orElseThrow());
        assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", tls.input("sslPolicy").orElseThrow());
        assertEquals(cert, tls.input("certificateArn").orElseThrow());
        CapturedResource http = https.get(LISTENER, "compute-alb-http");
        assertEquals(Map.of("type", "redirect", "redirect", Map.of("protocol", "HTTPS", "port", "443", "statusCode", "HTTP_301")),
                http.input("defaultActions.0").orElseThrow());
        assertEquals(tls.outputMap().get("arn"), https.get("aws:lb/listenerRule:ListenerRule", "compute-alb-api").input("listenerArn").orElseThrow());
    }

    @Test
    void targetGroupsAreIpTypedWithHealthChecksAndDeregistrationDelay() {
        CapturedResource backend = dev.get(TG, "compute-alb-backend");
        assertEquals("ip", backend.input("targetType").orElseThrow());
        assertEquals(3000.0, backend.input("port").orElseThrow());
        assertEquals("vpc-0123456789abcdef0", backend.input("vpcId").orElseThrow());
        assertEquals(30.0, backend.input("deregistrationDelay").orElseThrow());
        assertEquals(Map.of("enabled", true, "protocol", "HTTP", "path", "/health", "port", "traffic-port", "matcher", "200",
                "interval", 30.0, "timeout", 5.0, "healthyThreshold", 2.0, "unhealthyThreshold", 3.0),
                backend.input("healthCheck").orElseThrow());
        CapturedResource frontend = dev.get(TG, "compute-alb-frontend");
        assertEquals(80.0, frontend.input("port").orElseThrow());
        assertEquals("/", frontend.input("healthCheck.path").orElseThrow());
        String suffix = (String) frontend.outputMap().get("arnSuffix");
        assertTrue(Pattern.matches("targetgroup/compute-alb-frontend-[0-9a-f]{7}/[0-9a-f]{16}", suffix), suffix);
    }

    @Test
    void backendTaskRunsHardenedWithLogsEnvironmentSecretsAndXraySidecar() {
        CapturedResource task = dev.get(TASK, "compute-backend-task");
        assertEquals("order-processor-backend-dev", task.input("family").orElseThrow());
        assertEquals("awsvpc", task.input("networkMode").orElseThrow());
        assertEquals(List.of("FARGATE"), task.input("requiresCompatibilities").orElseThrow());
        assertEquals("256", task.input("cpu").orElseThrow());
        assertEquals("512", task.input("memory").orElseThrow());
        assertEquals(List.of(Map.of("name", "tmp")), task.input("volumes").orElseThrow());
        JsonArray containers = jsonArray(task, "containerDefinitions");
        assertEquals(2, containers.size());
        JsonObject app = containers.get(0).getAsJsonObject();
        assertEquals("backend", app.get("name").getAsString());
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/order-processing/dev/backend:v1", app.get("image").getAsString());
        assertFalse(app.get("privileged").getAsBoolean());
        assertTrue(app.get("readonlyRootFilesystem").getAsBoolean());
        assertEquals(parse("[{\"containerPort\":3000,\"protocol\":\"tcp\"}]"), app.get("portMappings"));
        assertEquals(parse("[{\"sourceVolume\":\"tmp\",\"containerPath\":\"/tmp\",\"readOnly\":false}]"), app.get("mountPoints"));
        assertEquals(parse("{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/aws/ecs/dev/backend\","
                + "\"awslogs-region\":\"us-east-1\",\"awslogs-stream-prefix\":\"backend\"}}"), app.get("logConfiguration"));
        assertEquals(parse("{\"command\":[\"CMD-SHELL\",\"wget -q -O /dev/null http://localhost:3000/health || exit 1\"],"
                + "\"interval\":30,\"timeout\":5,\"retries\":3,\"startPeriod\":60}"), app.get("healthCheck"));
        assertEquals(parse("[{\"name\":\"AWS_REGION\",\"value\":\"us-east-1\"},{\"name\":\"QUEUE_URL\",\"value\":\"" + QUEUE_URL + "\"},"
                + "{\"name\":\"DB_HOST\",\"value\":\"" + DB_ENDPOINT + "\"},{\"name\":\"DB_PORT\",\"value\":\"5432\"},"
                + "{\"name\":\"AWS_XRAY_DAEMON_ADDRESS\",\"value\":\"localhost:2000\"}]"), app.get("environment"));
        assertEquals(parse("[{\"name\":\"DB_USERNAME\",\"valueFrom\":\"" + DB_SECRET_ARN + ":username::\"},"
                + "{\"name\":\"DB_PASSWORD\",\"valueFrom\":\"" + DB_SECRET_ARN + ":password::\"}]"), app.get("secrets"));
        JsonObject xray = containers.get(1).getAsJsonObject();
        assertEquals("xray-daemon", xray.get("name").getAsString());
        assertFalse(xray.get("essential").getAsBoolean());
        assertFalse(xray.get("privileged").getAsBoolean());
        assertEquals(parse("[{\"containerPort\":2000,\"protocol\":\"udp\"}]"), xray.get("portMappings"));
        List<String> logGroupUrns = List.of(urnOf(dev, "aws:cloudwatch/logGroup:LogGroup", "ecs-backend-logs"),
                urnOf(dev, "aws:cloudwatch/logGroup:LogGroup", "ecs-frontend-logs"));
        assertTrue(task.dependencies().containsAll(logGroupUrns), task.dependencies().toString());
    }

    @Test
    void withoutXrayThereIsNoSidecarAndNoTracePermission() {
        RenderedStack plain = render("dev", Map.of("xrayEnabled", "false"));
        JsonArray containers = jsonArray(plain.get(TASK, "compute-backend-task"), "containerDefinitions");
        assertEquals(1, containers.size());
        assertFalse(containers.get(0).getAsJsonObject().get("environment").toString().contains("XRAY"));
        assertEquals(5, json(plain.get(ROLE_POLICY, "compute-backend-task-policy"), "policy").getAsJsonArray("Statement").size());
    }

    @Test
    void frontendTaskServesPortEightyWithItsOwnLogGroup() {
        CapturedResource task = prod.get(TASK, "compute-frontend-task");
        assertEquals("order-processor-frontend-prod", task.input("family").orElseThrow());
        JsonArray containers = jsonArray(task, "containerDefinitions");
        assertEquals(1, containers.size());
        JsonObject app = containers.get(0).getAsJsonObject();
        assertEquals(parse("[{\"containerPort\":80,\"protocol\":\"tcp\"}]"), app.get("portMappings"));
        assertEquals("/aws/ecs/prod/frontend", app.getAsJsonObject("logConfiguration").getAsJsonObject("options")
                .get("awslogs-group").getAsString());
        assertFalse(app.get("privileged").getAsBoolean());
        assertFalse(app.get("readonlyRootFilesystem").getAsBoolean());
        assertEquals(new JsonArray(), app.get("secrets"));
        assertEquals(new JsonArray(), app.get("environment"));
    }

    @Test
    void backendTaskRoleHasExactlyThePlansStatementsPlusScopedKmsAndTraces() {
        JsonArray statements = json(dev.get(ROLE_POLICY, "compute-backend-task-policy"), "policy").getAsJsonArray("Statement");
        // plan, IAM Least Privilege, "Backend Task Role Permissions" (with this stack's ARNs and Sids added)
        assertEquals(parse("{\"Sid\":\"ConsumeOrders\",\"Effect\":\"Allow\",\"Action\":[\"sqs:ReceiveMessage\","
                + "\"sqs:DeleteMessage\",\"sqs:GetQueueAttributes\"],\"Resource\":\"" + QUEUE_ARN + "\"}"), statements.get(0));
        assertEquals(parse("{\"Sid\":\"PublishOrders\",\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\""
                + QUEUE_ARN + "\"}"), statements.get(1));
        assertEquals(parse("{\"Sid\":\"ReadDatabaseSecret\",\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\","
                + "\"Resource\":\"" + DB_SECRET_ARN + "\"}"), statements.get(2));
        assertEquals(parse("{\"Sid\":\"UseQueueKeyThroughSqs\",\"Effect\":\"Allow\",\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey\"],"
                + "\"Resource\":\"" + MESSAGING_KEY_ARN + "\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"sqs.us-east-1.amazonaws.com\"}}}"),
                statements.get(3));
        assertEquals(parse("{\"Sid\":\"DecryptSecretThroughSecretsManager\",\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\","
                + "\"Resource\":\"" + DATA_KEY_ARN + "\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":"
                + "\"secretsmanager.us-east-1.amazonaws.com\"}}}"), statements.get(4));
        assertEquals(parse("{\"Sid\":\"UploadTraces\",\"Effect\":\"Allow\",\"Action\":[\"xray:PutTraceSegments\",\"xray:PutTelemetryRecords\","
                + "\"xray:GetSamplingRules\",\"xray:GetSamplingTargets\",\"xray:GetSamplingStatisticSummaries\"],\"Resource\":\"*\"}"),
                statements.get(5));
        assertEquals(6, statements.size());
        CapturedResource taskRole = dev.get("aws:iam/role:Role", "compute-backend-task-role");
        assertEquals(taskRole.outputMap().get("name"), dev.get(ROLE_POLICY, "compute-backend-task-policy").input("role").orElseThrow());
        assertEquals(taskRole.outputMap().get("arn"), dev.get(TASK, "compute-backend-task").input("taskRoleArn").orElseThrow());
    }

    @Test
    void frontendTaskRoleMayDoNothing() {
        assertTrue(dev.find(ROLE_POLICY, "compute-frontend-task-policy").isEmpty());
        String roleName = (String) dev.get("aws:iam/role:Role", "compute-frontend-task-role").outputMap().get("name");
        assertTrue(dev.ofType(ROLE_POLICY).stream().noneMatch(p -> roleName.equals(p.input("role").orElse(null))));
        assertEquals(List.of(), dev.get("aws:iam/role:Role", "compute-frontend-task-role").input("managedPolicyArns").orElse(List.of()));
    }

    @Test
    void rolesAreAssumableOnlyByEcsTasksOfThisAccount() {
        JsonObject trust = json(dev.get("aws:iam/role:Role", "compute-backend-execution-role"), "assumeRolePolicy");
        assertEquals(parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":"
                + "\"123456789012\"},\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:ecs:us-east-1:123456789012:*\"}}}]}"), trust);
    }

    @Test
    void executionRolesPullTheirRepositoryWriteEnvironmentLogsAndReadOnlyInjectedSecrets() {
        String backendRepoArn = "arn:aws:ecr:us-east-1:123456789012:repository/order-processing/dev/backend";
        String logs = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/ecs/dev/*";
        JsonArray backend = json(dev.get(ROLE_POLICY, "compute-backend-execution-policy"), "policy").getAsJsonArray("Statement");
        // plan, IAM Least Privilege, "Execution Role Permissions", with the image actions scoped to the repository
        assertEquals(parse("{\"Sid\":\"GetEcrToken\",\"Effect\":\"Allow\",\"Action\":\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"}"),
                backend.get(0));
        assertEquals(parse("{\"Sid\":\"PullServiceImages\",\"Effect\":\"Allow\",\"Action\":[\"ecr:BatchCheckLayerAvailability\","
                + "\"ecr:GetDownloadUrlForLayer\",\"ecr:BatchGetImage\"],\"Resource\":\"" + backendRepoArn + "\"}"), backend.get(1));
        assertEquals(parse("{\"Sid\":\"WriteContainerLogs\",\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogStream\","
                + "\"logs:PutLogEvents\"],\"Resource\":\"" + logs + "\"}"), backend.get(2));
        assertEquals(parse("{\"Sid\":\"ReadInjectedSecrets\",\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\","
                + "\"Resource\":\"" + DB_SECRET_ARN + "\"}"), backend.get(3));
        assertEquals(parse("{\"Sid\":\"DecryptInjectedSecrets\",\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\""
                + DATA_KEY_ARN + "\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"secretsmanager.us-east-1.amazonaws.com\"}}}"),
                backend.get(4));
        assertEquals(5, backend.size());

        JsonArray frontend = json(prod.get(ROLE_POLICY, "compute-frontend-execution-policy"), "policy").getAsJsonArray("Statement");
        assertEquals(3, frontend.size());
        assertEquals("arn:aws:ecr:us-east-1:123456789012:repository/order-processing/prod/frontend",
                frontend.get(1).getAsJsonObject().get("Resource").getAsString());
        assertEquals("arn:aws:logs:us-east-1:123456789012:log-group:/aws/ecs/prod/*",
                frontend.get(2).getAsJsonObject().get("Resource").getAsString());
    }

    @Test
    void noTaskGetsAPublicIpAndServicesRunInAppSubnetsAfterTheListeners() {
        for (RenderedStack stack : List.of(dev, prod)) {
            assertEquals(2, stack.ofType(SERVICE).size());
            for (CapturedResource service : stack.ofType(SERVICE)) {
                assertEquals(false, service.input("networkConfiguration.assignPublicIp").orElseThrow(), service.name());
                assertEquals(APP_SUBNETS, service.input("networkConfiguration.subnets").orElseThrow());
                assertTrue(service.dependencies().contains(urnOf(stack, LISTENER, "compute-alb-http")), service.name());
                assertTrue(service.dependencies().contains(urnOf(stack, "aws:lb/listenerRule:ListenerRule", "compute-alb-api")));
            }
        }
    }

    @Test
    void servicesUseThePlansNamesGroupsCountsAndSafeDeployments() {
        CapturedResource backend = dev.get(SERVICE, "compute-backend");
        assertEquals("order-processor-backend", backend.input("name").orElseThrow());
        assertEquals("arn:aws:ecs:us-east-1:123456789012:cluster/order-processing-dev", backend.input("cluster").orElseThrow());
        assertEquals(List.of(BACKEND_SG), backend.input("networkConfiguration.securityGroups").orElseThrow());
        assertEquals(2.0, backend.input("desiredCount").orElseThrow());
        assertEquals(Map.of("enable", true, "rollback", true), backend.input("deploymentCircuitBreaker").orElseThrow());
        assertEquals(60.0, backend.input("healthCheckGracePeriodSeconds").orElseThrow());
        assertEquals(true, backend.input("enableEcsManagedTags").orElseThrow());
        assertEquals("SERVICE", backend.input("propagateTags").orElseThrow());
        assertEquals(Map.of("containerName", "backend", "containerPort", 3000.0,
                "targetGroupArn", dev.get(TG, "compute-alb-backend").outputMap().get("arn")), backend.input("loadBalancers.0").orElseThrow());
        assertEquals("arn:aws:ecs:us-east-1:123456789012:task-definition/order-processor-backend-dev:1",
                backend.input("taskDefinition").orElseThrow());
        assertEquals(List.of("desiredCount"), backend.ignoreChanges());
        CapturedResource frontend = prod.get(SERVICE, "compute-frontend");
        assertEquals("order-processor-frontend", frontend.input("name").orElseThrow());
        assertEquals(List.of(FRONTEND_SG), frontend.input("networkConfiguration.securityGroups").orElseThrow());
        assertEquals(2.0, frontend.input("desiredCount").orElseThrow());
    }

    @Test
    void autoscalingTracksCpuEightyAndMemoryEightyFivePercentWithinEnvironmentBounds() {
        CapturedResource devTarget = dev.get(SCALING_TARGET, "compute-backend-scaling");
        assertEquals("service/order-processing-dev/order-processor-backend", devTarget.input("resourceId").orElseThrow());
        assertEquals("ecs:service:DesiredCount", devTarget.input("scalableDimension").orElseThrow());
        assertEquals(2.0, devTarget.input("minCapacity").orElseThrow());
        assertEquals(4.0, devTarget.input("maxCapacity").orElseThrow());
        assertEquals(10.0, prod.get(SCALING_TARGET, "compute-frontend-scaling").input("maxCapacity").orElseThrow());
        CapturedResource cpu = dev.get(SCALING_POLICY, "compute-backend-cpu-scaling");
        assertEquals("TargetTrackingScaling", cpu.input("policyType").orElseThrow());
        assertEquals("service/order-processing-dev/order-processor-backend", cpu.input("resourceId").orElseThrow());
        assertEquals(Map.of("predefinedMetricSpecification", Map.of("predefinedMetricType", "ECSServiceAverageCPUUtilization"),
                "targetValue", 80.0, "scaleOutCooldown", 60.0, "scaleInCooldown", 300.0),
                cpu.input("targetTrackingScalingPolicyConfiguration").orElseThrow());
        CapturedResource memory = prod.get(SCALING_POLICY, "compute-frontend-memory-scaling");
        assertEquals("ECSServiceAverageMemoryUtilization",
                memory.input("targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType").orElseThrow());
        assertEquals(85.0, memory.input("targetTrackingScalingPolicyConfiguration.targetValue").orElseThrow());
    }

    @Test
    void everyTaggableResourceCarriesEnvironmentAndProjectTags() {
        for (CapturedResource r : prod.resources()) {
            if (r.custom() && r.inputMap().containsKey("tags")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> tags = (Map<String, Object>) r.inputMap().get("tags");
                assertEquals("prod", tags.get("Environment"), r.urn());
                assertEquals("order-processing", tags.get("Project"), r.urn());
            }
        }
        assertTrue(prod.ofType(SERVICE).stream().allMatch(s -> s.inputMap().containsKey("tags")));
    }

    @Test
    void invalidCpuMemoryPairIsRejectedListingTheValidSizes() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Stacks.settings("dev", Map.of("backendCpu", "512", "backendMemoryMiB", "512")));
        assertEquals(1, e.problems().size());
        assertEquals("order-processing:backendMemoryMiB = '512': 512 MiB is not a valid Fargate memory size for 512 CPU units; "
                + "valid memory sizes (MiB) for 512 CPU units are 1024, 2048, 3072, 4096. "
                + "Fix: " + e.problems().get(0).fixCommand(), e.problems().get(0).message());
        assertTrue(e.problems().get(0).fixCommand().contains("backendMemoryMiB 1024"), e.problems().get(0).fixCommand());
    }
}
