package policy.sdk;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Runs a pack's policies with the engine's semantics, without gRPC: the analyzer server and the
 * offline checker both delegate here, and the offline plan can call it in-process:
 *
 * <pre>{@code
 * PackEvaluator evaluator = PackEvaluator.create(pack, Files.readString(configFile), StackInfo.NONE);
 * Evaluation result = evaluator.evaluate(resources);   // Analyze per resource, then AnalyzeStack
 * }</pre>
 *
 * <p>Immutable and thread-safe. Levels: configured → policy → pack default; disabled policies are
 * skipped; remediate leftovers are reported as mandatory. A policy that reads an unknown value is
 * reported as an advisory "cannot be decided during preview" naming the path; a policy that throws
 * is reported at its level with the error, and the stack trace goes to {@code errors}.
 */
public final class PackEvaluator {
    private static final String NO_OUTCOME = "the policy returned null instead of an Outcome";
    private final PolicyPack pack;
    private final ResolvedConfig config;
    private final StackInfo stack;
    private final PrintStream errors;

    public PackEvaluator(PolicyPack pack, ResolvedConfig config, StackInfo stack, PrintStream errors) {
        this.pack = pack;
        this.config = config;
        this.stack = stack;
        this.errors = errors;
    }

    /** From {@code --policy-pack-config} JSON text (empty for defaults); stack traces go to stderr. */
    public static PackEvaluator create(PolicyPack pack, String policyPackConfigJson, StackInfo stack) {
        return new PackEvaluator(pack, ResolvedConfig.resolve(pack, PackConfig.parse(policyPackConfigJson)), stack, System.err);
    }

    public PolicyPack pack() {
        return pack;
    }

    public ResolvedConfig config() {
        return config;
    }

    public StackInfo stack() {
        return stack;
    }

    public PackEvaluator withConfig(ResolvedConfig newConfig) {
        return new PackEvaluator(pack, newConfig, stack, errors);
    }

    public PackEvaluator withStack(StackInfo newStack) {
        return new PackEvaluator(pack, config, newStack, errors);
    }

    /** Analyze per resource (properties = inputs), then AnalyzeStack over the same list. */
    public Evaluation evaluate(List<ResourceInput> resources) {
        return evaluate(resources, resources);
    }

    /** Analyze per resource over {@code inputs}, then AnalyzeStack over {@code outputs}. */
    public Evaluation evaluate(List<ResourceInput> inputs, List<ResourceInput> outputs) {
        Evaluation total = new Evaluation(List.of(), List.of());
        for (ResourceInput r : inputs) {
            total = total.plus(analyze(r));
        }
        return total.plus(analyzeStack(outputs));
    }

    /** The engine's {@code Analyze}: every enabled resource policy against one resource's inputs. */
    public Evaluation analyze(ResourceInput resource) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Evaluation.NotApplicable> notApplicable = new ArrayList<>();
        ResourceView view = null;
        for (Policy policy : pack.policies()) {
            if (!(policy instanceof ResourcePolicy rp)) {
                continue;
            }
            ResolvedConfig.Setting setting = config.of(policy);
            if (setting.level() == EnforcementLevel.DISABLED) {
                continue;
            }
            if (!applies(policy, resource.type())) {
                notApplicable.add(new Evaluation.NotApplicable(policy.info().name(), resource.urn(), typeReason(policy)));
                continue;
            }
            if (view == null) {
                view = ResourceView.of(resource);
            }
            ResourceView target = view;
            check(policy, setting, resource.urn(), context -> rp.validate(target, context), diagnostics, notApplicable);
        }
        return new Evaluation(diagnostics, notApplicable);
    }

    /** The engine's {@code AnalyzeStack}: every enabled stack policy against all resources (outputs). */
    public Evaluation analyzeStack(List<ResourceInput> resources) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Evaluation.NotApplicable> notApplicable = new ArrayList<>();
        StackView view = null;
        for (Policy policy : pack.policies()) {
            if (!(policy instanceof StackPolicy sp)) {
                continue;
            }
            ResolvedConfig.Setting setting = config.of(policy);
            if (setting.level() == EnforcementLevel.DISABLED) {
                continue;
            }
            if (!policy.resourceTypes().isEmpty() && resources.stream().noneMatch(r -> applies(policy, r.type()))) {
                notApplicable.add(new Evaluation.NotApplicable(policy.info().name(), "", "the stack has no resource of type "
                        + String.join(", ", new TreeSet<>(policy.resourceTypes()))));
                continue;
            }
            if (view == null) {
                view = StackView.of(resources);
            }
            StackView target = view;
            check(policy, setting, "", context -> sp.validate(target, context), diagnostics, notApplicable);
        }
        return new Evaluation(diagnostics, notApplicable);
    }

    /** Remediations and not-applicable policies of one {@code Remediate} call. */
    public record RemediationResult(List<Remediation> remediations, List<Evaluation.NotApplicable> notApplicable) {
    }

    /**
     * The engine's {@code Remediate}: policies at level remediate, in order, each seeing the
     * properties left by the previous one; only real changes are returned.
     */
    public RemediationResult remediate(ResourceInput resource) {
        List<Remediation> remediations = new ArrayList<>();
        List<Evaluation.NotApplicable> notApplicable = new ArrayList<>();
        ResourceInput current = resource;
        for (Policy policy : pack.policies()) {
            if (!(policy instanceof ResourcePolicy rp)) {
                continue;
            }
            ResolvedConfig.Setting setting = config.of(policy);
            if (setting.level() != EnforcementLevel.REMEDIATE) {
                continue;
            }
            String name = policy.info().name();
            if (!rp.remediates()) {
                notApplicable.add(new Evaluation.NotApplicable(name, resource.urn(), "the policy does not implement remediation"));
                continue;
            }
            if (!applies(policy, resource.type())) {
                notApplicable.add(new Evaluation.NotApplicable(name, resource.urn(), typeReason(policy)));
                continue;
            }
            PolicyContext context = new PolicyContext(setting.config(), stack, setting.level());
            try {
                Optional<PropertyEdit> edit = rp.remediate(ResourceView.of(current), context);
                if (edit.isEmpty()) {
                    continue;
                }
                var next = edit.get().result();
                if (!next.equals(current.properties())) {
                    remediations.add(new Remediation(name, policy.info().description(), Optional.of(next), Optional.empty()));
                    current = withProperties(current, next);
                }
            } catch (UnknownValueException e) {
                remediations.add(new Remediation(name, policy.info().description(), Optional.empty(),
                        Optional.of("remediation '" + name + "' " + undecidableText(policy, e.path(), e.encryptedSecret()))));
            } catch (RuntimeException | StackOverflowError e) {
                logFailure(policy, resource.urn(), e);
                remediations.add(new Remediation(name, policy.info().description(), Optional.empty(),
                        Optional.of("remediation " + failureText(policy, e))));
            }
        }
        return new RemediationResult(remediations, notApplicable);
    }

    private static ResourceInput withProperties(ResourceInput r, com.google.protobuf.Struct props) {
        return new ResourceInput(r.type(), r.urn(), r.name(), props, r.options(), r.provider(), r.parent(),
                r.dependencies(), r.propertyDependencies());
    }

    private static boolean applies(Policy policy, String type) {
        Set<String> types = policy.resourceTypes();
        return types.isEmpty() || types.contains(type);
    }

    private static String typeReason(Policy policy) {
        return "the policy only applies to resources of type " + String.join(", ", new TreeSet<>(policy.resourceTypes()));
    }

    /** Runs one policy call: unknown reads become undecidable, exceptions become diagnostics at the policy's level. */
    private void check(Policy policy, ResolvedConfig.Setting setting, String urn, Function<PolicyContext, Outcome> call,
                       List<Diagnostic> diagnostics, List<Evaluation.NotApplicable> notApplicable) {
        PolicyContext context = new PolicyContext(setting.config(), stack, setting.level());
        Outcome outcome;
        try {
            outcome = Objects.requireNonNull(call.apply(context), NO_OUTCOME);
        } catch (UnknownValueException e) {
            outcome = new Outcome.Undecidable(e.path(), e.encryptedSecret());
        } catch (RuntimeException | StackOverflowError e) {
            diagnostics.add(failure(policy, setting.level(), urn, e));
            return;
        }
        record(policy, setting.level(), urn, outcome, diagnostics, notApplicable);
    }

    private void record(Policy policy, EnforcementLevel level, String urn, Outcome outcome,
                        List<Diagnostic> diagnostics, List<Evaluation.NotApplicable> notApplicable) {
        PolicyInfo info = policy.info();
        if (outcome instanceof Outcome.NotApplicable n) {
            notApplicable.add(new Evaluation.NotApplicable(info.name(), urn, n.reason()));
        } else if (outcome instanceof Outcome.Undecidable u) {
            diagnostics.add(diagnostic(info, EnforcementLevel.ADVISORY, undecidableText(policy, u.path(), u.encryptedSecret()),
                    urn.isEmpty() ? Optional.empty() : Optional.of(urn), Diagnostic.Kind.UNDECIDABLE));
        } else if (outcome instanceof Outcome.Violations v) {
            for (Violation violation : v.violations()) {
                // resource violations name the analyzed resource unless the policy named another one
                Optional<String> at = violation.urn().isPresent() || urn.isEmpty() ? violation.urn() : Optional.of(urn);
                diagnostics.add(diagnostic(info, level.reported(), violation.message(), at, Diagnostic.Kind.VIOLATION));
            }
        }
    }

    private Diagnostic failure(Policy policy, EnforcementLevel level, String urn, Throwable e) {
        logFailure(policy, urn, e);
        return diagnostic(policy.info(), level.reported(), failureText(policy, e),
                urn.isEmpty() ? Optional.empty() : Optional.of(urn), Diagnostic.Kind.POLICY_ERROR);
    }

    private void logFailure(Policy policy, String urn, Throwable e) {
        synchronized (errors) {
            errors.println("policy '" + policy.info().name() + "' from policy pack '" + packRef() + "' threw while checking "
                    + (urn.isEmpty() ? "the stack" : urn) + ":");
            e.printStackTrace(errors);
        }
    }

    private String packRef() {
        return pack.name() + "@v" + pack.version();
    }

    private String undecidableText(Policy policy, String path, boolean encryptedSecret) {
        String why = encryptedSecret
                ? "cannot be decided: '" + path + "' is an encrypted secret in this export; export with --show-secrets to check it"
                : "cannot be decided during preview: '" + path + "' is unknown until the resource is created";
        return why + " (policy '" + policy.info().name() + "' from policy pack '" + packRef() + "')";
    }

    private String failureText(Policy policy, Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return "policy '" + policy.info().name() + "' from policy pack '" + packRef() + "' failed with "
                + e.getClass().getSimpleName() + message;
    }

    private Diagnostic diagnostic(PolicyInfo info, EnforcementLevel level, String detail, Optional<String> urn, Diagnostic.Kind kind) {
        String message = detail.isEmpty() ? info.description() : info.description() + "\n" + detail;
        return new Diagnostic(info.name(), pack.name(), pack.version(), info.description(), message, level, urn,
                info.severity(), kind);
    }
}
