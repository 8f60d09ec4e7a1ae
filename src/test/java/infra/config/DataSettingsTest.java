package infra.config;

import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DataSettingsTest {

    @Test
    void devDefaultsKeepTheStackCheapAndDisposable() {
        DataSettings data = Stacks.settings("dev").data();

        assertEquals(List.of(0.5, 2.0, false, false, false, 1, 7, 5), List.of(data.minAcu(), data.maxAcu(),
                data.deletionProtection(), data.finalSnapshot(), data.protectStatefulResources(),
                data.backupRetentionDays(), data.kmsDeletionWindowDays(), data.queueMaxReceiveCount()));
        assertEquals(List.of("16.4", "03:00-04:00", "sun:04:30-sun:05:30"),
                List.of(data.auroraEngineVersion(), data.backupWindow(), data.maintenanceWindow()));
        assertEquals(List.of(345_600, 1_209_600, 30), List.of(data.queueRetentionSeconds(), data.dlqRetentionSeconds(),
                data.consumerProcessingTimeoutSeconds()));
        assertEquals(DataSettings.QueueEncryption.KMS, data.queueEncryption());
    }

    @Test
    void prodDefaultsProtectEverythingStateful() {
        DataSettings data = Stacks.settings("prod").data();

        assertEquals(List.of(8.0, true, true, true, 14, 30), List.of(data.maxAcu(), data.deletionProtection(),
                data.finalSnapshot(), data.protectStatefulResources(), data.backupRetentionDays(), data.kmsDeletionWindowDays()));
    }

    @Test
    void rejectsMinAcuAboveMax() {
        assertEquals(List.of("order-processing:auroraMinAcu = '4': must not exceed order-processing:auroraMaxAcu (2). "
                        + "Fix: pulumi config set order-processing:auroraMinAcu 2 --stack dev"),
                problems("dev", Map.of("auroraMinAcu", "4")));
    }

    @Test
    void maximumAcuRangeIsOneTo256AndMinimumKeepsZeroTo256() {
        DataSettings data = Stacks.settings("dev", Map.of("auroraMinAcu", "0", "auroraMaxAcu", "1")).data();
        assertEquals(List.of(0.0, 1.0), List.of(data.minAcu(), data.maxAcu()));
        assertEquals(256.0, Stacks.settings("dev", Map.of("auroraMinAcu", "256", "auroraMaxAcu", "256")).data().maxAcu());
        assertEquals(List.of("order-processing:auroraMaxAcu = '0.5': must be a number from 1 to 256. "
                        + "Fix: pulumi config set order-processing:auroraMaxAcu 1 --stack dev"),
                problems("dev", Map.of("auroraMaxAcu", "0.5")));
    }

    @Test
    void rejectsMaxReceiveCountOutsideSqsRange() {
        assertEquals(List.of("order-processing:queueMaxReceiveCount = '0': must be a whole number from 1 to 1000. "
                        + "Fix: pulumi config set order-processing:queueMaxReceiveCount 1 --stack dev"),
                problems("dev", Map.of("queueMaxReceiveCount", "0")));
        assertEquals(List.of("order-processing:queueMaxReceiveCount = '1001': must be a whole number from 1 to 1000. "
                        + "Fix: pulumi config set order-processing:queueMaxReceiveCount 1000 --stack dev"),
                problems("dev", Map.of("queueMaxReceiveCount", "1001")));
    }

    @Test
    void rejectsRetentionOutsideSixtySecondsToFourteenDays() {
        assertEquals(List.of(
                "order-processing:dlqRetentionSeconds = '1209601': must be a whole number from 60 to 1209600. "
                        + "Fix: pulumi config set order-processing:dlqRetentionSeconds 1209600 --stack prod",
                "order-processing:queueRetentionSeconds = '59': must be a whole number from 60 to 1209600. "
                        + "Fix: pulumi config set order-processing:queueRetentionSeconds 60 --stack prod"),
                problems("prod", Map.of("queueRetentionSeconds", "59", "dlqRetentionSeconds", "1209601")).stream().sorted().toList());
    }

    @Test
    void rejectsADlqThatForgetsFailedOrdersBeforeTheQueueWould() {
        assertEquals(List.of("order-processing:dlqRetentionSeconds = '86400': must not be shorter than queueRetentionSeconds "
                        + "(345600). Fix: pulumi config set order-processing:dlqRetentionSeconds 1209600 --stack dev"),
                problems("dev", Map.of("dlqRetentionSeconds", "86400")));
    }

    @Test
    void rejectsAProcessingTimeoutWhoseVisibilityTimeoutSqsCannotHold() {
        assertEquals(List.of("order-processing:consumerProcessingTimeoutSeconds = '7201': must be a whole number from 1 to 7200. "
                        + "Fix: pulumi config set order-processing:consumerProcessingTimeoutSeconds 7200 --stack dev"),
                problems("dev", Map.of("consumerProcessingTimeoutSeconds", "7201")));
    }

    @Test
    void rejectsUnknownQueueEncryptionAndMalformedWindows() {
        assertEquals(List.of(
                "order-processing:auroraBackupWindow = '3am': must be a UTC window hh:mm-hh:mm. "
                        + "Fix: pulumi config set order-processing:auroraBackupWindow 03:00-04:00 --stack dev",
                "order-processing:queueEncryption = 'aes': must be one of kms, sqs-managed. "
                        + "Fix: pulumi config set order-processing:queueEncryption kms --stack dev"),
                problems("dev", Map.of("queueEncryption", "aes", "auroraBackupWindow", "3am")));
    }

    private static List<String> problems(String stack, Map<String, String> overrides) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Stacks.settings(stack, overrides));
        return e.problems().stream().map(ConfigProblem::message).toList();
    }
}
