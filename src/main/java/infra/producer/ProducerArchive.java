package infra.producer;

import com.pulumi.asset.Archive;
import com.pulumi.asset.FileArchive;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The handler's deployment archive. The pom's {@code order-producer-zip} execution writes it during
 * {@code mvn compile}, which is what {@code pulumi up} runs, so it exists whenever the program runs.
 */
public final class ProducerArchive {
    /** Relative to the program directory, where the language host runs Maven. */
    public static final Path DEFAULT_PATH = Path.of("target", "order-producer.zip");
    /** The handler entry point inside the archive. */
    public static final String HANDLER = "orders.producer.OrderProducerHandler::handleRequest";

    private ProducerArchive() {
    }

    /** The archive at {@code path}; fails with the command that builds it when it is missing. */
    public static Archive at(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("the order-producer deployment archive " + path + " does not exist (looked in "
                    + path.toAbsolutePath() + "); build it with `mvn compile` in the program directory, which runs the"
                    + " pom's order-producer-zip execution");
        }
        return new FileArchive(path.toString());
    }
}
