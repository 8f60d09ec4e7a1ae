package infra.plan;

import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import infra.config.Settings;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MockEngineTest {

    static final class Holder extends ComponentResource {
        Holder(String name) {
            super("order-processing:test:Holder", name, ComponentResourceOptions.builder().build());
            var dlq = new Queue(name + "-dlq", QueueArgs.builder().messageRetentionSeconds(1209600).build(),
                    CustomResourceOptions.builder().parent(this).protect(true).build());
            new Queue(name + "-queue", QueueArgs.builder()
                    .redrivePolicy(dlq.arn().applyValue(arn -> "{\"deadLetterTargetArn\":\"" + arn + "\"}")).build(),
                    CustomResourceOptions.builder().parent(this).build());
            registerOutputs(java.util.Map.of());
        }
    }

    @Test
    void capturesFullRegistrationsWithEngineUrnsAndOptions() {
        Settings settings = Stacks.settings("dev");
        RenderedStack stack = Stacks.render(settings, ctx -> new Holder("orders"));
        CapturedResource dlq = stack.get("aws:sqs/queue:Queue", "orders-dlq");
        assertEquals("urn:pulumi:dev::order-processing::order-processing:test:Holder$aws:sqs/queue:Queue::orders-dlq", dlq.urn());
        assertTrue(dlq.protect());
        assertEquals(1209600.0, dlq.input("messageRetentionSeconds").orElseThrow());
        CapturedResource queue = stack.get("aws:sqs/queue:Queue", "orders-queue");
        assertEquals("{\"deadLetterTargetArn\":\"" + dlq.outputMap().get("arn") + "\"}", queue.input("redrivePolicy").orElseThrow());
        assertEquals(java.util.List.of(dlq.urn()), queue.propertyDependencies().get("redrivePolicy"));
    }
}
