package policy.rules;

import policy.OrderProcessingPack;
import policy.sdk.Diagnostic;
import policy.sdk.Evaluation;
import policy.sdk.PackConfig;
import policy.sdk.PackEvaluator;
import policy.sdk.PolicyPack;
import policy.sdk.ResolvedConfig;
import policy.sdk.ResourceInput;
import policy.sdk.ResourceOptions;
import policy.sdk.StackInfo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static policy.testing.Fixtures.struct;
import static policy.testing.Fixtures.urn;

/**
 * Runs the real pack through the evaluator's public Analyze / AnalyzeStack path and reports what
 * one rule said. Tests read {@link Verdict#violations()} (the detail after the description),
 * {@link Verdict#notApplicable()} and {@link Verdict#undecidable()}.
 */
public final class RuleCheck {
    public static final PolicyPack PACK = OrderProcessingPack.create();
    public static final String UNKNOWN = policy.testing.Fixtures.UNKNOWN_STRING;
    private static final StackInfo DEV = new StackInfo("dev", "order-processing", "", true, Map.of(), java.util.Set.of(), Map.of());

    private final String rule;
    private final PackEvaluator evaluator;

    private RuleCheck(String rule, String configJson) {
        this.rule = rule;
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        this.evaluator = new PackEvaluator(PACK, ResolvedConfig.resolve(PACK, PackConfig.parse(configJson)), DEV, quiet);
    }

    public static RuleCheck of(String rule) {
        return new RuleCheck(rule, "");
    }

    public static RuleCheck of(String rule, String configJson) {
        return new RuleCheck(rule, configJson.replace('\'', '"'));
    }

    /** A resource of the dev stack with JSON properties ({@code '} for {@code "}). */
    public static ResourceInput res(String type, String name, String json) {
        return ResourceInput.of(type, urn(type, name), name, struct(json));
    }

    /** The same, registered with {@code protect}. */
    public static ResourceInput protectedRes(String type, String name, String json) {
        ResourceOptions options = new ResourceOptions(true, List.of(), Optional.empty(), List.of(), List.of(),
                ResourceOptions.CustomTimeouts.NONE, "");
        return new ResourceInput(type, urn(type, name), name, struct(json), options, Optional.empty(), "", List.of(), Map.of());
    }

    /** A resource whose {@code property} depends on {@code targets} (how relations arrive during preview). */
    public static ResourceInput linked(ResourceInput r, String property, ResourceInput... targets) {
        return new ResourceInput(r.type(), r.urn(), r.name(), r.properties(), r.options(), r.provider(), r.parent(),
                r.dependencies(), Map.of(property, java.util.Arrays.stream(targets).map(ResourceInput::urn).toList()));
    }

    /** JSON text embedded as a string property (policy documents), written with {@code '} for {@code "}. */
    public static String doc(String json) {
        return "'" + json.replace("'", "\\'") + "'";
    }

    public Verdict resource(ResourceInput resource) {
        return verdict(evaluator.analyze(resource));
    }

    public Verdict resource(String type, String name, String json) {
        return resource(res(type, name, json));
    }

    public Verdict stack(ResourceInput... resources) {
        return verdict(evaluator.analyzeStack(List.of(resources)));
    }

    private Verdict verdict(Evaluation e) {
        List<Diagnostic> mine = e.diagnostics().stream().filter(d -> d.policyName().equals(rule)).toList();
        Optional<String> na = e.notApplicable().stream().filter(n -> n.policyName().equals(rule))
                .map(Evaluation.NotApplicable::reason).findFirst();
        return new Verdict(mine, na);
    }

    /** What one rule reported. */
    public record Verdict(List<Diagnostic> diagnostics, Optional<String> notApplicableReason) {
        /** Violation details (message without the description line), in order. */
        public List<String> violations() {
            return diagnostics.stream().filter(d -> d.kind() == Diagnostic.Kind.VIOLATION)
                    .map(d -> d.message().substring(d.message().indexOf('\n') + 1)).toList();
        }

        public boolean compliant() {
            return diagnostics.isEmpty() && notApplicableReason.isEmpty();
        }

        public String notApplicable() {
            return notApplicableReason.orElse("(applicable)");
        }

        /** True when the only diagnostic is the advisory "cannot be decided during preview". */
        public boolean undecidable() {
            return diagnostics.size() == 1 && diagnostics.get(0).kind() == Diagnostic.Kind.UNDECIDABLE
                    && diagnostics.get(0).level() == policy.sdk.EnforcementLevel.ADVISORY;
        }

        public List<Diagnostic> mandatory() {
            return diagnostics.stream().filter(d -> d.level() == policy.sdk.EnforcementLevel.MANDATORY).toList();
        }
    }
}
