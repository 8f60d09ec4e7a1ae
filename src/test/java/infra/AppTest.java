package infra;

import com.pulumi.exceptions.RunException;
import infra.plan.AwsMocks;
import infra.plan.MockEngine;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

final class AppTest {

    @Test
    void invalidEngineConfigEndsTheRunWithTheProblemListAndNoStackTrace() {
        assumeTrue(System.getenv("PULUMI_CONFIG") == null, "runs only outside the engine");

        MockEngine.Run run = MockEngine.run("order-processing", "dev", Map.of(), Set.of(),
                new AwsMocks("us-east-1", AwsMocks.Mode.KNOWN_OUTPUTS), false,
                ctx -> App.stack(ctx, App.settingsFromEngine(ctx)));

        RunException failure = assertInstanceOf(RunException.class, run.failure());
        assertEquals("""
                3 invalid stack settings:
                  - aws:region: is required (the AWS region to deploy to). \
                Fix: pulumi config set aws:region us-east-1 --stack dev
                  - aws:defaultTags: must carry the Environment tag (plan: tagging). \
                Fix: pulumi config set --path aws:defaultTags.tags.Environment dev --stack dev
                  - aws:defaultTags: must carry the Project tag (plan: tagging). \
                Fix: pulumi config set --path aws:defaultTags.tags.Project order-processing --stack dev""",
                failure.getMessage());
    }
}
