package infra.plan;

import infra.config.Settings;
import policy.OrderProcessingPack;
import policy.rules.tags.TaggableResourcesCarryRequiredTags;
import policy.sdk.Diagnostic;
import policy.sdk.EnforcementLevel;
import policy.sdk.Evaluation;
import policy.sdk.PackEvaluator;
import policy.sdk.PolicyConfigException;
import policy.sdk.PolicyPack;
import policy.sdk.ResourceInput;
import policy.sdk.ResourceOptions;
import policy.sdk.StackInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The policy gate of the offline plan: runs {@link OrderProcessingPack} over a rendered stack the
 * way the engine would (Analyze per resource on inputs, with the provider's inputs and the resource
 * options; AnalyzeStack on outputs), configured by {@code <configDir>/<environment>.json}.
 */
public final class PackGate implements PolicyGate {
    /** Where the per-environment {@code --policy-pack-config} files live, relative to the project. */
    public static final Path CONFIG_DIR = Path.of("policy", "config");

    private final PolicyPack pack;
    private final Path configDir;

    public PackGate(PolicyPack pack, Path configDir) {
        this.pack = pack;
        this.configDir = configDir;
    }

    /** The order-processing pack with the project's config files. */
    public static PackGate forProject(Path projectDir) {
        return new PackGate(OrderProcessingPack.create(), projectDir.resolve(CONFIG_DIR));
    }

    @Override
    public Outcome evaluate(RenderedStack stack, Settings settings) {
        Path configFile = configDir.resolve(settings.env() + ".json");
        String configJson;
        try {
            configJson = Files.isRegularFile(configFile) ? Files.readString(configFile) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("could not read policy config " + configFile, e);
        }
        Evaluation evaluation;
        try {
            evaluation = evaluate(stack, settings, configJson);
        } catch (PolicyConfigException e) {
            return new Outcome(true, List.of("mandatory policy config " + configFile + " is invalid: " + e.getMessage()), 1, 0);
        }
        List<String> lines = new ArrayList<>();
        if (configJson.isEmpty()) {
            lines.add("(no " + configFile + "; rules run with the pack's defaults)");
        }
        lines.addAll(report(evaluation.diagnostics()));
        int mandatory = (int) evaluation.diagnostics().stream().filter(d -> d.level() == EnforcementLevel.MANDATORY).count();
        return new Outcome(true, lines, mandatory, evaluation.diagnostics().size() - mandatory);
    }

    /** The pack's evaluation of a rendered stack with the given {@code --policy-pack-config} text. */
    public Evaluation evaluate(RenderedStack stack, Settings settings, String configJson) {
        // the stack config the engine would send in ConfigureStack, as far as the pack reads it
        StackInfo info = new StackInfo(stack.stack(), stack.project(), "", true, Map.of("aws:region", stack.region(),
                TaggableResourcesCarryRequiredTags.ENVIRONMENT_SETTING, settings.env()), Set.of(), settings.defaultTags());
        PackEvaluator evaluator = PackEvaluator.create(pack, configJson, info);
        Evaluation total = new Evaluation(List.of(), List.of());
        for (ResourceInput resource : inputs(stack, false)) {
            total = total.plus(attributed(evaluator.analyze(resource), resource.urn()));
        }
        return total.plus(evaluator.analyzeStack(inputs(stack, true)));
    }

    /** Analyze diagnostics name no URN (the engine knows the resource); the report needs it. */
    private static Evaluation attributed(Evaluation e, String urn) {
        List<Diagnostic> named = e.diagnostics().stream().map(d -> d.urn().isPresent() ? d
                : new Diagnostic(d.policyName(), d.packName(), d.packVersion(), d.description(), d.message(), d.level(),
                        Optional.of(urn), d.severity(), d.kind())).toList();
        return new Evaluation(named, e.notApplicable());
    }

    /** One line per diagnostic, mandatory first: level, rule, resource, message detail. */
    static List<String> report(List<Diagnostic> diagnostics) {
        return diagnostics.stream()
                .sorted(Comparator.comparing((Diagnostic d) -> d.level() != EnforcementLevel.MANDATORY)
                        .thenComparing(Diagnostic::policyName).thenComparing(d -> d.urn().orElse(""))
                        .thenComparing(Diagnostic::message))
                .map(d -> d.level().text() + "  " + d.policyName() + "  " + d.urn().map(PackGate::shortUrn).orElse("(stack)")
                        + "  " + detail(d))
                .toList();
    }

    private static String detail(Diagnostic d) {
        int newline = d.message().indexOf('\n');
        return newline < 0 ? d.message() : d.message().substring(newline + 1).replace('\n', ' ');
    }

    /** {@code type::name} from a URN ({@code urn:pulumi:stack::project::parent$type::name}). */
    static String shortUrn(String urn) {
        String[] parts = urn.split("::", 4);
        if (parts.length < 4) {
            return urn;
        }
        String type = parts[2].substring(parts[2].lastIndexOf('$') + 1);
        return type + "::" + parts[3];
    }

    /** The stack's registrations as the engine hands them to analyzers (inputs, or outputs for AnalyzeStack). */
    static List<ResourceInput> inputs(RenderedStack stack, boolean outputs) {
        Map<String, CapturedResource> byUrn = stack.resources().stream()
                .collect(Collectors.toMap(CapturedResource::urn, Function.identity(), (a, b) -> a));
        List<ResourceInput> out = new ArrayList<>();
        for (CapturedResource r : stack.resources()) {
            ResourceOptions options = new ResourceOptions(r.protect(), r.ignoreChanges(),
                    r.deleteBeforeReplace() ? Optional.of(true) : Optional.empty(), r.additionalSecretOutputs(), r.aliases(),
                    ResourceOptions.CustomTimeouts.NONE, r.parentUrn());
            out.add(new ResourceInput(r.type(), r.urn(), r.name(), outputs ? r.outputs() : r.inputs(), options,
                    provider(r, byUrn), r.parentUrn(), r.dependencies(), r.propertyDependencies()));
        }
        return out;
    }

    /** The provider named by a {@code <urn>::<id>} reference, with its inputs. */
    private static Optional<ResourceInput.ProviderInput> provider(CapturedResource r, Map<String, CapturedResource> byUrn) {
        String ref = r.provider();
        int split = ref == null ? -1 : ref.lastIndexOf("::");
        if (split < 0) {
            return Optional.empty();
        }
        CapturedResource p = byUrn.get(ref.substring(0, split));
        return p == null ? Optional.empty() : Optional.of(new ResourceInput.ProviderInput(p.type(), p.urn(), p.name(), p.inputs()));
    }
}
