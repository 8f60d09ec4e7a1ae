package infra.plan.mocks;

import infra.plan.MockOutputs;
import infra.plan.MockOutputs.Rule;

import java.util.Map;

/** Mocked computed outputs for the order-producer Lambda and its schedule (issue 6). */
public final class ProducerOutputs {
    private ProducerOutputs() {
    }

    public static void register(Map<String, Rule> rules) {
        rules.put("aws:lambda/function:Function", (name, in, out, env) -> {
            String physical = MockOutputs.physicalName("aws:lambda/function:Function", name, in);
            String arn = env.arn("lambda", "function:" + physical);
            out.put("name", physical);
            out.put("arn", arn);
            out.put("qualifiedArn", arn + ":$LATEST");
            out.put("invokeArn", "arn:" + env.partition() + ":apigateway:" + env.region()
                    + ":lambda:path/2015-03-31/functions/" + arn + "/invocations");
            out.put("version", "$LATEST");
            return physical;
        });
        rules.put("aws:cloudwatch/eventRule:EventRule", (name, in, out, env) -> {
            String physical = MockOutputs.physicalName("aws:cloudwatch/eventRule:EventRule", name, in);
            out.put("name", physical);
            out.put("arn", env.arn("events", "rule/" + physical));
            return physical;
        });
        // shared types: another domain's rule, registered first, wins
        rules.putIfAbsent("aws:sqs/queue:Queue", (name, in, out, env) -> {
            String physical = MockOutputs.physicalName("aws:sqs/queue:Queue", name, in);
            String url = "https://sqs." + env.region() + ".amazonaws.com/" + env.account() + "/" + physical;
            out.put("name", physical);
            out.put("arn", env.arn("sqs", physical));
            out.put("url", url);
            return url;
        });
        rules.putIfAbsent("aws:iam/role:Role", (name, in, out, env) -> {
            String physical = MockOutputs.physicalName("aws:iam/role:Role", name, in);
            out.put("name", physical);
            out.put("arn", env.globalArn("iam", "role/" + physical));
            out.put("uniqueId", MockOutputs.hexId("AROA", physical).replace("-", "").toUpperCase(java.util.Locale.ROOT));
            return physical;
        });
    }
}
