package infra.config;

import java.util.Optional;
import java.util.regex.Pattern;

/** ECS service sizing (plan: 2 backend and 2 frontend tasks) and the optional HTTPS certificate. */
public record ComputeSettings(
        ServiceSettings backend,
        ServiceSettings frontend,
        Optional<String> certificateArn) {

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
        return new ComputeSettings(backend, frontend, cert);
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
}
