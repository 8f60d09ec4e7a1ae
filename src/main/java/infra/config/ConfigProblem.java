package infra.config;

/**
 * One invalid stack setting: the full key, the offending value, what is allowed, and the
 * command that fixes it. {@link #message()} is the exact text shown to users.
 */
public record ConfigProblem(String key, String value, String problem, String fixCommand) {

    public String message() {
        StringBuilder text = new StringBuilder(key);
        if (value != null) {
            text.append(" = '").append(value).append('\'');
        }
        text.append(": ").append(problem);
        if (fixCommand != null) {
            boolean endsSentence = problem.endsWith("?") || problem.endsWith(".");
            text.append(endsSentence ? " Fix: " : ". Fix: ").append(fixCommand);
        }
        return text.toString();
    }
}
