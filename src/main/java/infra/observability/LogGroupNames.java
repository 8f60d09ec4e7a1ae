package infra.observability;

import infra.config.Environment;

/**
 * The plan's log group naming convention, {@code /aws/{service}/{environment}/{resource}}, plus the
 * names AWS fixes itself. Every component takes its log group names from here.
 */
public final class LogGroupNames {
    private LogGroupNames() {
    }

    /** Container logs of an ECS service, e.g. {@code /aws/ecs/prod/backend}. */
    public static String ecs(Environment env, String service) {
        return "/aws/ecs/" + env.id() + "/" + service;
    }

    /** The order producer's logs, {@code /aws/lambda/<env>/order-producer}. */
    public static String producer(Environment env) {
        return "/aws/lambda/" + env.id() + "/order-producer";
    }

    /** VPC flow logs, {@code /aws/vpc/flowlogs/<env>}. */
    public static String flowLogs(Environment env) {
        return "/aws/vpc/flowlogs/" + env.id();
    }

    /** The Aurora cluster identifier the plan's log group name is built from, e.g. {@code dev-auroracluster}. */
    public static String auroraClusterIdentifier(Environment env) {
        return env.id() + "-auroracluster";
    }

    /** Aurora's PostgreSQL log export; AWS fixes this name, {@code /aws/rds/cluster/<id>/postgresql}. */
    public static String aurora(Environment env) {
        return "/aws/rds/cluster/" + auroraClusterIdentifier(env) + "/postgresql";
    }

    /** WAF logging requires the {@code aws-waf-logs-} prefix. */
    public static String waf(Environment env) {
        return "aws-waf-logs-" + env.id();
    }

    /** CloudTrail's optional CloudWatch Logs delivery. */
    public static String cloudTrail(Environment env) {
        return "/aws/cloudtrail/" + env.id();
    }
}
