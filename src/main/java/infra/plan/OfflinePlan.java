package infra.plan;

import com.pulumi.Context;
import infra.config.Settings;
import infra.config.StackFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders one stack of the program in-process: reads its stack file, loads the settings, runs the
 * program under {@link MockEngine} with {@link AwsMocks}, and completes the capture into the
 * engine's view ({@link EngineView}). Policy evaluation and reporting are the caller's.
 */
public final class OfflinePlan {
    private OfflinePlan() {
    }

    /** A rendered stack and what it took; {@code failure} is the program's root error, if any. */
    public record Result(Settings settings, RenderedStack stack, Throwable failure, long renderNanos,
                         Map<String, Object> exports, List<String> warnings) {
    }

    /**
     * The stack file for {@code stackOrPath}: a stack name ({@code dev} means {@code Pulumi.dev.yaml}
     * in {@code projectDir}) or a path to a stack file.
     */
    public static StackFiles.StackConfig stackFile(Path projectDir, String stackOrPath) throws IOException {
        boolean looksLikePath = stackOrPath.contains("/") || stackOrPath.contains("\\") || stackOrPath.endsWith(".yaml")
                || stackOrPath.endsWith(".yml");
        Path file = looksLikePath ? Path.of(stackOrPath) : projectDir.resolve("Pulumi." + stackOrPath + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new IOException("no stack file " + file + "; stacks in " + projectDir.toAbsolutePath().normalize()
                    + ": " + knownStacks(projectDir));
        }
        return StackFiles.read(file);
    }

    private static String knownStacks(Path projectDir) throws IOException {
        try (Stream<Path> files = Files.list(projectDir)) {
            String names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .sorted().collect(Collectors.joining(", "));
            return names.isEmpty() ? "(none)" : names;
        }
    }

    /** Renders {@code program} for the settings; the engine sees the stack file's whole config. */
    public static Result render(StackFiles.StackConfig file, Settings settings, AwsMocks.Mode mode,
                                BiConsumer<Context, Settings> program) {
        boolean firstPreview = mode == AwsMocks.Mode.UNKNOWN_OUTPUTS;
        MockEngine.Run run = MockEngine.run(settings.project(), settings.stack(), file.values(), file.secretKeys(),
                new AwsMocks(settings.region(), mode), firstPreview, ctx -> program.accept(ctx, settings));
        RenderedStack stack = EngineView.complete(settings.project(), settings.stack(), settings.region(), file.values(),
                file.secretKeys(), run.resources(), firstPreview, run.stackOutputs());
        return new Result(settings, stack, run.failure(), run.elapsedNanos(),
                run.failure() == null ? run.exports() : Map.of(), run.warnings());
    }
}
