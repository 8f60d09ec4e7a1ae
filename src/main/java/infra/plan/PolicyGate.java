package infra.plan;

import infra.config.Settings;

import java.util.List;

/**
 * The seam where the policy pack evaluates a rendered stack (issue 10 wires the pack in). The
 * offline plan calls it once per stack after rendering and uses the outcome for its report and
 * exit code; the default gate evaluates nothing.
 */
@FunctionalInterface
public interface PolicyGate {

    /** A gate that evaluates no policies (the pack is not wired in yet). */
    PolicyGate NONE = (stack, settings) -> Outcome.notEvaluated();

    Outcome evaluate(RenderedStack stack, Settings settings);

    /**
     * What the evaluation found: report lines to print, and violation counts by enforcement.
     * Mandatory violations make the plan fail; advisory ones are only reported.
     */
    record Outcome(boolean evaluated, List<String> reportLines, int mandatoryViolations, int advisoryViolations) {
        public Outcome {
            reportLines = List.copyOf(reportLines);
        }

        public static Outcome notEvaluated() {
            return new Outcome(false, List.of(), 0, 0);
        }
    }
}
