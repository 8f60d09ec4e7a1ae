package infra.compute;

import infra.config.ComputeSettings;
import infra.config.Settings;
import infra.observability.LogGroupNames;

import java.util.ArrayList;
import java.util.List;

/** The containers of the two services, as data: images, ports, health checks, logs, environment, secrets. */
public final class ServiceContainers {
    private ServiceContainers() {
    }

    public static final int BACKEND_PORT = 3000;
    public static final int FRONTEND_PORT = 80;
    /** The X-Ray daemon listens for trace segments on UDP 2000 next to the app. */
    public static final int XRAY_DAEMON_PORT = 2000;
    public static final String XRAY_DAEMON_IMAGE = "public.ecr.aws/xray/aws-xray-daemon:latest";
    public static final int XRAY_DAEMON_CPU_UNITS = 32;
    public static final int XRAY_DAEMON_MEMORY_RESERVATION_MIB = 256;
    /** Task volume mounted at /tmp so a read-only root file system still has scratch space. */
    public static final String TMP_VOLUME = "tmp";
    /** Container health checks: every 30 s, 5 s timeout, 3 retries, 60 s start period before failures count. */
    public static final int CONTAINER_HEALTH_INTERVAL_SECONDS = 30;
    public static final int CONTAINER_HEALTH_TIMEOUT_SECONDS = 5;
    public static final int CONTAINER_HEALTH_RETRIES = 3;
    public static final int CONTAINER_HEALTH_START_PERIOD_SECONDS = 60;

    /** Where the backend finds its dependencies; the credentials come from the secret, never from here. */
    public record BackendEndpoints(String queueUrl, String databaseEndpoint, int databasePort, String databaseSecretArn) {
    }

    public static List<ContainerDefinition> backend(Settings settings, String repositoryUrl, BackendEndpoints endpoints) {
        ComputeSettings.ServiceRuntime runtime = settings.compute().backendRuntime();
        ContainerDefinition app = app(settings, "backend", repositoryUrl, runtime, BACKEND_PORT)
                .env("AWS_REGION", settings.region())
                .env("QUEUE_URL", endpoints.queueUrl())
                .env("DB_HOST", endpoints.databaseEndpoint())
                .env("DB_PORT", Integer.toString(endpoints.databasePort()))
                .secret("DB_USERNAME", secretKey(endpoints.databaseSecretArn(), "username"))
                .secret("DB_PASSWORD", secretKey(endpoints.databaseSecretArn(), "password"));
        List<ContainerDefinition> containers = new ArrayList<>(List.of(app));
        if (settings.features().xray()) {
            app.env("AWS_XRAY_DAEMON_ADDRESS", "localhost:" + XRAY_DAEMON_PORT);
            containers.add(new ContainerDefinition("xray-daemon", XRAY_DAEMON_IMAGE)
                    .essential(false)
                    .cpuUnits(XRAY_DAEMON_CPU_UNITS)
                    .memoryReservationMiB(XRAY_DAEMON_MEMORY_RESERVATION_MIB)
                    .user("1337")
                    .port(XRAY_DAEMON_PORT, "udp")
                    .awslogs(LogGroupNames.ecs(settings.environment(), "backend"), settings.region(), "xray"));
        }
        return containers;
    }

    public static List<ContainerDefinition> frontend(Settings settings, String repositoryUrl) {
        return List.of(app(settings, "frontend", repositoryUrl, settings.compute().frontendRuntime(), FRONTEND_PORT));
    }

    /** A key of the RDS-managed JSON secret, in the {@code arn:json-key:version-stage:version-id} form ECS reads. */
    public static String secretKey(String secretArn, String jsonKey) {
        return secretArn + ":" + jsonKey + "::";
    }

    private static ContainerDefinition app(Settings settings, String service, String repositoryUrl,
            ComputeSettings.ServiceRuntime runtime, int port) {
        ContainerDefinition c = new ContainerDefinition(service, repositoryUrl + ":" + runtime.imageTag())
                .readOnlyRootFilesystem(runtime.readOnlyRootFilesystem())
                .port(port, "tcp")
                .healthCheck("wget -q -O /dev/null http://localhost:" + port + runtime.healthCheckPath() + " || exit 1",
                        CONTAINER_HEALTH_INTERVAL_SECONDS, CONTAINER_HEALTH_TIMEOUT_SECONDS, CONTAINER_HEALTH_RETRIES,
                        CONTAINER_HEALTH_START_PERIOD_SECONDS)
                .awslogs(LogGroupNames.ecs(settings.environment(), service), settings.region(), service);
        if (runtime.readOnlyRootFilesystem()) {
            c.writablePath(TMP_VOLUME, "/tmp");
        }
        return c;
    }
}
