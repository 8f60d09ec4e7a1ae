package infra.plan;

import com.pulumi.Context;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import infra.config.Settings;
import infra.config.StackFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Prints render figures for a prod-sized stack (a benchmark, not a timed test): 40 components of
 * 5 chained queues each, 200 AWS resources, about the size the complete prod stack is expected to reach.
 */
final class PlanBenchmarkTest {
    private static final int COMPONENTS = 40;
    private static final int QUEUES_PER_COMPONENT = 5;

    static final class Chain extends ComponentResource {
        Chain(String name) {
            super("order-processing:bench:Chain", name, ComponentResourceOptions.builder().build());
            Queue previous = null;
            for (int i = 0; i < QUEUES_PER_COMPONENT; i++) {
                QueueArgs.Builder args = QueueArgs.builder().tags(Map.of("Environment", "prod", "Project", "order-processing"));
                if (previous != null) {
                    args.redrivePolicy(previous.arn().applyValue(arn -> "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":5}"));
                }
                previous = new Queue(name + "-q" + i, args.build(), CustomResourceOptions.builder().parent(this).build());
            }
            registerOutputs(Map.of());
        }
    }

    private static final BiConsumer<Context, Settings> PROD_SIZED = (ctx, settings) -> {
        for (int c = 0; c < COMPONENTS; c++) {
            new Chain("chain" + c);
        }
    };

    @Test
    void printsRenderTimesForAProdSizedStack() throws IOException {
        StackFiles.StackConfig file = OfflinePlan.stackFile(Path.of("."), "prod");
        Settings settings = Settings.load(file.values(), file.secretKeys(), "prod");

        StringBuilder figures = new StringBuilder();
        for (int run = 1; run <= 3; run++) {
            OfflinePlan.Result result = OfflinePlan.render(file, settings, AwsMocks.Mode.KNOWN_OUTPUTS, PROD_SIZED);
            assertNull(result.failure());
            assertEquals(2 + COMPONENTS * (1 + QUEUES_PER_COMPONENT), result.stack().resources().size());
            long planJsonStart = System.nanoTime();
            PlanJson.render(result.stack(), "prod", AwsMocks.Mode.KNOWN_OUTPUTS);
            figures.append(String.format(" run %d: render %d ms, plan JSON %d ms;", run, result.renderNanos() / 1_000_000,
                    (System.nanoTime() - planJsonStart) / 1_000_000));
        }
        System.out.println("[benchmark] prod-sized stack, " + COMPONENTS * QUEUES_PER_COMPONENT + " AWS resources:" + figures);
    }
}
