package policy.bench;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import policy.sample.SamplePack;
import policy.server.AnalyzerMain;
import policy.server.AnalyzerServer;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static policy.testing.Fixtures.struct;

/**
 * Prints figures, asserts nothing: process start to port line, Analyze latency per resource over
 * loopback (p50/p99), AnalyzeStack throughput for 1,000 and 10,000 resources. Run with
 * {@code java -cp <test classpath> policy.bench.AnalyzerBenchmark [launcher]}; see policy/README.md.
 */
public final class AnalyzerBenchmark {
    private static final int STARTS = 5;
    private static final int WARMUP_CALLS = 3_000;
    private static final int MEASURED_CALLS = 10_000;
    private static final int STACK_REPEATS = 5;

    private AnalyzerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String launcher = args.length > 0 ? args[0] : null;
        System.out.println("cpus=" + Runtime.getRuntime().availableProcessors() + " java=" + System.getProperty("java.version"));
        portLine(launcher);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        try (AnalyzerServer server = AnalyzerServer.start(SamplePack.create(), quiet)) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                    .maxInboundMessageSize(AnalyzerServer.MAX_MESSAGE_BYTES).build();
            var stub = AnalyzerGrpc.newBlockingStub(channel);
            analyzeLatency(stub);
            analyzeStack(stub, 1_000);
            analyzeStack(stub, 10_000);
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static void portLine(String launcher) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (launcher != null) {
            cmd.add(launcher);
        } else {
            cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                    "-cp", System.getProperty("java.class.path"), AnalyzerMain.class.getName()));
        }
        cmd.add("127.0.0.1:1");
        double[] millis = new double[STARTS];
        for (int i = 0; i < STARTS; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String port = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            millis[i] = (System.nanoTime() - start) / 1e6;
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(port)).usePlaintext().build();
            AnalyzerGrpc.newBlockingStub(channel).cancel(Empty.getDefaultInstance());
            channel.shutdownNow();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "port line (%s): min %.0f ms, median %.0f ms, max %.0f ms over %d starts%n",
                launcher == null ? "java -cp" : launcher, millis[0], millis[STARTS / 2], millis[STARTS - 1], STARTS);
    }

    private static void analyzeLatency(AnalyzerGrpc.AnalyzerBlockingStub stub) {
        AnalyzeRequest request = AnalyzeRequest.newBuilder().setType(SamplePack.QUEUE)
                .setUrn("urn:pulumi:dev::order-processing::aws:sqs/queue:Queue::orders").setName("orders")
                .setProperties(struct("{'name':'orders','visibilityTimeoutSeconds':30,'tags':{'Environment':'dev'},"
                        + "'redrivePolicy':'{\\\"deadLetterTargetArn\\\":\\\"arn:aws:sqs:eu-west-1:1:dlq\\\",\\\"maxReceiveCount\\\":5}'}"))
                .build();
        for (int i = 0; i < WARMUP_CALLS; i++) {
            stub.analyze(request);
        }
        long[] nanos = new long[MEASURED_CALLS];
        for (int i = 0; i < MEASURED_CALLS; i++) {
            long start = System.nanoTime();
            stub.analyze(request);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "Analyze over loopback: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d calls after %d warm-up)%n",
                nanos[MEASURED_CALLS / 2] / 1e6, nanos[(int) (MEASURED_CALLS * 0.99)] / 1e6, nanos[MEASURED_CALLS - 1] / 1e6,
                MEASURED_CALLS, WARMUP_CALLS);
    }

    private static void analyzeStack(AnalyzerGrpc.AnalyzerBlockingStub stub, int resources) {
        AnalyzeStackRequest.Builder b = AnalyzeStackRequest.newBuilder();
        for (int i = 0; i < resources; i++) {
            boolean queue = i % 2 == 0;
            String type = queue ? SamplePack.QUEUE : SamplePack.LOG_GROUP;
            String urn = "urn:pulumi:dev::order-processing::" + type + "::r" + i;
            Struct props = queue
                    ? struct("{'arn':'arn:aws:sqs:eu-west-1:1:r" + i + "','redrivePolicy':'{\\\"deadLetterTargetArn\\\":"
                    + "\\\"arn:aws:sqs:eu-west-1:1:r" + (i + 2) % resources + "\\\"}','tags':{'Environment':'dev','Project':'p'}}")
                    : struct("{'retentionInDays':30,'name':'/aws/ecs/dev/r" + i + "'}");
            b.addResources(AnalyzerResource.newBuilder().setType(type).setUrn(urn).setName("r" + i).setProperties(props)
                    .setParent("urn:pulumi:dev::order-processing::pulumi:pulumi:Stack::order-processing-dev")
                    .addDependencies("urn:pulumi:dev::order-processing::" + type + "::r" + Math.max(0, i - 1)));
        }
        AnalyzeStackRequest request = b.build();
        double[] millis = new double[STACK_REPEATS];
        int diagnostics = 0;
        for (int i = 0; i < STACK_REPEATS; i++) {
            long start = System.nanoTime();
            diagnostics = stub.analyzeStack(request).getDiagnosticsCount();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        double first = millis[0];
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "AnalyzeStack %,d resources (%.1f MB): first %.0f ms, median %.0f ms, best %.0f ms "
                        + "=> %,.0f resources/s (%d diagnostics)%n",
                resources, request.getSerializedSize() / 1e6, first, millis[STACK_REPEATS / 2], millis[0],
                resources / (millis[STACK_REPEATS / 2] / 1000), diagnostics);
    }
}
