package infra.compute;

/** The ARN partition a region belongs to. */
public final class Partitions {
    private Partitions() {
    }

    public static String of(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
