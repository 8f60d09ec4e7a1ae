package infra.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cluster parameter group's contents: the plan's logging settings ("Database Logs") and TLS
 * enforcement ("Data Encryption": TLS 1.2+ from the backend to Aurora). Pure, kept apart from the
 * resource code.
 */
public final class AuroraParameters {
    /** The plan's slow query threshold ("Slow Query Threshold: 1000ms"). */
    public static final int SLOW_QUERY_THRESHOLD_MILLIS = 1000;
    /** Performance Insights' free retention tier, in days. */
    public static final int PERFORMANCE_INSIGHTS_RETENTION_DAYS = 7;

    private AuroraParameters() {
    }

    /** Parameter name to value, in the order they are declared. RDS spells booleans as 1/0. */
    public static Map<String, String> clusterParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("log_min_duration_statement", Integer.toString(SLOW_QUERY_THRESHOLD_MILLIS));
        parameters.put("log_connections", "1");
        parameters.put("log_disconnections", "1");
        parameters.put("rds.force_ssl", "1");
        return parameters;
    }

    /** The parameter group family of an engine version, e.g. {@code aurora-postgresql16} for 16.4. */
    public static String family(String engineVersion) {
        int dot = engineVersion.indexOf('.');
        return "aurora-postgresql" + (dot < 0 ? engineVersion : engineVersion.substring(0, dot));
    }
}
