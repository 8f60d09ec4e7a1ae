package policy.server;

import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import policy.sample.SamplePack;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeRequest;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static policy.testing.Fixtures.struct;

/**
 * Starts the pack as the engine does: a separate process with engine flags and an address, reads
 * the port from the first stdout line, handshakes, analyzes, cancels and expects the process to
 * exit. With {@code -Dpolicy.launcher=<file>} (set by {@code mvn -f policy verify}) it runs the
 * packaged executable; otherwise {@code java -cp <test classpath>} with the same main class.
 */
class LauncherProcessTest {

    private static List<String> command(String... args) {
        String launcher = System.getProperty("policy.launcher");
        List<String> cmd = new ArrayList<>();
        if (launcher != null && !launcher.isEmpty()) {
            cmd.add(launcher);
        } else {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(AnalyzerMain.class.getName());
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    private record Started(Process process, int port, BufferedReader stdout) {
    }

    private static Started start() throws Exception {
        File stderr = File.createTempFile("policy-pack", ".err");
        stderr.deleteOnExit();
        Process process = new ProcessBuilder(command("--logtostderr", "-v=9", "--tracing", "file:/dev/null",
                "--pack", SamplePack.class.getName(), "127.0.0.1:1"))
                .redirectError(stderr).start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        String first = stdout.readLine();
        assertTrue(first != null && first.matches("\\d{1,5}"), "first stdout line must be the port, got " + first
                + "; stderr: " + Files.readString(stderr.toPath()));
        return new Started(process, Integer.parseInt(first), stdout);
    }

    @Test
    void servesOnThePrintedPortAndExitsAfterCancel() throws Exception {
        Started started = start();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", started.port()).usePlaintext().build();
        try {
            var stub = AnalyzerGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);

            stub.handshake(AnalyzerHandshakeRequest.newBuilder().setEngineAddress("127.0.0.1:1").build());
            String packName = stub.getAnalyzerInfo(Empty.getDefaultInstance()).getName();
            AnalyzeResponse response = stub.analyze(AnalyzeRequest.newBuilder().setType(SamplePack.QUEUE)
                    .setUrn("urn:pulumi:dev::p::aws:sqs/queue:Queue::orders").setName("orders")
                    .setProperties(struct("{'tags':{'Environment':'dev','Project':'p'}}")).build());
            stub.cancel(Empty.getDefaultInstance());

            assertEquals(SamplePack.NAME, packName);
            assertEquals(List.of("sample-queue-encrypted"),
                    response.getDiagnosticsList().stream().map(d -> d.getPolicyName()).toList());
            assertTrue(started.process().waitFor(10, TimeUnit.SECONDS), "the pack did not exit after Cancel");
            assertEquals(0, started.process().exitValue());
            assertEquals(null, started.stdout().readLine(), "nothing but the port may reach stdout");
        } finally {
            channel.shutdownNow();
            started.process().destroyForcibly();
        }
    }

    @Test
    void exitsOnSigint() throws Exception {
        Started started = start();
        try {
            long pid = started.process().pid();
            // A JVM cannot un-ignore SIGINT: if whoever started this test ignores it (background
            // jobs of a non-interactive shell do), the child inherits that and the check is moot.
            Assumptions.assumeFalse(sigintIgnored(pid), "SIGINT is ignored in this test environment");

            new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();

            assertTrue(started.process().waitFor(10, TimeUnit.SECONDS), "the pack did not exit after SIGINT");
        } finally {
            started.process().destroyForcibly();
        }
    }

    /** Reads the ignored-signals mask from /proc (Linux); SIGINT is signal 2, bit 1. */
    private static boolean sigintIgnored(long pid) throws Exception {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).trim(), 16) & 0x2L) != 0;
            }
        }
        return false;
    }
}
