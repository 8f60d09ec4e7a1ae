package infra.plan.mocks;

import infra.plan.MockOutputs.Rule;

import java.util.Map;

/** Mocked computed outputs for log groups, SNS, alarms, dashboard (issue 7). */
public final class ObservabilityOutputs {
    private ObservabilityOutputs() {
    }

    public static void register(Map<String, Rule> rules) {
    }
}
