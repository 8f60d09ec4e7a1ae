package policy.sdk;

import java.util.ArrayList;
import java.util.List;

/** Diagnostics and not-applicable policies of one analysis (or several, concatenated). */
public record Evaluation(List<Diagnostic> diagnostics, List<NotApplicable> notApplicable) {

    /** A policy that had nothing to say about a resource or the stack, with why. */
    public record NotApplicable(String policyName, String urn, String reason) {
    }

    public Evaluation {
        diagnostics = List.copyOf(diagnostics);
        notApplicable = List.copyOf(notApplicable);
    }

    public boolean hasMandatory() {
        return diagnostics.stream().anyMatch(d -> d.level() == EnforcementLevel.MANDATORY);
    }

    public Evaluation plus(Evaluation other) {
        List<Diagnostic> d = new ArrayList<>(diagnostics);
        d.addAll(other.diagnostics);
        List<NotApplicable> n = new ArrayList<>(notApplicable);
        n.addAll(other.notApplicable);
        return new Evaluation(d, n);
    }
}
