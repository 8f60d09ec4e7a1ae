package infra.plan.mocks;

import infra.plan.MockOutputs.Rule;

import java.util.Map;

/** Mocked computed outputs for KMS keys, Aurora, Secrets Manager, SQS (issue 4). */
public final class DataOutputs {
    private DataOutputs() {
    }

    public static void register(Map<String, Rule> rules) {
    }
}
