package infra.plan.mocks;

import infra.plan.MockOutputs.Rule;

import java.util.Map;

/** Mocked computed outputs for VPC, subnets, gateways, routes, NACLs, security groups, flow logs, endpoints (issue 3). */
public final class NetworkOutputs {
    private NetworkOutputs() {
    }

    public static void register(Map<String, Rule> rules) {
    }
}
