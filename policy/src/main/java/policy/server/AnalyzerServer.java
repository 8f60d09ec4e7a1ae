package policy.server;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import policy.sdk.PolicyPack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A running Analyzer gRPC server: 127.0.0.1 only, a free port, 400 MiB messages. {@link #awaitCancel()}
 * returns after the engine's {@code Cancel}.
 */
public final class AnalyzerServer implements AutoCloseable {
    /** The engine and the node/python SDKs accept messages up to 400 MiB (large AnalyzeStack calls). */
    public static final int MAX_MESSAGE_BYTES = 400 * 1024 * 1024;
    /** Loopback only: the engine dials 127.0.0.1, and nothing else may reach the pack. */
    public static final String BIND_HOST = "127.0.0.1";

    private final Server server;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final AnalyzerService service;

    private AnalyzerServer(PolicyPack pack, PrintStream log) throws IOException {
        this.service = new AnalyzerService(pack, cancelled::countDown, log);
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress(BIND_HOST, 0))
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .addService(ParseGuard.guard(service.bindService()))
                .build()
                .start();
    }

    public static AnalyzerServer start(PolicyPack pack, PrintStream log) throws IOException {
        return new AnalyzerServer(pack, log);
    }

    public int port() {
        return server.getPort();
    }

    public AnalyzerService service() {
        return service;
    }

    /** Blocks until the engine calls Cancel. */
    public void awaitCancel() throws InterruptedException {
        cancelled.await();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Lets in-flight calls finish for up to two seconds, then stops. */
    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
