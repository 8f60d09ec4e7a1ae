package infra.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown once with every problem found in a stack's configuration, so users fix them in one pass. */
public final class InvalidConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(List<ConfigProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " invalid stack setting" : " invalid stack settings") + ":\n"
                + problems.stream().map(p -> "  - " + p.message()).collect(Collectors.joining("\n"));
    }
}
