package infra.plan.mocks;

import infra.plan.MockOutputs;
import infra.plan.MockOutputs.Rule;

import java.util.Map;

/** Mocked computed outputs for the order-producer Lambda (its schedule rule, queues and role use the Security, Data and Compute rules). */
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
    }
}
