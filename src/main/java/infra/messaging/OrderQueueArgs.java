package infra.messaging;

import com.pulumi.core.Output;
import infra.config.Settings;

import java.util.Objects;

/**
 * Inputs of {@link OrderQueue}.
 *
 * @param settings the stack settings (retention, redrive and encryption come from {@code settings.data()})
 * @param messagingKeyArn the messaging domain's KMS key; used unless {@code queueEncryption} is
 *     {@code sqs-managed}
 */
public record OrderQueueArgs(Settings settings, Output<String> messagingKeyArn) {
    public OrderQueueArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(messagingKeyArn, "messagingKeyArn");
    }
}
