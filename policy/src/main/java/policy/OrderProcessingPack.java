package policy;

import policy.sdk.EnforcementLevel;
import policy.sdk.Policy;
import policy.sdk.PolicyPack;

import java.util.List;

/**
 * The pack the launchers serve and the offline plan runs. The rules (issue 10) live in
 * {@code policy.rules.<concern>}, one per class, and are listed in {@link #rules()}; nothing else
 * needs to change to ship a new rule.
 */
public final class OrderProcessingPack {
    public static final String NAME = "order-processing-guardrails";
    public static final String VERSION = "1.0.0";

    private OrderProcessingPack() {
    }

    public static PolicyPack create() {
        return PolicyPack.builder(NAME)
                .version(VERSION)
                .displayName("Order processing guardrails")
                .description("Security, tagging and observability guardrails for the order-processing stack")
                .defaultLevel(EnforcementLevel.ADVISORY)
                .addAll(rules())
                .build();
    }

    /** Every rule of the pack, in evaluation order. */
    static List<Policy> rules() {
        return List.of(
                // issue 10: add policy.rules.<concern>.<Rule> instances here
        );
    }
}
