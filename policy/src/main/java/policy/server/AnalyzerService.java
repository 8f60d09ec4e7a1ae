package policy.server;

import com.google.protobuf.Empty;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import policy.sdk.PackEvaluator;
import policy.sdk.PolicyConfigException;
import policy.sdk.PolicyPack;
import policy.sdk.ResolvedConfig;
import policy.sdk.StackInfo;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerOuterClass;
import pulumirpc.Plugin;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The {@code pulumirpc.Analyzer} service over one pack. All mutable state is one immutable
 * {@link PackEvaluator} swapped atomically by {@code ConfigureStack} and {@code Configure}, so
 * concurrent {@code Analyze} calls see a consistent configuration. Policy failures never fail an
 * RPC; malformed requests fail with INVALID_ARGUMENT.
 */
public final class AnalyzerService extends AnalyzerGrpc.AnalyzerImplBase {
    /** Version of this SDK, reported by {@code GetPluginInfo} (the pack version is in AnalyzerInfo). */
    public static final String SDK_VERSION = "1.0.0";

    private final PolicyPack pack;
    /** Built on first request: its JSON conversions would otherwise delay the port line. */
    private volatile AnalyzerOuterClass.AnalyzerInfo info;
    private final AtomicReference<PackEvaluator> evaluator;
    private final AtomicReference<String> engineAddress = new AtomicReference<>("");
    private final Runnable onCancel;
    private final PrintStream log;

    public AnalyzerService(PolicyPack pack, Runnable onCancel, PrintStream log) {
        this.pack = pack;
        this.evaluator = new AtomicReference<>(new PackEvaluator(pack, ResolvedConfig.defaults(pack), StackInfo.NONE, log));
        this.onCancel = onCancel;
        this.log = log;
    }

    /** The engine address from Handshake (empty before it). */
    public String engineAddress() {
        return engineAddress.get();
    }

    @Override
    public void handshake(AnalyzerOuterClass.AnalyzerHandshakeRequest request,
                          StreamObserver<AnalyzerOuterClass.AnalyzerHandshakeResponse> response) {
        run(request, response, () -> {
            engineAddress.set(request.getEngineAddress());
            return AnalyzerOuterClass.AnalyzerHandshakeResponse.getDefaultInstance();
        });
    }

    @Override
    public void configureStack(AnalyzerOuterClass.AnalyzerStackConfigureRequest request,
                               StreamObserver<AnalyzerOuterClass.AnalyzerStackConfigureResponse> response) {
        run(request, response, () -> {
            StackInfo stack = new StackInfo(request.getStack(), request.getProject(), request.getOrganization(),
                    request.getDryRun(), request.getConfigMap(), java.util.Set.copyOf(request.getConfigSecretKeysList()),
                    request.getTagsMap());
            evaluator.updateAndGet(e -> e.withStack(stack));
            return AnalyzerOuterClass.AnalyzerStackConfigureResponse.getDefaultInstance();
        });
    }

    @Override
    public void getPluginInfo(Empty request, StreamObserver<Plugin.PluginInfo> response) {
        run(request, response, () -> Plugin.PluginInfo.newBuilder().setVersion(SDK_VERSION).build());
    }

    @Override
    public void getAnalyzerInfo(Empty request, StreamObserver<AnalyzerOuterClass.AnalyzerInfo> response) {
        run(request, response, this::info);
    }

    @Override
    public void configure(AnalyzerOuterClass.ConfigureAnalyzerRequest request, StreamObserver<Empty> response) {
        run(request, response, () -> {
            ResolvedConfig resolved;
            try {
                resolved = ResolvedConfig.resolve(pack, ProtoCodec.packConfig(request));
            } catch (PolicyConfigException e) {
                throw Status.INVALID_ARGUMENT.withDescription("invalid policy config for pack '" + pack.name() + "': "
                        + String.join("; ", e.problems())).asRuntimeException();
            }
            evaluator.updateAndGet(e -> e.withConfig(resolved));
            return Empty.getDefaultInstance();
        });
    }

    @Override
    public void analyze(AnalyzerOuterClass.AnalyzeRequest request, StreamObserver<AnalyzerOuterClass.AnalyzeResponse> response) {
        run(request, response, () -> ProtoCodec.response(evaluator.get().analyze(ProtoCodec.resource(request))));
    }

    @Override
    public void analyzeStack(AnalyzerOuterClass.AnalyzeStackRequest request,
                             StreamObserver<AnalyzerOuterClass.AnalyzeResponse> response) {
        run(request, response, () -> ProtoCodec.response(evaluator.get().analyzeStack(ProtoCodec.resources(request))));
    }

    @Override
    public void remediate(AnalyzerOuterClass.AnalyzeRequest request, StreamObserver<AnalyzerOuterClass.RemediateResponse> response) {
        run(request, response, () -> ProtoCodec.remediateResponse(pack, evaluator.get().remediate(ProtoCodec.resource(request))));
    }

    @Override
    public void cancel(Empty request, StreamObserver<Empty> response) {
        // answered even if the request was garbled: the engine only wants an acknowledgement
        response.onNext(Empty.getDefaultInstance());
        response.onCompleted();
        onCancel.run();
    }

    private AnalyzerOuterClass.AnalyzerInfo info() {
        AnalyzerOuterClass.AnalyzerInfo built = info;
        if (built == null) {
            built = ProtoCodec.analyzerInfo(pack);
            info = built; // a racing second build yields an equal message
        }
        return built;
    }

    private <T> void run(com.google.protobuf.Message request, StreamObserver<T> response, Supplier<T> call) {
        T result;
        try {
            ParseGuard.check(request);
            result = call.get();
        } catch (StatusRuntimeException e) {
            response.onError(e);
            return;
        } catch (RuntimeException | StackOverflowError e) {
            log.println("analyzer: internal error: " + e);
            e.printStackTrace(log);
            response.onError(Status.INTERNAL.withDescription("policy pack '" + pack.name() + "': " + e).asRuntimeException());
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }
}
