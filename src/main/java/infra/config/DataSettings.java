package infra.config;

/** Aurora Serverless v2, KMS and SQS settings; protections on in prod (the plan's "nothing lost"). */
public record DataSettings(
        double minAcu,
        double maxAcu,
        boolean deletionProtection,
        boolean finalSnapshot,
        boolean protectStatefulResources,
        int backupRetentionDays,
        int kmsDeletionWindowDays,
        int queueMaxReceiveCount,
        String auroraEngineVersion,
        String backupWindow,
        String maintenanceWindow,
        int queueRetentionSeconds,
        int dlqRetentionSeconds,
        int consumerProcessingTimeoutSeconds,
        QueueEncryption queueEncryption) {

    /** How the order queue and its DLQ are encrypted at rest. */
    public enum QueueEncryption {
        /** SSE-KMS with the messaging customer-managed key (the default: one audited key per domain). */
        KMS,
        /** SSE-SQS with keys SQS owns (the plan's table), cheaper and with no key policy to maintain. */
        SQS_MANAGED
    }

    /** SQS accepts a message retention between 60 seconds and 14 days (SetQueueAttributes). */
    public static final int SQS_MIN_RETENTION_SECONDS = 60;
    public static final int SQS_MAX_RETENTION_SECONDS = 1_209_600;
    /** SQS caps the visibility timeout at 12 hours; at six times the processing timeout that is 2 hours. */
    public static final int MAX_CONSUMER_PROCESSING_TIMEOUT_SECONDS = 43_200 / 6;

    /** The smallest maximum capacity Aurora Serverless v2 accepts (ACU). */
    public static final double MIN_MAX_ACU = 1;

    private static final java.util.regex.Pattern ENGINE_VERSION = java.util.regex.Pattern.compile("^\\d{2}\\.\\d{1,2}$");
    private static final java.util.regex.Pattern BACKUP_WINDOW =
            java.util.regex.Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d$");
    private static final java.util.regex.Pattern MAINTENANCE_WINDOW = java.util.regex.Pattern.compile(
            "^(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):[0-5]\\d-(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):[0-5]\\d$");

    static DataSettings load(ConfigReader r) {
        boolean prod = r.environment().isProd();
        double min = r.decimal("auroraMinAcu", 0.5, 0, 256, 0.5);
        // Aurora Serverless v2 takes a minimum from 0 but a maximum of at least 1 ACU
        double max = r.decimal("auroraMaxAcu", prod ? 8 : 2, MIN_MAX_ACU, 256, 0.5);
        if (min > max) {
            r.problem("auroraMinAcu", ConfigReader.fmt(min),
                    "must not exceed " + ConfigReader.fullKey("auroraMaxAcu") + " (" + ConfigReader.fmt(max) + ")",
                    ConfigReader.fmt(max));
        }
        boolean deletionProtection = r.bool("deletionProtection", prod);
        boolean finalSnapshot = r.bool("finalSnapshot", prod);
        boolean protect = r.bool("protectStatefulResources", prod);
        int backup = r.integer("backupRetentionDays", prod ? 14 : 1, 1, 35);
        int kmsWindow = r.integer("kmsDeletionWindowDays", prod ? 30 : 7, 7, 30);
        int maxReceive = r.integer("queueMaxReceiveCount", 5, 1, 1000);
        String engineVersion = r.string("auroraEngineVersion", "16.4", ENGINE_VERSION,
                "an Aurora PostgreSQL major.minor version such as 16.4");
        String backupWindow = r.string("auroraBackupWindow", "03:00-04:00", BACKUP_WINDOW, "a UTC window hh:mm-hh:mm");
        String maintenanceWindow = r.string("auroraMaintenanceWindow", "sun:04:30-sun:05:30", MAINTENANCE_WINDOW,
                "a UTC window ddd:hh:mm-ddd:hh:mm such as sun:04:30-sun:05:30");
        int queueRetention = r.integer("queueRetentionSeconds", 345_600, SQS_MIN_RETENTION_SECONDS, SQS_MAX_RETENTION_SECONDS);
        int dlqRetention = r.integer("dlqRetentionSeconds", SQS_MAX_RETENTION_SECONDS, SQS_MIN_RETENTION_SECONDS,
                SQS_MAX_RETENTION_SECONDS);
        if (dlqRetention < queueRetention) {
            // a standard queue keeps the original enqueue time, so a shorter DLQ retention drops failed orders early
            r.problem("dlqRetentionSeconds", Integer.toString(dlqRetention),
                    "must not be shorter than queueRetentionSeconds (" + queueRetention + ")", Integer.toString(SQS_MAX_RETENTION_SECONDS));
        }
        int processing = r.integer("consumerProcessingTimeoutSeconds", 30, 1, MAX_CONSUMER_PROCESSING_TIMEOUT_SECONDS);
        java.util.Map<String, QueueEncryption> encryptionWords = new java.util.LinkedHashMap<>();
        encryptionWords.put("kms", QueueEncryption.KMS);
        encryptionWords.put("sqs-managed", QueueEncryption.SQS_MANAGED);
        QueueEncryption encryption = r.choice("queueEncryption", QueueEncryption.KMS, encryptionWords);
        return new DataSettings(min, max, deletionProtection, finalSnapshot, protect, backup, kmsWindow, maxReceive,
                engineVersion, backupWindow, maintenanceWindow, queueRetention, dlqRetention, processing, encryption);
    }
}
