package infra.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The real names of one stack that the incident runbooks need, read from its stack outputs (or
 * the offline plan). {@link #OUTPUT_NAMES} is the list of stack outputs the program must export.
 */
public record RunbookFacts(
        String environment,
        String region,
        String clusterName,
        String backendServiceName,
        String frontendServiceName,
        String backendContainerName,
        String backendTaskFamily,
        String queueUrl,
        String dlqUrl,
        String dbClusterIdentifier,
        String databaseSecurityGroupId,
        String databaseSecretArn,
        Map<String, String> logGroupNames,
        String infrastructureAlertsTopicArn,
        String securityAlertsTopicArn,
        String dashboardUrl) {

    /** The stack outputs runbooks are generated from; {@code logGroupNames} is role to name ({@link LogGroups#names()}). */
    public static final List<String> OUTPUT_NAMES = List.of("environment", "region", "clusterName", "backendServiceName",
            "frontendServiceName", "backendContainerName", "backendTaskFamily", "queueUrl", "dlqUrl", "dbClusterIdentifier",
            "databaseSecurityGroupId", "databaseSecretArn", "logGroupNames", "infrastructureAlertsTopicArn",
            "securityAlertsTopicArn", "dashboardUrl");

    /** The log group roles the runbooks cite. */
    static final List<String> LOG_GROUP_ROLES = List.of("ecs-backend", "ecs-frontend", "producer", "aurora", "flow-logs");

    public RunbookFacts {
        List.of(environment, region, clusterName, backendServiceName, frontendServiceName, backendContainerName,
                backendTaskFamily, queueUrl, dlqUrl, dbClusterIdentifier, databaseSecurityGroupId, databaseSecretArn,
                logGroupNames, infrastructureAlertsTopicArn, securityAlertsTopicArn, dashboardUrl)
                .forEach(Objects::requireNonNull);
        Map<String, String> groups = logGroupNames;
        List<String> missing = LOG_GROUP_ROLES.stream().filter(r -> !groups.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("logGroupNames lacks the roles " + missing + "; it has " + logGroupNames.keySet());
        }
        logGroupNames = Map.copyOf(logGroupNames);
    }

    /**
     * Reads the facts from stack outputs as {@code pulumi stack output --json} prints them.
     *
     * @throws IllegalArgumentException naming every missing or mistyped output
     */
    public static RunbookFacts fromOutputs(Map<String, ?> outputs) {
        List<String> problems = new ArrayList<>();
        for (String name : OUTPUT_NAMES) {
            Object value = outputs.get(name);
            boolean ok = name.equals("logGroupNames") ? value instanceof Map : value instanceof String;
            if (!ok) {
                problems.add(name + (value == null ? " is missing" : " has the wrong type"));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("stack outputs cannot fill the runbooks: " + String.join("; ", problems));
        }
        Map<String, String> logGroups = new LinkedHashMap<>();
        ((Map<?, ?>) outputs.get("logGroupNames")).forEach((k, v) -> logGroups.put(String.valueOf(k), String.valueOf(v)));
        return new RunbookFacts(s(outputs, "environment"), s(outputs, "region"), s(outputs, "clusterName"),
                s(outputs, "backendServiceName"), s(outputs, "frontendServiceName"), s(outputs, "backendContainerName"),
                s(outputs, "backendTaskFamily"), s(outputs, "queueUrl"), s(outputs, "dlqUrl"),
                s(outputs, "dbClusterIdentifier"), s(outputs, "databaseSecurityGroupId"), s(outputs, "databaseSecretArn"),
                logGroups, s(outputs, "infrastructureAlertsTopicArn"), s(outputs, "securityAlertsTopicArn"),
                s(outputs, "dashboardUrl"));
    }

    private static String s(Map<String, ?> outputs, String name) {
        return (String) outputs.get(name);
    }
}
