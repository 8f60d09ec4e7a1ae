package infra.plan;

import com.pulumi.Context;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a Pulumi program in-process under the SDK's mock engine and captures every full
 * {@link RegisterResourceRequest}. This is the only class that touches the SDK's internal test
 * API ({@code com.pulumi.test.internal}, pinned to SDK 1.36.1).
 */
public final class MockEngine {
    private MockEngine() {
    }

    /** The outcome of one in-process run. */
    public record Run(List<CapturedResource> resources, TestResult result, long elapsedNanos, List<String> warnings) {
        /**
         * The stack's exported outputs, resolved; an output that is unknown (first-preview mode) or
         * failed is left out.
         */
        public Map<String, Object> exports() {
            Map<String, Object> values = new java.util.TreeMap<>();
            result.outputs().forEach((name, output) -> {
                try {
                    var data = PulumiTestInternal.extractOutputData(output);
                    if (data.isKnown() && data.getValueNullable() != null) {
                        values.put(name, data.isSecret() ? "[secret]" : data.getValueNullable());
                    }
                } catch (RuntimeException e) {
                    // a failed output is reported through failure(); it has no value to show
                }
            });
            return values;
        }

        /**
         * The stack's exported outputs as the engine's state holds them on the root stack resource:
         * wire values, a secret one as the secret envelope with its value masked, an unknown one
         * (first-preview mode) as the unknown sentinel. A failed output is left out.
         */
        public com.google.protobuf.Struct stackOutputs() {
            Map<String, com.google.protobuf.Value> values = new java.util.TreeMap<>();
            result.outputs().forEach((name, output) -> {
                try {
                    var data = PulumiTestInternal.extractOutputData(output);
                    if (!data.isKnown()) {
                        values.put(name, StructValues.toValue(AwsMocks.UNKNOWN));
                    } else if (data.isSecret()) {
                        values.put(name, EngineView.secret());
                    } else {
                        values.put(name, StructValues.toValue(data.getValueNullable()));
                    }
                } catch (RuntimeException e) {
                    // a failed output is reported through failure(); it has no value to show
                }
            });
            return com.google.protobuf.Struct.newBuilder().putAllFields(values).build();
        }

        /** The root cause of the first failure, if the program failed. */
        public Throwable failure() {
            List<Exception> ex = result.exceptions();
            if (ex.isEmpty()) {
                return null;
            }
            Throwable t = ex.get(ex.size() - 1);
            while (t.getCause() != null && t.getCause() != t
                    && (t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)) {
                t = t.getCause();
            }
            return t;
        }
    }

    /**
     * Runs {@code program} as stack {@code stack} of {@code project}, with {@code config}
     * (full keys such as {@code aws:region}) and the given secret keys.
     */
    public static Run run(String project, String stack, Map<String, String> config, Set<String> secretKeys,
                          Mocks mocks, boolean preview, Consumer<Context> program) {
        List<CapturedResource> captured = Collections.synchronizedList(new ArrayList<>());
        // the program's ctx.log().warn(...) lines are what the CLI would show as warnings; keep them
        // (the SDK's own debug and error chatter stays out: failures are reported through failure())
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Logger quiet = Logger.getAnonymousLogger();
        quiet.setUseParentHandlers(false);
        quiet.setLevel(Level.WARNING);
        quiet.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel() == Level.WARNING && record.getMessage() != null) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        long start = System.nanoTime();
        TestResult result;
        try {
            result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(project).stackName(stack).preview(preview).build())
                    .mocks(mocks)
                    .config(config, secretKeys)
                    .standardLogger(quiet)
                    .monitorDecorator(inner -> new CapturingMonitor(mocks, PulumiTestInternal.mockLog(quiet), captured))
                    .build()
                    .runTest(program);
        } finally {
            PulumiTestInternal.cleanup();
        }
        long elapsed = System.nanoTime() - start;
        List<CapturedResource> ordered;
        synchronized (captured) {
            ordered = List.copyOf(captured);
        }
        List<String> warned;
        synchronized (warnings) {
            warned = List.copyOf(new java.util.LinkedHashSet<>(warnings));
        }
        return new Run(ordered, result, elapsed, warned);
    }

    private static final String ROOT_STACK_QUALIFIER = "pulumi:pulumi:Stack$";

    /**
     * The engine leaves the root stack's type out of its children's type chain
     * ({@code urn:pulumi:dev::proj::aws:sqs/queue:Queue::q}); the SDK's mock monitor keeps it. This
     * rewrites mock URNs to the engine's form, except the stack's own URN.
     */
    static String engineUrn(String urn) {
        if (urn == null || urn.isEmpty()) {
            return urn;
        }
        int typeStart = urn.indexOf("::", urn.indexOf("::") + 2) + 2;
        return urn.startsWith(ROOT_STACK_QUALIFIER, typeStart)
                ? urn.substring(0, typeStart) + urn.substring(typeStart + ROOT_STACK_QUALIFIER.length())
                : urn;
    }

    /**
     * Dependency URNs in the engine's form, sorted: the SDK collects them from a set, so their
     * order changes from run to run, and to the engine they are a set anyway.
     */
    private static List<String> engineUrns(List<String> urns) {
        return urns.stream().map(MockEngine::engineUrn).sorted().toList();
    }

    /** A mock monitor that records each registration request with the URN and outputs it answered. */
    private static final class CapturingMonitor extends MockMonitor {
        private final List<CapturedResource> sink;

        CapturingMonitor(Mocks mocks, com.pulumi.Log log, List<CapturedResource> sink) {
            super(mocks, log);
            this.sink = sink;
        }

        @Override
        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
            return super.registerResourceAsync(resource, request).thenApply(response -> {
                sink.add(capture(request, response));
                return response;
            });
        }

        private static CapturedResource capture(RegisterResourceRequest r, RegisterResourceResponse response) {
            Map<String, List<String>> propertyDependencies = new java.util.TreeMap<>();
            r.getPropertyDependenciesMap().forEach((k, v) -> propertyDependencies.put(k, engineUrns(v.getUrnsList())));
            List<String> aliases = new ArrayList<>(r.getAliasURNsList());
            r.getAliasesList().forEach(a -> aliases.add(a.hasUrn() ? a.getUrn() : a.toString().replace('\n', ' ').trim()));
            var t = r.getCustomTimeouts();
            return new CapturedResource(
                    engineUrn(response.getUrn()), r.getType(), r.getName(), r.getCustom(), engineUrn(r.getParent()),
                    response.getId(), r.getProvider(), engineUrns(r.getDependenciesList()), propertyDependencies,
                    r.getProtect(), r.getRetainOnDelete(), r.getDeleteBeforeReplace(),
                    List.copyOf(r.getIgnoreChangesList()), List.copyOf(aliases),
                    List.copyOf(r.getAdditionalSecretOutputsList()),
                    new CapturedResource.CustomTimeouts(t.getCreate(), t.getUpdate(), t.getDelete()),
                    r.getObject(), response.getObject());
        }
    }
}
