package infra.testing;

import com.pulumi.Context;
import infra.config.Settings;
import infra.config.StackFiles;
import infra.plan.AwsMocks;
import infra.plan.MockEngine;
import infra.plan.RenderedStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Test helpers: the checked-in stack files as settings, and in-process rendering under the mocks. */
public final class Stacks {
    private Stacks() {
    }

    /** The flat config of {@code Pulumi.<stack>.yaml} at the repository root. */
    public static StackFiles.StackConfig file(String stack) {
        try {
            return StackFiles.read(Path.of("Pulumi." + stack + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stack file's config with {@code overrides} (short keys get the project namespace; null removes). */
    public static Map<String, String> config(String stack, Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(file(stack).values());
        overrides.forEach((k, v) -> {
            String key = k.contains(":") ? k : Settings.PROJECT + ":" + k;
            if (v == null) {
                config.remove(key);
            } else {
                config.put(key, v);
            }
        });
        return config;
    }

    public static Settings settings(String stack) {
        return settings(stack, Map.of());
    }

    public static Settings settings(String stack, Map<String, String> overrides) {
        StackFiles.StackConfig file = file(stack);
        return infra.App.loadSettings(config(stack, overrides), file.secretKeys(), stack);
    }

    /** Renders {@code program} under the mocks for the settings' stack and region; fails on any program error. */
    public static RenderedStack render(Settings settings, Consumer<Context> program) {
        return render(settings, AwsMocks.Mode.KNOWN_OUTPUTS, program);
    }

    public static RenderedStack render(Settings settings, AwsMocks.Mode mode, Consumer<Context> program) {
        MockEngine.Run run = tryRender(settings, mode, program);
        if (run.failure() != null) {
            throw new AssertionError("program failed: " + run.failure(), run.failure());
        }
        return new RenderedStack(settings.project(), settings.stack(), settings.region(), run.resources());
    }

    /** Renders and returns the raw run, failures included (for error-path tests). */
    public static MockEngine.Run tryRender(Settings settings, AwsMocks.Mode mode, Consumer<Context> program) {
        Map<String, String> config = new HashMap<>();
        config.put("aws:region", settings.region());
        Set<String> secrets = new HashSet<>();
        return MockEngine.run(settings.project(), settings.stack(), config, secrets,
                new AwsMocks(settings.region(), mode), mode == AwsMocks.Mode.UNKNOWN_OUTPUTS, program);
    }
}
