package policy.sdk;

import java.util.List;

/** Policy configuration that cannot be used; each problem names the policy (or key) it concerns. */
public final class PolicyConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public PolicyConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
