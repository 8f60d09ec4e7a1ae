package infra.plan.mocks;

import infra.plan.MockOutputs.Rule;

import java.util.Map;

/** Mocked computed outputs for ECR, ECS, load balancer, IAM roles for tasks, autoscaling (issue 5). */
public final class ComputeOutputs {
    private ComputeOutputs() {
    }

    public static void register(Map<String, Rule> rules) {
    }
}
