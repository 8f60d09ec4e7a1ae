package infra.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import infra.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offline plan command, run in-process through picocli with a small fake program. */
final class PlanCommandTest {
    private static final String PROVIDER_URN = "urn:pulumi:dev::order-processing::pulumi:providers:aws::default_6_83_0";
    private static final String SECRET_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[],\"Id\":\"do-not-print\"}";

    @TempDir
    Path out;

    /** A queue pair, as a messaging component would build it. */
    static final class Messaging extends ComponentResource {
        final Queue queue;

        Messaging(String name) {
            super("order-processing:test:Messaging", name, ComponentResourceOptions.builder().build());
            var dlq = new Queue(name + "-dlq", QueueArgs.builder().messageRetentionSeconds(1209600).build(),
                    CustomResourceOptions.builder().parent(this).protect(true).retainOnDelete(true)
                            .ignoreChanges("tags").customTimeouts(CustomTimeouts.builder().create(Duration.ofMinutes(5)).build())
                            .build());
            queue = new Queue(name + "-queue", QueueArgs.builder()
                    .redrivePolicy(dlq.arn().applyValue(arn -> "{\"deadLetterTargetArn\":\"" + arn + "\"}"))
                    .policy(Output.ofSecret(SECRET_POLICY))
                    .build(), CustomResourceOptions.builder().parent(this).build());
            registerOutputs(Map.of("queueArn", queue.arn()));
        }
    }

    /** A consumer that only knows the queue ARN it was given. */
    static final class Consumer extends ComponentResource {
        Consumer(String name, Output<String> queueArn) {
            super("order-processing:test:Consumer", name, ComponentResourceOptions.builder().build());
            new Queue(name + "-events", QueueArgs.builder().tags(queueArn.applyValue(arn -> Map.of("Source", arn))).build(),
                    CustomResourceOptions.builder().parent(this).build());
            registerOutputs(Map.of());
        }
    }

    private static final BiConsumer<Context, Settings> FAKE_PROGRAM = (ctx, settings) -> {
        var messaging = new Messaging("orders");
        new Consumer("backend", messaging.queue.arn());
    };

    private record Execution(int exitCode, String out, String err) {
    }

    private Execution execute(BiConsumer<Context, Settings> program, PolicyGate gate, String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--project-dir", ".", "--out-dir", out.toString()));
        all.addAll(List.of(args));
        int code = new CommandLine(new PlanCommand(program, gate))
                .setOut(new PrintWriter(stdout)).setErr(new PrintWriter(stderr))
                .execute(all.toArray(String[]::new));
        return new Execution(code, stdout.toString(), stderr.toString());
    }

    private JsonObject planResource(String name) throws IOException {
        JsonObject plan = JsonParser.parseString(Files.readString(out.resolve("dev.json"))).getAsJsonObject();
        for (var element : plan.getAsJsonArray("resources")) {
            if (element.getAsJsonObject().get("name").getAsString().equals(name)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no resource " + name + " in the plan");
    }

    @Test
    void writesEveryRegistrationWithUrnParentDependenciesInputsAndOptions() throws IOException {
        Execution run = execute(FAKE_PROGRAM, PolicyGate.NONE, "dev");

        assertEquals(0, run.exitCode(), run.err());
        JsonObject dlq = planResource("orders-dlq");
        String dlqUrn = "urn:pulumi:dev::order-processing::order-processing:test:Messaging$aws:sqs/queue:Queue::orders-dlq";
        assertEquals(dlqUrn, dlq.get("urn").getAsString());
        assertEquals("aws:sqs/queue:Queue", dlq.get("type").getAsString());
        assertEquals("urn:pulumi:dev::order-processing::order-processing:test:Messaging::orders", dlq.get("parent").getAsString());
        assertEquals(1209600, dlq.getAsJsonObject("inputs").get("messageRetentionSeconds").getAsLong());
        assertEquals(JsonParser.parseString("""
                {"protect": true, "retainOnDelete": true, "deleteBeforeReplace": false, "ignoreChanges": ["tags"],
                 "aliases": [], "additionalSecretOutputs": [],
                 "customTimeouts": {"create": "300000000000ns", "update": null, "delete": null}}"""), dlq.get("options"));

        JsonObject queue = planResource("orders-queue");
        String dlqArn = dlq.getAsJsonObject("outputs").get("arn").getAsString();
        assertTrue(dlqArn.startsWith("arn:aws:sqs:us-east-1:123456789012:"), dlqArn);
        assertEquals("{\"deadLetterTargetArn\":\"" + dlqArn + "\"}", queue.getAsJsonObject("inputs").get("redrivePolicy").getAsString());
        assertEquals(JsonParser.parseString("[\"" + dlqUrn + "\"]"), queue.getAsJsonObject("propertyDependencies").get("redrivePolicy"));
        assertTrue(queue.getAsJsonArray("dependencies").contains(JsonParser.parseString("\"" + dlqUrn + "\"")));
    }

    @Test
    void masksSecretInputsInThePlanFile() throws IOException {
        execute(FAKE_PROGRAM, PolicyGate.NONE, "dev");

        assertEquals(JsonParser.parseString("{\"4dabf18193072939515e22adb298388d\": \"1b47061264138c4ac30d75fd1eb44270\", "
                + "\"value\": \"[secret]\"}"), planResource("orders-queue").getAsJsonObject("inputs").get("policy"));
        assertEquals(JsonParser.parseString("{\"4dabf18193072939515e22adb298388d\": \"1b47061264138c4ac30d75fd1eb44270\", "
                + "\"value\": \"[secret]\"}"), planResource("orders-queue").getAsJsonObject("outputs").get("policy"));
        assertFalse(Files.readString(out.resolve("dev.json")).contains("do-not-print"));
    }

    @Test
    void emulatesTheDefaultAwsProviderFromTheStacksAwsConfig() throws IOException {
        execute(FAKE_PROGRAM, PolicyGate.NONE, "dev");

        JsonObject provider = planResource("default_6_83_0");
        assertEquals(PROVIDER_URN, provider.get("urn").getAsString());
        assertEquals("pulumi:providers:aws", provider.get("type").getAsString());
        assertEquals(JsonParser.parseString("""
                {"region": "us-east-1", "version": "6.83.0",
                 "defaultTags": {"tags": {"Environment": "dev", "Project": "order-processing", "ManagedBy": "pulumi",
                                          "CostCenter": "order-processing-dev"}}}"""), provider.get("inputs"));
        String reference = PROVIDER_URN + "::" + provider.get("id").getAsString();
        assertEquals(reference, planResource("orders-dlq").get("provider").getAsString());
        assertEquals(reference, planResource("backend-events").get("provider").getAsString());
        assertTrue(planResource("orders").get("provider").isJsonNull(), "components have no provider");
    }

    @Test
    void printsTheTreeCountsAndTimingsAndDrawsComponentDependencies() throws IOException {
        Execution run = execute(FAKE_PROGRAM, PolicyGate.NONE, "dev");

        assertTrue(run.out().contains("""
                  order-processing-dev (pulumi:pulumi:Stack)
                  ├─ backend (order-processing:test:Consumer)
                  │  └─ backend-events (aws:sqs/queue:Queue)
                  └─ orders (order-processing:test:Messaging)
                     ├─ orders-dlq (aws:sqs/queue:Queue) [protect]
                     └─ orders-queue (aws:sqs/queue:Queue)
                """), run.out());
        assertTrue(run.out().contains("     3  aws:sqs/queue:Queue\n"), run.out());
        assertTrue(run.out().matches("(?s).*Timings: settings \\d+ ms, render \\d+ ms, policy evaluation \\d+ ms; "
                + "render \\+ policies \\d+ ms\\n.*"), run.out());
        String mermaid = Files.readString(out.resolve("dev.mmd"));
        assertTrue(mermaid.contains("flowchart LR\n  n0[\"backend<br/><small>order-processing:test:Consumer</small>\"]\n"
                + "  n1[\"orders<br/><small>order-processing:test:Messaging</small>\"]\n  n0 -->|depends on| n1\n"), mermaid);
        assertTrue(Files.readString(out.resolve("dev.dot")).contains("  n0 -> n1 [label=\"depends on\"];"));
    }

    @Test
    void unknownOutputsReachDependentInputsAsTheEnginesSentinelAndTheRenderSucceeds() throws IOException {
        Execution run = execute(FAKE_PROGRAM, PolicyGate.NONE, "dev", "--unknown-outputs");

        assertEquals(0, run.exitCode(), run.err());
        JsonObject queue = planResource("orders-queue");
        assertEquals(AwsMocks.UNKNOWN, queue.getAsJsonObject("inputs").get("redrivePolicy").getAsString());
        assertEquals(AwsMocks.UNKNOWN, planResource("backend-events").getAsJsonObject("inputs").get("tags").getAsString());
        assertEquals(AwsMocks.UNKNOWN, planResource("orders-dlq").getAsJsonObject("outputs").get("arn").getAsString());
        assertTrue(planResource("orders-dlq").get("id").isJsonNull(), "ids are unknown before the first create");
        assertEquals(PROVIDER_URN + "::" + AwsMocks.UNKNOWN, queue.get("provider").getAsString());
    }

    /** The fake program plus exports: plain, numeric, secret and computed. */
    private static final BiConsumer<Context, Settings> EXPORTING_PROGRAM = (ctx, settings) -> {
        var messaging = new Messaging("orders");
        ctx.export("environment", Output.of("dev"));
        ctx.export("replicas", Output.of(3));
        ctx.export("token", Output.ofSecret("do-not-print"));
        ctx.export("queueArn", messaging.queue.arn());
    };

    @Test
    void theRootStackCarriesTheExportedOutputsAsTheEnginesStateDoes() throws IOException {
        Execution run = execute(EXPORTING_PROGRAM, PolicyGate.NONE, "dev");

        assertEquals(0, run.exitCode(), run.err());
        String queueArn = planResource("orders-queue").getAsJsonObject("outputs").get("arn").getAsString();
        assertEquals(JsonParser.parseString("{\"environment\": \"dev\", \"queueArn\": \"" + queueArn + "\", \"replicas\": 3, "
                + "\"token\": {\"4dabf18193072939515e22adb298388d\": \"1b47061264138c4ac30d75fd1eb44270\", \"value\": \"[secret]\"}}"),
                planResource("order-processing-dev").get("outputs"));
        assertFalse(Files.readString(out.resolve("dev.json")).contains("do-not-print"));
    }

    @Test
    void inTheFirstPreviewModeComputedExportsAreTheUnknownSentinel() throws IOException {
        Execution run = execute(EXPORTING_PROGRAM, PolicyGate.NONE, "dev", "--unknown-outputs");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(JsonParser.parseString("{\"environment\": \"dev\", \"queueArn\": \"" + AwsMocks.UNKNOWN + "\", \"replicas\": 3, "
                + "\"token\": {\"4dabf18193072939515e22adb298388d\": \"1b47061264138c4ac30d75fd1eb44270\", \"value\": \"[secret]\"}}"),
                planResource("order-processing-dev").get("outputs"));
    }

    @Test
    void theFirstPreviewModeRemovesARunbookLeftByAnEarlierRun() throws IOException {
        Path stale = out.resolve("dev-runbooks.md");
        Files.writeString(stale, "# runbooks of an earlier known-outputs run\n");

        Execution run = execute(FAKE_PROGRAM, PolicyGate.NONE, "dev", "--unknown-outputs");

        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.exists(stale));
        assertTrue(run.out().contains("Removed " + stale + " from an earlier run: runbooks need known outputs, so none is "
                + "written with --unknown-outputs\n"), run.out());
    }

    @Test
    void capturesUnknownInputsInTheRegistrationStruct() throws IOException {
        var file = OfflinePlan.stackFile(Path.of("."), "dev");
        var settings = Settings.load(file.values(), file.secretKeys(), "dev");

        var result = OfflinePlan.render(file, settings, AwsMocks.Mode.UNKNOWN_OUTPUTS, FAKE_PROGRAM);

        assertEquals(null, result.failure());
        var queue = result.stack().get("aws:sqs/queue:Queue", "orders-queue");
        assertEquals(AwsMocks.UNKNOWN, queue.inputs().getFieldsOrThrow("redrivePolicy").getStringValue());
    }

    @Test
    void exitsThreeWithOneMessageOnInvalidSettings() throws IOException {
        Path stackFile = out.resolve("Pulumi.dev.yaml");
        Files.writeString(stackFile, Files.readString(Path.of("Pulumi.dev.yaml")).replace("azCount: \"3\"", "azCount: \"9\""));

        Execution run = execute(FAKE_PROGRAM, PolicyGate.NONE, stackFile.toString());

        assertEquals(PlanCommand.CONFIG_ERROR, run.exitCode());
        assertEquals("error: stack '" + stackFile + "' has 1 invalid stack setting:\n"
                + "  - order-processing:azCount = '9': must be a whole number from 2 to 3. "
                + "Fix: pulumi config set order-processing:azCount 3 --stack dev\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnknownAlarmIdInTheThresholdsIsAConfigErrorListedWithTheOthers() throws IOException {
        Path stackFile = out.resolve("Pulumi.dev.yaml");
        Files.writeString(stackFile, Files.readString(Path.of("Pulumi.dev.yaml")).replace("azCount: \"3\"", "azCount: \"9\"")
                + "  order-processing:alarmThresholds: '{\"backend-cpu-high\": 70, \"nonexistent-alarm\": 5, \"backend-cpu-hgh\": 60}'\n");

        Execution run = execute(infra.App::stack, PolicyGate.NONE, stackFile.toString());

        String known = infra.observability.AlarmCatalog.forStack(infra.config.Environment.DEV, 2.0, true, Map.of()).stream()
                .map(infra.observability.AlarmSpec::id).sorted().collect(java.util.stream.Collectors.joining(", "));
        String fix = "Fix: pulumi config set order-processing:alarmThresholds '{\"backend-cpu-high\":70}' --stack dev";
        assertEquals(PlanCommand.CONFIG_ERROR, run.exitCode(), run.err());
        assertEquals("error: stack '" + stackFile + "' has 3 invalid stack settings:\n"
                + "  - order-processing:azCount = '9': must be a whole number from 2 to 3. "
                + "Fix: pulumi config set order-processing:azCount 3 --stack dev\n"
                + "  - order-processing:alarmThresholds = 'backend-cpu-hgh=60': names no alarm of the dev stack; "
                + "did you mean backend-cpu-high? " + fix + "\n"
                + "  - order-processing:alarmThresholds = 'nonexistent-alarm=5': names no alarm of the dev stack; "
                + "known alarms: " + known + ". " + fix + "\n", run.err());
        assertTrue(known.startsWith("alb-backend-unhealthy-hosts, alb-frontend-unhealthy-hosts, alb-high-latency, "), known);
        assertEquals("", run.out());
    }

    @Test
    void aSecretNonUrlSettingIsNotCheckedOfflineAndThePlanSaysWhatItUsesInstead() throws IOException {
        Path stackFile = out.resolve("Pulumi.dev.yaml");
        Files.writeString(stackFile, Files.readString(Path.of("Pulumi.dev.yaml"))
                + "  order-processing:vpcCidr:\n    secure: AAABAKx2\n");

        Execution run = execute(FAKE_PROGRAM, PolicyGate.NONE, stackFile.toString());

        assertEquals(PlanCommand.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("\nNote: order-processing:vpcCidr: secret value not checked offline; "
                + "the plan uses the setting's default\n"), run.out());
        assertFalse(run.out().contains("offline-plan.invalid"), run.out());
    }

    @Test
    void exitsThreeWhenTheStackFileDoesNotExist() {
        Execution run = execute(FAKE_PROGRAM, PolicyGate.NONE, "qa");

        assertEquals(PlanCommand.CONFIG_ERROR, run.exitCode());
        assertTrue(run.err().startsWith("error: no stack file ./Pulumi.qa.yaml; stacks in "), run.err());
        assertTrue(run.err().endsWith(": dev, prod, staging\n"), run.err());
    }

    @Test
    void printsTheProgramsWarningsOnceEach() {
        Execution run = execute((ctx, settings) -> {
            ctx.log().warn("P1 alarms page nobody");
            ctx.log().warn("P1 alarms page nobody");
            ctx.log().info("not a warning");
            FAKE_PROGRAM.accept(ctx, settings);
        }, PolicyGate.NONE, "dev");

        assertEquals(PlanCommand.OK, run.exitCode());
        assertEquals(List.of("Warning: P1 alarms page nobody"),
                run.out().lines().filter(l -> l.startsWith("Warning:") || l.contains("not a warning")).toList());
    }

    @Test
    void exitsFourWithOneLineAndNoStackTraceOnAProgramError() {
        Execution run = execute((ctx, s) -> {
            throw new IllegalStateException("queue name collides with orders-dlq");
        }, PolicyGate.NONE, "dev");

        assertEquals(PlanCommand.PROGRAM_ERROR, run.exitCode());
        assertEquals("error: the program failed while rendering stack 'dev': IllegalStateException: queue name "
                + "collides with orders-dlq (run with --stacktrace for details)\n", run.err());
    }

    @Test
    void printsTheStackTraceOnlyWhenAskedTo() {
        Execution run = execute((ctx, s) -> {
            throw new IllegalStateException("boom");
        }, PolicyGate.NONE, "dev", "--stacktrace");

        assertEquals(PlanCommand.PROGRAM_ERROR, run.exitCode());
        assertTrue(run.err().startsWith("error: the program failed while rendering stack 'dev': IllegalStateException: boom\n"
                + "java.lang.IllegalStateException: boom\n\tat "), run.err());
    }

    @Test
    void failsLoudlyOnAnInvokeTheMocksDoNotKnow() {
        Execution run = execute((ctx, s) -> AwsFunctions.getBillingServiceAccount()
                .applyValue(account -> account.arn()), PolicyGate.NONE, "dev");

        assertEquals(PlanCommand.PROGRAM_ERROR, run.exitCode());
        assertTrue(run.err().contains("the offline plan does not mock the invoke 'aws:index/getBillingServiceAccount:getBillingServiceAccount'"), run.err());
    }

    @Test
    void exitsOneOnMandatoryPolicyViolationsAndZeroOnAdvisoryOnly() {
        PolicyGate mandatory = (stack, settings) -> new PolicyGate.Outcome(true, List.of("queues-encrypted: orders-queue"), 1, 0);
        PolicyGate advisory = (stack, settings) -> new PolicyGate.Outcome(true, List.of("tags: orders-dlq"), 0, 1);

        Execution failing = execute(FAKE_PROGRAM, mandatory, "dev");
        Execution passing = execute(FAKE_PROGRAM, advisory, "dev");

        assertEquals(PlanCommand.POLICY_VIOLATIONS, failing.exitCode());
        assertTrue(failing.out().contains("Policies: 1 mandatory, 0 advisory violation(s)\n  queues-encrypted: orders-queue\n"));
        assertEquals(PlanCommand.OK, passing.exitCode());
    }

    @Test
    void exitsTwoOnAUsageError() {
        assertEquals(PlanCommand.USAGE, execute(FAKE_PROGRAM, PolicyGate.NONE).exitCode());
    }

    @Test
    void rendersEveryCheckedInStackWithTheRealProgram() {
        for (String stack : List.of("dev", "staging", "prod")) {
            Execution run = execute(infra.App::stack, PolicyGate.NONE, stack);
            assertEquals(0, run.exitCode(), stack + ": " + run.err());
        }
    }

    @Test
    void planFileListsTheProviderBeforeTheResourcesThatUseIt() throws IOException {
        execute(FAKE_PROGRAM, PolicyGate.NONE, "dev");

        JsonArray resources = JsonParser.parseString(Files.readString(out.resolve("dev.json"))).getAsJsonObject()
                .getAsJsonArray("resources");
        List<String> order = new ArrayList<>();
        resources.forEach(r -> order.add(r.getAsJsonObject().get("type").getAsString() + " "
                + r.getAsJsonObject().get("name").getAsString()));
        // provider, stack, then depth-first under the stack with siblings by type and name
        // (Consumer sorts before Messaging), whatever order the SDK registered them in
        assertEquals(List.of(
                "pulumi:providers:aws default_6_83_0",
                "pulumi:pulumi:Stack order-processing-dev",
                "order-processing:test:Consumer backend",
                "aws:sqs/queue:Queue backend-events",
                "order-processing:test:Messaging orders",
                "aws:sqs/queue:Queue orders-dlq",
                "aws:sqs/queue:Queue orders-queue"), order);
    }

    /** Many siblings at every level, registered concurrently, so that registration order varies. */
    private static final BiConsumer<Context, Settings> WIDE_PROGRAM = (ctx, settings) -> {
        List<Output<String>> arns = new ArrayList<>();
        for (String name : List.of("payments", "orders", "refunds", "audit", "billing", "shipping")) {
            var messaging = new Messaging(name);
            arns.add(messaging.queue.arn());
        }
        for (int i = 0; i < arns.size(); i++) {
            new Consumer("consumer-" + i, arns.get(arns.size() - 1 - i));
            new Queue("loose-" + i, QueueArgs.builder().build());
        }
        // one resource that depends on all six queues, whose URNs the SDK collects in no fixed order
        new Queue("fan-in", QueueArgs.builder()
                .tags(Output.all(arns).applyValue(all -> Map.of("Sources", String.valueOf(all.size())))).build());
    };

    @Test
    void renderingTheSameProgramSeveralTimesGivesByteIdenticalPlanFiles() throws IOException {
        String firstJson = null;
        String firstDiagram = null;
        String firstDot = null;
        for (int run = 0; run < 5; run++) {
            Execution execution = execute(WIDE_PROGRAM, PolicyGate.NONE, "dev");
            assertEquals(0, execution.exitCode(), execution.err());
            String json = Files.readString(out.resolve("dev.json"));
            String diagram = Files.readString(out.resolve("dev.mmd"));
            String dot = Files.readString(out.resolve("dev.dot"));
            if (run == 0) {
                firstJson = json;
                firstDiagram = diagram;
                firstDot = dot;
            } else {
                assertEquals(firstJson, json, "plan JSON of run " + (run + 1) + " differs from run 1");
                assertEquals(firstDiagram, diagram, "mermaid diagram of run " + (run + 1) + " differs from run 1");
                assertEquals(firstDot, dot, "dot diagram of run " + (run + 1) + " differs from run 1");
            }
        }
        assertEquals(2 + 6 * 3 + 6 * 2 + 6 + 1, JsonParser.parseString(firstJson).getAsJsonObject().get("resourceCount").getAsInt());
    }

    @Test
    void theTreeListsSiblingsByTypeThenNameWhateverTheRegistrationOrder() throws IOException {
        var file = OfflinePlan.stackFile(Path.of("."), "dev");
        var settings = Settings.load(file.values(), file.secretKeys(), "dev");

        List<String> first = ResourceTree.lines(OfflinePlan.render(file, settings, AwsMocks.Mode.KNOWN_OUTPUTS, FAKE_PROGRAM).stack());
        for (int run = 0; run < 4; run++) {
            assertEquals(first, ResourceTree.lines(
                    OfflinePlan.render(file, settings, AwsMocks.Mode.KNOWN_OUTPUTS, FAKE_PROGRAM).stack()));
        }
        assertEquals(List.of(
                "default_6_83_0 (pulumi:providers:aws)",
                "order-processing-dev (pulumi:pulumi:Stack)",
                "├─ backend (order-processing:test:Consumer)",
                "│  └─ backend-events (aws:sqs/queue:Queue)",
                "└─ orders (order-processing:test:Messaging)",
                "   ├─ orders-dlq (aws:sqs/queue:Queue) [protect]",
                "   └─ orders-queue (aws:sqs/queue:Queue)"), first);
    }
}
