package policy.server;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import policy.sdk.PolicyPack;
import pulumirpc.AnalyzerGrpc;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/** A server on 127.0.0.1 plus a plaintext client channel to it, as the engine would dial. */
final class LoopbackAnalyzer implements AutoCloseable {
    final AnalyzerServer server;
    final ManagedChannel channel;
    final AnalyzerGrpc.AnalyzerBlockingStub stub;

    LoopbackAnalyzer(PolicyPack pack, PrintStream log) throws IOException {
        server = AnalyzerServer.start(pack, log);
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                .maxInboundMessageSize(AnalyzerServer.MAX_MESSAGE_BYTES).build();
        stub = AnalyzerGrpc.newBlockingStub(channel);
    }

    AnalyzerGrpc.AnalyzerBlockingStub stub() {
        return stub.withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
    }
}
