package policy.server;

import policy.OrderProcessingPack;
import policy.sdk.PolicyPack;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point the launchers run: serves a pack, prints the port as the first stdout line, logs to
 * stderr, exits after Cancel or SIGINT.
 *
 * <p>Arguments: the engine passes {@code [--logtostderr] [-v=N] [--tracing X] <engineAddress>} (the
 * shim mode adds {@code .} and {@code -key=value}); all are accepted and ignored. Our own option
 * {@code --pack <class>} serves another pack (a class with a static {@code create()}), for tests.
 */
public final class AnalyzerMain {
    private AnalyzerMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream stdout = System.out;
        PrintStream log = System.err;
        // Nothing but the port may reach stdout: the engine shows later lines as diagnostics.
        System.setOut(log);
        Arguments parsed = Arguments.parse(args);
        PolicyPack pack;
        try {
            pack = parsed.packClass == null ? OrderProcessingPack.create() : load(parsed.packClass);
        } catch (RuntimeException | ReflectiveOperationException e) {
            log.println("policy pack failed to load: " + (e.getCause() != null ? e.getCause() : e));
            System.exit(1);
            return;
        }
        AnalyzerServer server = AnalyzerServer.start(pack, log);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "analyzer-shutdown"));
        stdout.print(server.port() + "\n");
        stdout.flush();
        log.println("policy pack '" + pack.name() + "@v" + pack.version() + "' listening on 127.0.0.1:" + server.port()
                + (parsed.engineAddress.isEmpty() ? "" : " for engine " + parsed.engineAddress));
        server.awaitCancel();
        server.close();
        System.exit(0);
    }

    private static PolicyPack load(String className) throws ReflectiveOperationException {
        Method create = Class.forName(className).getMethod("create");
        return (PolicyPack) create.invoke(null);
    }

    /** Parsed command line; engine flags are dropped. */
    record Arguments(String engineAddress, String packClass) {
        static Arguments parse(String[] args) {
            List<String> positional = new ArrayList<>();
            String packClass = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--pack") && i + 1 < args.length) {
                    packClass = args[++i];
                } else if (a.startsWith("--pack=")) {
                    packClass = a.substring("--pack=".length());
                } else if (a.equals("--tracing") && i + 1 < args.length) {
                    i++;
                } else if (a.startsWith("-") || a.equals(".")) {
                    continue; // --logtostderr, --logflow, -v=N, --tracing=X, shim -key=value
                } else {
                    positional.add(a);
                }
            }
            String engine = positional.isEmpty() ? "" : positional.get(positional.size() - 1);
            return new Arguments(engine, packClass);
        }
    }
}
