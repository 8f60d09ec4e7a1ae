package infra.plan.mocks;

import infra.plan.MockOutputs.Rule;

import java.util.Map;

/** Mocked computed outputs for the order-producer Lambda and its schedule (issue 6). */
public final class ProducerOutputs {
    private ProducerOutputs() {
    }

    public static void register(Map<String, Rule> rules) {
    }
}
