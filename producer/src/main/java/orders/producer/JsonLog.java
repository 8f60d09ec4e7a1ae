package orders.producer;

import com.google.gson.Gson;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line on stdout, carrying the invocation's correlation id, so CloudWatch Logs
 * Insights can filter and join on fields.
 */
public final class JsonLog {
    private final PrintStream out;
    private final Clock clock;
    private final Gson gson;
    private final String service;
    private final String environment;

    public JsonLog(PrintStream out, Clock clock, Gson gson, String service, String environment) {
        this.out = out;
        this.clock = clock;
        this.gson = gson;
        this.service = service;
        this.environment = environment;
    }

    public void info(String correlationId, String message, Map<String, ?> fields) {
        write("INFO", correlationId, message, fields);
    }

    public void error(String correlationId, String message, Map<String, ?> fields) {
        write("ERROR", correlationId, message, fields);
    }

    private void write(String level, String correlationId, String message, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level);
        line.put("service", service);
        line.put("environment", environment);
        line.put("correlationId", correlationId);
        line.put("message", message);
        line.putAll(fields);
        out.println(gson.toJson(line));
    }
}
