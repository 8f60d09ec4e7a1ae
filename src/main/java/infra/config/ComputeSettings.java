package infra.config;

import java.util.Optional;
import java.util.regex.Pattern;

/** ECS service sizing (plan: 2 backend and 2 frontend tasks) and the optional HTTPS certificate. */
public record ComputeSettings(
        ServiceSettings backend,
        ServiceSettings frontend,
        Optional<String> certificateArn,
        ServiceRuntime backendRuntime,
        ServiceRuntime frontendRuntime,
        TargetHealth targetHealth,
        Registry registry,
        Scaling scaling,
        boolean albDeletionProtection) {

    /** One Fargate service's task size and counts. */
    public record ServiceSettings(int cpu, int memoryMiB, int desiredCount, int minCount, int maxCount) {
    }

    private static final Pattern ACM_ARN = Pattern.compile("^arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+$");

    static ComputeSettings load(ConfigReader r, Features features) {
        boolean prod = r.environment().isProd();
        ServiceSettings backend = service(r, "backend", prod);
        ServiceSettings frontend = service(r, "frontend", prod);
        Optional<String> cert = Optional.ofNullable(r.string("certificateArn", null, ACM_ARN, "an ACM certificate ARN"));
        if (features.https() && cert.isEmpty() && !r.isSet("certificateArn")) {
            r.problem("certificateArn", null, "is required when " + ConfigReader.fullKey("httpsEnabled") + " is true",
                    "arn:aws:acm:<region>:<account-id>:certificate/<id>");
        }
        checkFargateSize(r, "backend", backend);
        checkFargateSize(r, "frontend", frontend);
        return new ComputeSettings(backend, frontend, cert,
                runtime(r, "backend", "/health", true),
                runtime(r, "frontend", "/", false),
                targetHealth(r), registry(r, prod), scaling(r),
                r.bool("albDeletionProtection", prod));
    }

    private static ServiceSettings service(ConfigReader r, String name, boolean prod) {
        int cpu = r.integer(name + "Cpu", 256, 256, 16384);
        int memory = r.integer(name + "MemoryMiB", 512, 512, 122880);
        int min = r.integer(name + "MinCount", 2, 0, 100);
        int max = r.integer(name + "MaxCount", prod ? 10 : 4, 1, 100);
        int desired = r.integer(name + "DesiredCount", 2, 0, 100);
        if (desired > max) {
            r.problem(name + "DesiredCount", Integer.toString(desired),
                    "must not exceed " + ConfigReader.fullKey(name + "MaxCount") + " (" + max + ")", Integer.toString(max));
            desired = max;
        }
        if (min > max) {
            r.problem(name + "MinCount", Integer.toString(min),
                    "must not exceed " + ConfigReader.fullKey(name + "MaxCount") + " (" + max + ")", Integer.toString(max));
            min = max;
        }
        return new ServiceSettings(cpu, memory, desired, min, max);
    }

    /** What runs in one service's container: image tag, health endpoint, root file system mode. */
    public record ServiceRuntime(String imageTag, String healthCheckPath, boolean readOnlyRootFilesystem) {
    }

    /** Target group health checks and draining, shared by both target groups. */
    public record TargetHealth(int healthyThreshold, int unhealthyThreshold, int intervalSeconds, int timeoutSeconds,
            int deregistrationDelaySeconds, int healthCheckGracePeriodSeconds) {
    }

    /** ECR lifecycle: how many images to keep, and when untagged images expire. */
    public record Registry(int keepImageCount, int untaggedExpiryDays) {
    }

    /** Target-tracking cooldowns (the targets themselves are the plan's 80 % CPU / 85 % memory). */
    public record Scaling(int scaleOutCooldownSeconds, int scaleInCooldownSeconds) {
    }

    private static final Pattern IMAGE_TAG = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$");
    private static final Pattern URL_PATH = Pattern.compile("^/[A-Za-z0-9_./-]*$");

    private static ServiceRuntime runtime(ConfigReader r, String name, String defaultPath, boolean defaultReadOnly) {
        return new ServiceRuntime(
                r.string(name + "ImageTag", "v1", IMAGE_TAG, "a Docker image tag (letters, digits, _ . -)"),
                r.string(name + "HealthCheckPath", defaultPath, URL_PATH, "an absolute URL path such as /health"),
                r.bool(name + "ReadOnlyRootFilesystem", defaultReadOnly));
    }

    private static TargetHealth targetHealth(ConfigReader r) {
        int interval = r.integer("healthCheckIntervalSeconds", 30, 5, 300);
        int timeout = r.integer("healthCheckTimeoutSeconds", 5, 2, 120);
        if (timeout >= interval) {
            r.problem("healthCheckTimeoutSeconds", Integer.toString(timeout),
                    "the health check timeout must be shorter than healthCheckIntervalSeconds (" + interval + ")",
                    Integer.toString(Math.max(2, interval / 2)));
        }
        return new TargetHealth(
                r.integer("healthCheckHealthyThreshold", 2, 2, 10),
                r.integer("healthCheckUnhealthyThreshold", 3, 2, 10),
                interval, timeout,
                r.integer("deregistrationDelaySeconds", 30, 0, 3600),
                r.integer("healthCheckGracePeriodSeconds", 60, 0, 2147483647));
    }

    private static Registry registry(ConfigReader r, boolean prod) {
        return new Registry(
                r.integer("ecrKeepImageCount", prod ? 30 : 10, 1, 1000),
                r.integer("ecrUntaggedExpiryDays", 7, 1, 365));
    }

    private static Scaling scaling(ConfigReader r) {
        return new Scaling(
                r.integer("scaleOutCooldownSeconds", 60, 0, 3600),
                r.integer("scaleInCooldownSeconds", 300, 0, 3600));
    }

    private static void checkFargateSize(ConfigReader r, String name, ServiceSettings s) {
        java.util.List<Integer> memoryChoices = infra.compute.FargateSizes.memoryMiBFor(s.cpu());
        infra.compute.FargateSizes.problem(s.cpu(), s.memoryMiB()).ifPresent(p -> {
            if (memoryChoices.isEmpty()) {
                r.problem(name + "Cpu", Integer.toString(s.cpu()), p, "256");
            } else {
                r.problem(name + "MemoryMiB", Integer.toString(s.memoryMiB()), p, Integer.toString(memoryChoices.get(0)));
            }
        });
    }
}
