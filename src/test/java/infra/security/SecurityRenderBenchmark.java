package infra.security;

import com.pulumi.core.Output;
import infra.config.Settings;
import infra.plan.RenderedStack;
import infra.testing.Stacks;

import java.util.Optional;

/**
 * Prints how long rendering {@link SecurityServices} under the mocks takes per stack, first run
 * and steady state. A benchmark, not a test: run with
 * {@code java -cp target/test-classes:target/classes:<deps> infra.security.SecurityRenderBenchmark}.
 */
public final class SecurityRenderBenchmark {
    private static final int RUNS = 10;

    public static void main(String[] args) {
        for (String stackName : new String[] {"dev", "prod"}) {
            Settings settings = Stacks.settings(stackName);
            long[] nanos = new long[RUNS];
            int resources = 0;
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                RenderedStack stack = Stacks.render(settings, ctx -> new SecurityServices("security", new SecurityServicesArgs(
                        settings, Output.of("arn:aws:sns:us-east-1:123456789012:security-alerts"),
                        Output.of("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
                        Output.of("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/alb/50dc6c495c0c9188"),
                        Optional.of(Output.of("arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-" + stackName)),
                        Optional.of(Output.of("arn:aws:logs:us-east-1:123456789012:log-group:/aws/cloudtrail/" + stackName))), null));
                nanos[i] = System.nanoTime() - start;
                resources = stack.resources().size();
            }
            java.util.Arrays.sort(nanos, 1, RUNS);
            System.out.printf("%s: %d registrations; first run %d ms; runs 2-%d median %d ms, max %d ms%n", stackName, resources,
                    nanos[0] / 1_000_000, RUNS, nanos[RUNS / 2] / 1_000_000, nanos[RUNS - 1] / 1_000_000);
        }
    }
}
