package infra.compute;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.core.Output;
import infra.config.Settings;
import infra.observability.LogGroupNames;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders {@link Compute} under the mocks with upstream values faked in AWS's formats. */
final class ComputeFixture {
    static final String ACCOUNT = "123456789012";
    static final String QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/123456789012/orders-queue";
    static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:orders-queue";
    static final String DB_ENDPOINT = "dev-auroracluster.cluster-c1a2b3c4d5e6.us-east-1.rds.amazonaws.com";
    static final String DB_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-0a1b2c3d-AbCdEf";
    static final String DATA_KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
    static final String MESSAGING_KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/66666666-7777-8888-9999-000000000000";
    static final List<String> PUBLIC_SUBNETS = List.of("subnet-0a00000000000000a", "subnet-0b00000000000000b");
    static final List<String> APP_SUBNETS = List.of("subnet-0c00000000000000c", "subnet-0d00000000000000d");
    static final String ALB_SG = "sg-0a1a1a1a1a1a1a1a1";
    static final String BACKEND_SG = "sg-0b2b2b2b2b2b2b2b2";
    static final String FRONTEND_SG = "sg-0c3c3c3c3c3c3c3c3";

    private ComputeFixture() {
    }

    static RenderedStack render(String stack, Map<String, String> overrides) {
        Settings settings = Stacks.settings(stack, overrides);
        return Stacks.render(settings, ctx -> {
            List<com.pulumi.resources.Resource> logGroups = new ArrayList<>();
            for (String service : List.of("backend", "frontend")) {
                logGroups.add(new LogGroup("ecs-" + service + "-logs", LogGroupArgs.builder()
                        .name(LogGroupNames.ecs(settings.environment(), service)).build()));
            }
            new Compute("compute", new ComputeArgs(settings, Output.of("vpc-0123456789abcdef0"),
                    Output.of(PUBLIC_SUBNETS), Output.of(APP_SUBNETS), Output.of(ALB_SG), Output.of(BACKEND_SG),
                    Output.of(FRONTEND_SG), Output.of(QUEUE_URL), Output.of(QUEUE_ARN), Output.of(DB_ENDPOINT),
                    Output.of(5432), Output.of(DB_SECRET_ARN), Output.of(DATA_KEY_ARN), Output.of(MESSAGING_KEY_ARN),
                    Output.of(DATA_KEY_ARN), logGroups), null);
        });
    }

    static JsonObject json(CapturedResource r, String input) {
        return JsonParser.parseString((String) r.input(input).orElseThrow()).getAsJsonObject();
    }

    static JsonArray jsonArray(CapturedResource r, String input) {
        return JsonParser.parseString((String) r.input(input).orElseThrow()).getAsJsonArray();
    }

    static JsonElement parse(String text) {
        return JsonParser.parseString(text);
    }

    static String urnOf(RenderedStack stack, String type, String name) {
        return stack.get(type, name).urn();
    }
}
