package infra.plan.mocks;

import infra.plan.MockOutputs;
import infra.plan.MockOutputs.Rule;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Mocked computed outputs for KMS keys, Aurora, Secrets Manager, SQS (issue 4). */
public final class DataOutputs {
    private DataOutputs() {
    }

    /** The port Aurora PostgreSQL listens on unless the cluster sets another. */
    private static final double POSTGRES_PORT = 5432;
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static void register(Map<String, Rule> rules) {
        rules.put("aws:kms/key:Key", (name, in, out, env) -> {
            String keyId = uuid("kms/" + name);
            out.put("keyId", keyId);
            out.put("arn", env.arn("kms", "key/" + keyId));
            out.put("rotationPeriodInDays", 365.0);
            out.put("multiRegion", false);
            return keyId;
        });
        rules.put("aws:kms/alias:Alias", (name, in, out, env) -> {
            String alias = MockOutputs.str(in, "name", "alias/" + name);
            out.put("arn", env.arn("kms", alias));
            Object target = in.get("targetKeyId");
            if (target instanceof String id) {
                out.put("targetKeyArn", env.arn("kms", "key/" + id));
            }
            return alias;
        });
        rules.put("aws:rds/cluster:Cluster", (name, in, out, env) -> {
            String id = MockOutputs.str(in, "clusterIdentifier", name + "-" + MockOutputs.suffix("rds/" + name));
            String hash = lowerAlnum("rds-endpoint/" + env.account() + "/" + env.region(), 12);
            out.put("clusterIdentifier", id);
            out.put("arn", env.arn("rds", "cluster:" + id));
            out.put("endpoint", id + ".cluster-" + hash + "." + env.region() + ".rds.amazonaws.com");
            out.put("readerEndpoint", id + ".cluster-ro-" + hash + "." + env.region() + ".rds.amazonaws.com");
            out.put("port", in.getOrDefault("port", POSTGRES_PORT));
            out.put("clusterResourceId", "cluster-" + lowerAlnum("rds-resource/" + name, 26).toUpperCase(Locale.ROOT));
            out.put("engineVersionActual", MockOutputs.str(in, "engineVersion", "16.4"));
            if (Boolean.TRUE.equals(in.get("manageMasterUserPassword"))) {
                String secretArn = env.arn("secretsmanager", "secret:rds!cluster-" + uuid("rds-secret/" + name)
                        + "-" + alnum("rds-secret-suffix/" + name, 6));
                Object kms = in.get("masterUserSecretKmsKeyId");
                out.put("masterUserSecrets", List.of(Map.of(
                        "secretArn", secretArn,
                        "secretStatus", "active",
                        "kmsKeyId", kms instanceof String k ? k : env.arn("kms", "alias/aws/secretsmanager"))));
            }
            return id;
        });
        rules.put("aws:rds/clusterInstance:ClusterInstance", (name, in, out, env) -> {
            String id = MockOutputs.str(in, "identifier", name + "-" + MockOutputs.suffix("rds-instance/" + name));
            out.put("identifier", id);
            out.put("arn", env.arn("rds", "db:" + id));
            out.put("endpoint", id + "." + lowerAlnum("rds-endpoint/" + env.account() + "/" + env.region(), 12) + "."
                    + env.region() + ".rds.amazonaws.com");
            out.put("port", POSTGRES_PORT);
            out.put("dbiResourceId", "db-" + lowerAlnum("rds-dbi/" + name, 26).toUpperCase(Locale.ROOT));
            return id;
        });
        rules.put("aws:rds/subnetGroup:SubnetGroup", (name, in, out, env) -> {
            String id = MockOutputs.physicalName("aws:rds/subnetGroup:SubnetGroup", name, in).toLowerCase(Locale.ROOT);
            out.put("name", id);
            out.put("arn", env.arn("rds", "subgrp:" + id));
            return id;
        });
        rules.put("aws:rds/clusterParameterGroup:ClusterParameterGroup", (name, in, out, env) -> {
            String id = MockOutputs.physicalName("aws:rds/clusterParameterGroup:ClusterParameterGroup", name, in)
                    .toLowerCase(Locale.ROOT);
            out.put("name", id);
            out.put("arn", env.arn("rds", "cluster-pg:" + id));
            return id;
        });
        rules.put("aws:sqs/queue:Queue", (name, in, out, env) -> {
            String queueName = MockOutputs.physicalName("aws:sqs/queue:Queue", name, in);
            String url = "https://sqs." + env.region() + ".amazonaws.com/" + env.account() + "/" + queueName;
            out.put("name", queueName);
            out.put("arn", env.arn("sqs", queueName));
            out.put("url", url);
            return url;
        });
        Rule byQueueUrl = (name, in, out, env) -> MockOutputs.str(in, "queueUrl", name);
        rules.put("aws:sqs/queuePolicy:QueuePolicy", byQueueUrl);
        rules.put("aws:sqs/redriveAllowPolicy:RedriveAllowPolicy", byQueueUrl);
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A stable lower-case alphanumeric string of {@code length}, like RDS's endpoint hash. */
    private static String lowerAlnum(String seed, int length) {
        StringBuilder out = new StringBuilder(length);
        long h = seed.hashCode() * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < length; i++) {
            h = h * 6364136223846793005L + 1442695040888963407L;
            out.append(ALPHANUMERIC.charAt((int) Long.remainderUnsigned(h >>> 33, ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    /** Mixed-case alphanumerics, as in the 6-character suffix Secrets Manager appends to secret ARNs. */
    private static String alnum(String seed, int length) {
        String lower = lowerAlnum(seed, length);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            out.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
