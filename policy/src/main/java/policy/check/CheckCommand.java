package policy.check;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import policy.OrderProcessingPack;
import policy.sdk.Evaluation;
import policy.sdk.Messages;
import policy.sdk.PackConfig;
import policy.sdk.PackEvaluator;
import policy.sdk.PolicyConfigException;
import policy.sdk.PolicyPack;
import policy.sdk.ResolvedConfig;
import policy.sdk.StackInfo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Runs the pack over a file, with the engine's level and config semantics: per-resource analysis
 * over inputs, then stack analysis over outputs. Exit codes: {@value #CLEAN} clean or advisory
 * only, {@value #MANDATORY} mandatory violations, {@value #USAGE} bad arguments or policy config,
 * {@value #UNREADABLE} unreadable input.
 */
@Command(name = "policy-check", mixinStandardHelpOptions = true,
        description = "Check a plan JSON, a `pulumi stack export` file or `pulumi preview --json` output against the policy pack.")
public final class CheckCommand implements Callable<Integer> {
    public static final int CLEAN = 0;
    public static final int MANDATORY = 1;
    public static final int USAGE = 2;
    public static final int UNREADABLE = 3;

    @Parameters(index = "0", description = "Input file: target/plan/<stack>.json, stack export or preview --json output")
    Path input;

    @Option(names = "--policy-pack-config", description = "Policy config JSON, the format of pulumi's --policy-pack-config")
    Path config;

    @Option(names = "--json", description = "Also write the report as JSON to this file")
    Path json;

    @Option(names = "--sarif", description = "Also write SARIF 2.1.0 to this file")
    Path sarif;

    @Option(names = "--stack", description = "Stack name the policies see (default: the plan file's stack, else none)")
    String stack;

    @Option(names = "--stack-config", paramLabel = "KEY=VALUE",
            description = "Stack config the policies see, e.g. order-processing:environment=prod (repeatable; "
                    + "added to what a plan file or preview --json carries, and wins over it)")
    Map<String, String> stackConfig = new LinkedHashMap<>();

    @Option(names = "--pack", description = "Class with a static create() returning the pack (default: the order-processing pack)")
    String packClass;

    private final PrintStream out;
    private final PrintStream err;

    CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new CheckCommand(out, err));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExitCodeExceptionMapper(e -> USAGE);
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        PolicyPack pack;
        try {
            pack = packClass == null ? OrderProcessingPack.create()
                    : (PolicyPack) Class.forName(packClass).getMethod("create").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            err.println("error: policy pack '" + packClass + "' cannot be loaded: " + e);
            return USAGE;
        }
        ResolvedConfig resolved;
        try {
            String configText = config == null ? "" : Files.readString(config, StandardCharsets.UTF_8);
            resolved = ResolvedConfig.resolve(pack, PackConfig.parse(configText));
        } catch (IOException e) {
            err.println("error: cannot read policy config " + config + ": " + e.getMessage());
            return USAGE;
        } catch (PolicyConfigException e) {
            err.println("error: invalid policy config" + (config == null ? "" : " in " + config) + ":");
            e.problems().forEach(p -> err.println("  - " + p));
            return USAGE;
        }
        InputFiles.CheckInput read;
        try {
            read = InputFiles.read(input);
        } catch (UnreadableInputException e) {
            err.println("error: " + e.getMessage());
            return UNREADABLE;
        }
        Map<String, String> config = new LinkedHashMap<>(read.stackConfig());
        config.putAll(stackConfig);
        StackInfo stackInfo = new StackInfo(stack != null ? stack : read.stack(), "", "", read.dryRun(), config, Set.of(), Map.of());
        Evaluation evaluation = new PackEvaluator(pack, resolved, stackInfo, err).evaluate(read.inputs(), read.outputs());
        String source = input.toString();
        out.print(Reports.text(pack, evaluation, source + " (" + read.format() + ", " + Messages.count(read.inputs().size(), "resource") + ")"));
        try {
            if (json != null) {
                Files.writeString(json, Reports.json(pack, evaluation, source), StandardCharsets.UTF_8);
            }
            if (sarif != null) {
                Files.writeString(sarif, Reports.sarif(pack, resolved, evaluation, source), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            err.println("error: cannot write report: " + e.getMessage());
            return USAGE;
        }
        return evaluation.hasMandatory() ? MANDATORY : CLEAN;
    }
}
