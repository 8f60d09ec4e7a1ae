package infra.plan;

import infra.observability.RunbookFacts;
import infra.observability.Runbooks;

import com.pulumi.Context;
import infra.App;
import infra.config.InvalidConfigException;
import infra.config.Settings;
import infra.config.StackFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * The offline plan: renders stacks of the program in-process under the mock engine, prints the
 * resource tree, counts and timings, evaluates the policy gate, and writes
 * {@code <out>/<stack>.json}, {@code <stack>.mmd} and {@code <stack>.dot}.
 *
 * <p>{@code ./plan dev} (or {@code mvn -q compile exec:java -DmainClass=infra.plan.PlanCommand -DmainArgs=dev}).
 */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false, version = "order-processing offline plan 1.0.0",
        description = "Renders stacks offline under the mock engine and writes the plan files.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:clean (or advisory policy findings only)",
            "1:mandatory policy violations",
            "2:usage error (bad options)",
            "3:config error (invalid settings, missing or unreadable stack file)",
            "4:program error (the program failed while rendering, e.g. an unmocked invoke)"})
public final class PlanCommand implements Callable<Integer> {
    public static final int OK = 0;
    public static final int POLICY_VIOLATIONS = 1;
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    public static final int CONFIG_ERROR = 3;
    public static final int PROGRAM_ERROR = 4;

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    @Parameters(arity = "1..*", paramLabel = "STACK",
            description = "dev, staging, prod (reads Pulumi.<stack>.yaml) or a path to a stack file")
    List<String> stacks;

    @Option(names = "--unknown-outputs",
            description = "return computed outputs as unknown, as in the first preview of a new stack")
    boolean unknownOutputs;

    @Option(names = "--out-dir", defaultValue = "target/plan", description = "where to write the plan files (default: ${DEFAULT-VALUE})")
    Path outDir;

    @Option(names = "--project-dir", defaultValue = ".", description = "where Pulumi.<stack>.yaml live (default: ${DEFAULT-VALUE})")
    Path projectDir;

    @Option(names = {"--verbose", "--stacktrace"}, description = "print the stack trace of a program error")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final BiConsumer<Context, Settings> program;
    private final PolicyGate policyGate;

    /** The real program ({@link App#stack}) gated by the order-processing pack with {@code policy/config/<env>.json}. */
    public PlanCommand() {
        this(App::stack, PackGate.forProject(Path.of(".")));
    }

    public PlanCommand(BiConsumer<Context, Settings> program, PolicyGate policyGate) {
        this.program = program;
        this.policyGate = policyGate;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PlanCommand()).execute(args));
    }

    @Override
    public Integer call() {
        int worst = OK;
        for (String stack : stacks) {
            worst = Math.max(worst, plan(stack));
        }
        return worst;
    }

    private int plan(String stackOrPath) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AwsMocks.Mode mode = unknownOutputs ? AwsMocks.Mode.UNKNOWN_OUTPUTS : AwsMocks.Mode.KNOWN_OUTPUTS;

        long loadStart = System.nanoTime();
        StackFiles.StackConfig file;
        Settings settings;
        try {
            file = OfflinePlan.stackFile(projectDir, stackOrPath);
            settings = App.loadSettings(file.values(), file.secretKeys(), file.stack());
        } catch (IOException e) {
            return fail(err, CONFIG_ERROR, "error: " + e.getMessage());
        } catch (InvalidConfigException e) {
            return fail(err, CONFIG_ERROR, "error: stack '" + stackOrPath + "' has " + e.getMessage());
        }
        long loadNanos = System.nanoTime() - loadStart;

        OfflinePlan.Result result = OfflinePlan.render(file, settings, mode, program);
        if (result.failure() != null) {
            return programFailure(err, settings.stack(), result.failure());
        }
        RenderedStack stack = result.stack();

        out.println("Stack " + stack.project() + "/" + stack.stack() + " (" + settings.environment() + ", "
                + stack.region() + ", outputs " + (unknownOutputs ? "unknown" : "known") + ")");
        settings.offlineNotes().forEach(note -> out.println("Note: " + note));
        result.warnings().forEach(warning -> out.println("Warning: " + warning));
        ResourceTree.lines(stack).forEach(line -> out.println("  " + line));
        out.println();
        out.println("Resources per type (" + stack.resources().size() + " in all):");
        ResourceTree.countsByType(stack).forEach((type, n) -> out.printf("  %4d  %s%n", n, type));

        long policyStart = System.nanoTime();
        PolicyGate.Outcome outcome = policyGate.evaluate(stack, settings);
        long policyNanos = System.nanoTime() - policyStart;
        out.println();
        if (outcome.evaluated()) {
            out.println("Policies: " + outcome.mandatoryViolations() + " mandatory, " + outcome.advisoryViolations()
                    + " advisory violation(s)");
            outcome.reportLines().forEach(line -> out.println("  " + line));
        } else {
            out.println("Policies: not evaluated (no policy pack wired into the offline plan)");
        }

        Path written;
        try {
            written = write(stack, settings, mode);
            writeRunbooks(stack.stack(), settings, result.exports(), out);
        } catch (IOException e) {
            return fail(err, PROGRAM_ERROR, "error: could not write the plan files: " + e.getMessage());
        }
        out.println("Wrote " + written + " and the diagram beside it (.mmd, .dot)");
        out.printf("Timings: settings %.0f ms, render %.0f ms, policy evaluation %.0f ms; render + policies %.0f ms%n",
                loadNanos / NANOS_PER_MILLI, result.renderNanos() / NANOS_PER_MILLI, policyNanos / NANOS_PER_MILLI,
                (result.renderNanos() + policyNanos) / NANOS_PER_MILLI);
        out.flush();
        return outcome.mandatoryViolations() > 0 ? POLICY_VIOLATIONS : OK;
    }

    private Path write(RenderedStack stack, Settings settings, AwsMocks.Mode mode) throws IOException {
        Files.createDirectories(outDir);
        Path json = outDir.resolve(stack.stack() + ".json");
        Files.writeString(json, PlanJson.render(stack, settings.env(), mode) + "\n");
        ComponentDiagram diagram = ComponentDiagram.of(stack);
        String title = "Components of " + stack.project() + "/" + stack.stack() + " and their dependencies (offline plan)";
        Files.writeString(outDir.resolve(stack.stack() + ".mmd"), diagram.mermaid(title));
        Files.writeString(outDir.resolve(stack.stack() + ".dot"), diagram.dot(title));
        return json;
    }

    /**
     * The plan's incident runbooks with this stack's real names, generated from the stack outputs
     * (only when outputs are known: the first-preview mode has no names to put in).
     */
    private void writeRunbooks(String stackName, Settings settings, Map<String, Object> exports, PrintWriter out)
            throws IOException {
        Path file = outDir.resolve(stackName + "-runbooks.md");
        if (unknownOutputs) {
            // a runbook from an earlier known-outputs run would pass for this run's
            if (Files.deleteIfExists(file)) {
                out.println("Removed " + file + " from an earlier run: runbooks need known outputs, so none is "
                        + "written with --unknown-outputs");
            }
            return;
        }
        List<String> missing = RunbookFacts.OUTPUT_NAMES.stream().filter(n -> !exports.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            out.println("Runbooks not written: the program does not export " + String.join(", ", missing));
            return;
        }
        Files.writeString(file, Runbooks.markdown(RunbookFacts.fromOutputs(exports), settings.data().maxAcu(),
                settings.security().routesFindings()));
        out.println("Wrote " + file + " (incident runbooks with this stack's names)");
    }

    private int programFailure(PrintWriter err, String stack, Throwable failure) {
        if (failure instanceof InvalidConfigException e) {
            return fail(err, CONFIG_ERROR, "error: stack '" + stack + "' has " + e.getMessage());
        }
        String what = failure.getMessage() == null ? failure.getClass().getName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        int code = fail(err, PROGRAM_ERROR, "error: the program failed while rendering stack '" + stack + "': " + what
                + (verbose ? "" : " (run with --stacktrace for details)"));
        if (verbose) {
            failure.printStackTrace(err);
            err.flush();
        }
        return code;
    }

    private static int fail(PrintWriter err, int code, String message) {
        err.println(message);
        err.flush();
        return code;
    }
}
