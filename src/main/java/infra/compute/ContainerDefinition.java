package infra.compute;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One container of a Fargate task definition, built as data and serialized with gson. Defaults
 * are the hardened ones: never privileged, awslogs to a named log group, writable paths only
 * through explicit volumes when the root file system is read-only.
 */
public final class ContainerDefinition {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final String name;
    private final String image;
    private boolean essential = true;
    private boolean readOnlyRootFilesystem = true;
    private Integer cpuUnits;
    private Integer memoryReservationMiB;
    private String user;
    private final JsonArray portMappings = new JsonArray();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final Map<String, String> writablePaths = new LinkedHashMap<>();
    private JsonObject healthCheck;
    private JsonObject logConfiguration;

    public ContainerDefinition(String name, String image) {
        this.name = name;
        this.image = image;
    }

    public String name() {
        return name;
    }

    public ContainerDefinition essential(boolean value) {
        this.essential = value;
        return this;
    }

    public ContainerDefinition readOnlyRootFilesystem(boolean value) {
        this.readOnlyRootFilesystem = value;
        return this;
    }

    public ContainerDefinition cpuUnits(int value) {
        this.cpuUnits = value;
        return this;
    }

    public ContainerDefinition memoryReservationMiB(int value) {
        this.memoryReservationMiB = value;
        return this;
    }

    public ContainerDefinition user(String value) {
        this.user = value;
        return this;
    }

    public ContainerDefinition port(int containerPort, String protocol) {
        JsonObject mapping = new JsonObject();
        mapping.addProperty("containerPort", containerPort);
        mapping.addProperty("protocol", protocol);
        portMappings.add(mapping);
        return this;
    }

    public ContainerDefinition env(String key, String value) {
        environment.put(key, value);
        return this;
    }

    /** A value ECS reads from Secrets Manager at start ({@code valueFrom}), never a plain environment value. */
    public ContainerDefinition secret(String key, String valueFrom) {
        secrets.put(key, valueFrom);
        return this;
    }

    /** Mounts the task volume {@code volume} at {@code path}, writable despite a read-only root. */
    public ContainerDefinition writablePath(String volume, String path) {
        writablePaths.put(volume, path);
        return this;
    }

    public List<String> volumes() {
        return List.copyOf(writablePaths.keySet());
    }

    /** A shell health check; ECS marks the container unhealthy after {@code retries} failures. */
    public ContainerDefinition healthCheck(String shellCommand, int intervalSeconds, int timeoutSeconds, int retries,
            int startPeriodSeconds) {
        healthCheck = new JsonObject();
        JsonArray command = new JsonArray();
        command.add("CMD-SHELL");
        command.add(shellCommand);
        healthCheck.add("command", command);
        healthCheck.addProperty("interval", intervalSeconds);
        healthCheck.addProperty("timeout", timeoutSeconds);
        healthCheck.addProperty("retries", retries);
        healthCheck.addProperty("startPeriod", startPeriodSeconds);
        return this;
    }

    public ContainerDefinition awslogs(String logGroup, String region, String streamPrefix) {
        logConfiguration = new JsonObject();
        logConfiguration.addProperty("logDriver", "awslogs");
        JsonObject options = new JsonObject();
        options.addProperty("awslogs-group", logGroup);
        options.addProperty("awslogs-region", region);
        options.addProperty("awslogs-stream-prefix", streamPrefix);
        logConfiguration.add("options", options);
        return this;
    }

    public JsonObject toJson() {
        JsonObject c = new JsonObject();
        c.addProperty("name", name);
        c.addProperty("image", image);
        c.addProperty("essential", essential);
        c.addProperty("privileged", false);
        c.addProperty("readonlyRootFilesystem", readOnlyRootFilesystem);
        if (cpuUnits != null) {
            c.addProperty("cpu", cpuUnits);
        }
        if (memoryReservationMiB != null) {
            c.addProperty("memoryReservation", memoryReservationMiB);
        }
        if (user != null) {
            c.addProperty("user", user);
        }
        c.add("portMappings", portMappings.deepCopy());
        c.add("environment", pairs(environment, "value"));
        c.add("secrets", pairs(secrets, "valueFrom"));
        JsonArray mounts = new JsonArray();
        writablePaths.forEach((volume, path) -> {
            JsonObject m = new JsonObject();
            m.addProperty("sourceVolume", volume);
            m.addProperty("containerPath", path);
            m.addProperty("readOnly", false);
            mounts.add(m);
        });
        c.add("mountPoints", mounts);
        if (healthCheck != null) {
            c.add("healthCheck", healthCheck.deepCopy());
        }
        if (logConfiguration != null) {
            c.add("logConfiguration", logConfiguration.deepCopy());
        }
        return c;
    }

    /** The task definition's {@code containerDefinitions} JSON. */
    public static String toJson(List<ContainerDefinition> containers) {
        JsonArray array = new JsonArray();
        containers.forEach(c -> array.add(c.toJson()));
        return GSON.toJson(array);
    }

    private static JsonArray pairs(Map<String, String> values, String valueKey) {
        JsonArray array = new JsonArray();
        values.forEach((k, v) -> {
            JsonObject pair = new JsonObject();
            pair.addProperty("name", k);
            pair.addProperty(valueKey, v);
            array.add(pair);
        });
        return array;
    }
}
