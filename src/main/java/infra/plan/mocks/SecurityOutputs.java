package infra.plan.mocks;

import infra.plan.MockOutputs.Rule;

import java.util.Map;

/** Mocked computed outputs for GuardDuty, Security Hub, Inspector, CloudTrail, Config, WAF, S3 audit buckets (issue 8). */
public final class SecurityOutputs {
    private SecurityOutputs() {
    }

    public static void register(Map<String, Rule> rules) {
    }
}
