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
        int queueMaxReceiveCount) {

    static DataSettings load(ConfigReader r) {
        boolean prod = r.environment().isProd();
        double min = r.decimal("auroraMinAcu", 0.5, 0, 256, 0.5);
        double max = r.decimal("auroraMaxAcu", prod ? 8 : 2, 0, 256, 0.5);
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
        return new DataSettings(min, max, deletionProtection, finalSnapshot, protect, backup, kmsWindow, maxReceive);
    }
}
