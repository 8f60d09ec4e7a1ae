package policy.check;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policy.sample.SamplePack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {
    private static final String QUEUE_URN = "urn:pulumi:dev::order-processing::aws:sqs/queue:Queue::orders";
    private static final String LOGS_URN = "urn:pulumi:dev::order-processing::aws:cloudwatch/logGroup:LogGroup::app";
    private static final String SIG = "4dabf18193072939515e22adb298388d";
    private static final String SECRET = "1b47061264138c4ac30d75fd1eb44270";

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int check(String... args) {
        List<String> full = new java.util.ArrayList<>(List.of("--pack=" + SamplePack.class.getName(), "--stack=dev"));
        full.addAll(List.of(args));
        return CheckCommand.run(full.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path file(String name, String json) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, json.replace('\'', '"'));
        return p;
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final String PLAN = "{'stack':'dev','resources':["
            + "{'urn':'" + QUEUE_URN + "','type':'aws:sqs/queue:Queue','name':'orders','parent':'','dependencies':[],"
            + "'propertyDependencies':{},'inputs':{'tags':{'Environment':'dev','Project':'p'}},'options':{'protect':true}},"
            + "{'urn':'" + LOGS_URN + "','type':'aws:cloudwatch/logGroup:LogGroup','name':'app','inputs':{'retentionInDays':3}}]}";

    @Test
    void planWithMandatoryViolationsExitsOneAndWritesReports() throws Exception {
        Path plan = file("dev.json", PLAN);
        Path json = dir.resolve("report.json");
        Path sarif = dir.resolve("report.sarif");

        int code = check("--json", json.toString(), "--sarif", sarif.toString(), plan.toString());

        assertEquals(CheckCommand.MANDATORY, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("Policy pack sample-pack@v0.1.0 over " + plan + " (plan, 2 resources)\n"
                + "\nmandatory: sample-queue-encrypted [high]\n"
                + "    resource: " + QUEUE_URN + "\n"
                + "    SQS queues are encrypted at rest\n"
                + "    queue 'orders' sets neither kmsMasterKeyId nor sqsManagedSseEnabled\n"
                + "\nadvisory: sample-log-retention [medium]\n"
                + "    resource: " + LOGS_URN + "\n"
                + "    Log groups keep logs for at least the configured number of days\n"
                + "    log group 'app' keeps logs 3 days, minimum is 7\n"
                + "\n1 mandatory violation, 1 advisory violation\n", stdout());
        JsonObject report = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(1, report.getAsJsonObject("counts").get("mandatory").getAsInt());
        assertEquals(1, report.getAsJsonObject("counts").get("advisory").getAsInt());
        assertEquals("sample-queue-encrypted", report.getAsJsonArray("diagnostics").get(0).getAsJsonObject().get("policy").getAsString());
        JsonObject run = JsonParser.parseString(Files.readString(sarif)).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonObject result = run.getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals("sample-queue-encrypted", result.get("ruleId").getAsString());
        assertEquals("error", result.get("level").getAsString());
        assertEquals(0, result.get("ruleIndex").getAsInt());
        assertEquals("warning", run.getAsJsonArray("results").get(1).getAsJsonObject().get("level").getAsString());
        assertEquals(4, run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules").size());
    }

    @Test
    void configChangesLevelsSoAdvisoryOnlyExitsZero() throws Exception {
        Path config = file("config.json", "{'sample-queue-encrypted':'advisory','sample-log-retention':{'minimumRetentionDays':1}}");

        int code = check("--policy-pack-config", config.toString(), file("dev.json", PLAN).toString());

        assertEquals(CheckCommand.CLEAN, code);
        assertTrue(stdout().endsWith("\n0 mandatory violations, 1 advisory violation\n"), stdout());
    }

    @Test
    void invalidConfigIsAUsageErrorNamingThePolicy() throws Exception {
        Path config = file("config.json", "{'sample-log-retention':{'minimumRetentionDays':'a week'}}");

        int code = check("--policy-pack-config", config.toString(), file("dev.json", PLAN).toString());

        assertEquals(CheckCommand.USAGE, code);
        assertEquals("error: invalid policy config in " + config + ":\n"
                + "  - sample-log-retention: $.minimumRetentionDays: string found, integer expected\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unreadableInputHasItsOwnExitCode() throws Exception {
        assertEquals(CheckCommand.UNREADABLE, check(file("broken.json", "{'resources':").toString()));
        assertEquals(CheckCommand.UNREADABLE, check(file("other.json", "{'hello':1}").toString()));
        assertEquals(CheckCommand.UNREADABLE, check(dir.resolve("absent.json").toString()));
        assertEquals(CheckCommand.UNREADABLE, check(file("nourn.json", "{'resources':[{'type':'x'}]}").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("has none of 'resources' (plan), 'deployment' (stack export) or 'steps'"));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static final String SHAPES = "expected a JSON object: a plan {\"resources\": [...]}, "
            + "a stack export {\"deployment\": {...}} or preview --json output {\"steps\": [...]}";

    @Test
    void topLevelArrayIsUnreadableNotAnEmptyPlan() throws Exception {
        Path empty = file("empty-array.json", "[]");
        Path nonEmpty = file("array.json", "[{'urn':'" + QUEUE_URN + "','type':'aws:sqs/queue:Queue','inputs':{}}]");

        assertEquals(CheckCommand.UNREADABLE, check(empty.toString()));
        assertEquals(CheckCommand.UNREADABLE, check(nonEmpty.toString()));

        assertEquals("error: " + empty + " holds a JSON array; " + SHAPES + "\n"
                + "error: " + nonEmpty + " holds a JSON array; " + SHAPES + "\n", stderr());
        assertEquals("", stdout());
    }

    @Test
    void emptyFileIsReportedAsEmpty() throws Exception {
        Path empty = file("empty.json", "");
        Path blank = file("blank.json", " \n\t\n");

        assertEquals(CheckCommand.UNREADABLE, check(empty.toString()));
        assertEquals(CheckCommand.UNREADABLE, check(blank.toString()));

        assertEquals("error: " + empty + " is empty; " + SHAPES + "\n"
                + "error: " + blank + " is empty; " + SHAPES + "\n", stderr());
    }

    @Test
    void objectOfNoKnownShapeNamesTheAcceptedShapes() throws Exception {
        Path object = file("object.json", "{}");
        Path scalar = file("scalar.json", "42");

        assertEquals(CheckCommand.UNREADABLE, check(object.toString()));
        assertEquals(CheckCommand.UNREADABLE, check(scalar.toString()));

        assertEquals("error: " + object + " has none of 'resources' (plan), 'deployment' (stack export) or 'steps' (preview --json); "
                + SHAPES + "\n"
                + "error: " + scalar + " holds 42; " + SHAPES + "\n", stderr());
    }

    @Test
    void duplicateUrnsAreRefusedNamingTheUrn() throws Exception {
        String queue = "{'urn':'" + QUEUE_URN + "','type':'aws:sqs/queue:Queue','inputs':{'sqsManagedSseEnabled':true}}";
        Path plan = file("dup.json", "{'resources':[" + queue + ",{'urn':'" + LOGS_URN + "','type':'aws:cloudwatch/logGroup:LogGroup'},"
                + queue.replace("true", "false") + "]}");
        Path state = file("dup-state.json", "{'deployment':{'resources':[" + queue + "," + queue + "]}}");

        assertEquals(CheckCommand.UNREADABLE, check(plan.toString()));
        assertEquals(CheckCommand.UNREADABLE, check(state.toString()));

        assertEquals("error: " + plan + ": plan resource entry 3 repeats URN " + QUEUE_URN + " (first at entry 1)\n"
                + "error: " + state + ": state resource entry 2 repeats URN " + QUEUE_URN + " (first at entry 1)\n", stderr());
        assertEquals("", stdout());
    }

    @Test
    void previewReplacementStepsReadTheNewStateOnceButRealDuplicatesAreRefused() throws Exception {
        String state = "{'urn':'" + QUEUE_URN + "','type':'aws:sqs/queue:Queue','inputs':{'sqsManagedSseEnabled':true}}";
        Path replaced = file("replace.json", "{'steps':["
                + "{'op':'create-replacement','urn':'" + QUEUE_URN + "','newState':" + state + "},"
                + "{'op':'replace','urn':'" + QUEUE_URN + "','newState':" + state + "},"
                + "{'op':'delete-replaced','urn':'" + QUEUE_URN + "','oldState':" + state + "}]}");
        Path twice = file("twice.json", "{'steps':[{'op':'create','newState':" + state + "},"
                + "{'op':'same','newState':{'urn':'" + LOGS_URN + "','type':'aws:cloudwatch/logGroup:LogGroup'}},"
                + "{'op':'update','newState':" + state + "}]}");

        assertEquals(CheckCommand.CLEAN, check(replaced.toString()), stderr());
        assertTrue(stdout().startsWith("Policy pack sample-pack@v0.1.0 over " + replaced + " (preview, 1 resource)\n"), stdout());
        assertEquals(CheckCommand.UNREADABLE, check(twice.toString()));
        assertEquals("error: " + twice + ": preview step 3 repeats URN " + QUEUE_URN + " (first at step 1)\n", stderr());
    }

    @Test
    void planResourcesRefusesASecondResourceWithTheSameUrn() {
        PlanResources plan = new PlanResources().add("aws:sqs/queue:Queue", QUEUE_URN, "orders", null, null,
                policy.sdk.ResourceOptions.NONE, "", List.of(), java.util.Map.of(), "");

        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> plan.add("aws:sqs/queue:Queue", QUEUE_URN, "orders", null, null, policy.sdk.ResourceOptions.NONE, "",
                        List.of(), java.util.Map.of(), ""));
        assertEquals("resource " + QUEUE_URN + " is already in the plan", e.getMessage());
        assertEquals(1, plan.size());
    }

    /** The tag rule's findings when the real pack checks {@code file} with {@code args}. */
    private String tagFindings(Path file, String... args) {
        List<String> full = new java.util.ArrayList<>(List.of(args));
        full.add(file.toString());
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int code = CheckCommand.run(full.toArray(String[]::new), new PrintStream(report, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertTrue(code == CheckCommand.CLEAN || code == CheckCommand.MANDATORY, () -> code + ": " + stderr());
        return java.util.Arrays.stream(report.toString(StandardCharsets.UTF_8).split("\n\n"))
                .filter(block -> block.contains(": taggable-resources-carry-required-tags ")).collect(java.util.stream.Collectors.joining("\n\n"));
    }

    private static final String PROD_QUEUE = "{'urn':'" + QUEUE_URN + "','type':'aws:sqs/queue:Queue','name':'orders',"
            + "'inputs':{'tags':{'Environment':'prod','Project':'order-processing'}}}";
    private static final String TAG_FINDING = "mandatory: taggable-resources-carry-required-tags [low]\n"
            + "    resource: " + QUEUE_URN + "\n"
            + "    Taggable AWS resources carry the required tags, and Environment names the stack's environment\n"
            + "    aws:sqs/queue:Queue 'orders' has Environment 'prod' but the stack's environment is 'prod-eu'";

    @Test
    void checkerPassesThePlanFilesStackAndEnvironmentAndStackConfigToThePolicies() throws Exception {
        Path withEnvironment = file("prod-eu.json", "{'stack':'prod-eu','environment':'prod','resources':[" + PROD_QUEUE + "]}");
        Path withoutEnvironment = file("prod-eu-bare.json", "{'stack':'prod-eu','resources':[" + PROD_QUEUE + "]}");

        assertEquals("", tagFindings(withEnvironment));
        assertEquals(TAG_FINDING, tagFindings(withoutEnvironment), "the plan file's stack name is the last resort");
        assertEquals("", tagFindings(withoutEnvironment, "--stack-config", "order-processing:environment=prod"));
        assertEquals(TAG_FINDING.replace("is 'prod-eu'", "is 'staging'"),
                tagFindings(withEnvironment, "--stack-config=order-processing:environment=staging"), "--stack-config wins over the file");
        assertEquals(TAG_FINDING.replace("is 'prod-eu'", "is 'qa'"), tagFindings(withoutEnvironment, "--stack", "qa"));
    }

    @Test
    void checkerReadsTheStackConfigOfPreviewJsonButNotBlindedSecrets() throws Exception {
        String steps = "'steps':[{'op':'create','newState':" + PROD_QUEUE + "}]";
        Path plain = file("preview-config.json", "{'config':{'aws:region':'eu-west-1','order-processing:environment':'prod'}," + steps + "}");
        Path blinded = file("preview-secret.json", "{'config':{'order-processing:environment':'[secret]'}," + steps + "}");

        assertEquals("", tagFindings(plain, "--stack", "prod-eu"));
        assertEquals(TAG_FINDING, tagFindings(blinded, "--stack", "prod-eu"));
    }

    @Test
    void stackExportSecretsWithoutPlaintextAreUndecidableAndStackPolicyUsesOutputs() throws Exception {
        String provider = "urn:pulumi:dev::order-processing::pulumi:providers:aws::default_6_83_0";
        Path state = file("state.json", "{'version':3,'deployment':{'resources':["
                + "{'urn':'" + provider + "','type':'pulumi:providers:aws','custom':true,'id':'p1','inputs':{'region':'eu-west-1'}},"
                + "{'urn':'" + QUEUE_URN + "','type':'aws:sqs/queue:Queue','custom':true,'provider':'" + provider + "::p1',"
                + "'inputs':{'kmsMasterKeyId':{'" + SIG + "':'" + SECRET + "','ciphertext':'AAAA'},'tags':{'Environment':'d','Project':'p'},"
                + "'redrivePolicy':'{\\'deadLetterTargetArn\\':\\'arn:aws:sqs:eu-west-1:1:gone\\'}'},"
                + "'outputs':{'arn':'arn:aws:sqs:eu-west-1:1:orders','redrivePolicy':'{\\'deadLetterTargetArn\\':\\'arn:aws:sqs:eu-west-1:1:gone\\'}'}}]}}"
                .replace("\\'", "\\\""));

        int code = check(state.toString());

        assertEquals(CheckCommand.MANDATORY, code);
        String report = stdout();
        assertTrue(report.contains("advisory: sample-queue-encrypted [high]\n    resource: " + QUEUE_URN + "\n    SQS queues are encrypted at rest\n"
                + "    cannot be decided: 'kmsMasterKeyId' is an encrypted secret in this export; export with --show-secrets "
                + "to check it (policy 'sample-queue-encrypted' from policy pack 'sample-pack@v0.1.0')\n"), report);
        assertTrue(!report.contains("unknown until the resource is created"), report);
        assertTrue(report.contains("mandatory: sample-dead-letter-queue-in-stack [medium]\n    resource: " + QUEUE_URN), report);
    }

    @Test
    void realUnknownsKeepThePreviewWordingNextToEncryptedSecrets() throws Exception {
        Path state = file("mixed.json", "{'deployment':{'resources':[{'urn':'" + QUEUE_URN + "','type':'aws:sqs/queue:Queue',"
                + "'inputs':{'kmsMasterKeyId':'04da6b54-80e4-46f7-96ec-b56ff0331ba9','tags':{'Environment':'d','Project':'p'}}},"
                + "{'urn':'" + LOGS_URN + "','type':'aws:cloudwatch/logGroup:LogGroup',"
                + "'inputs':{'retentionInDays':{'" + SIG + "':'" + SECRET + "','ciphertext':'AAAA'}}}]}}");

        check(state.toString());

        String report = stdout();
        assertTrue(report.contains("    cannot be decided during preview: 'kmsMasterKeyId' is unknown until the resource is created "
                + "(policy 'sample-queue-encrypted' from policy pack 'sample-pack@v0.1.0')\n"), report);
        assertTrue(report.contains("    cannot be decided: 'retentionInDays' is an encrypted secret in this export; export with "
                + "--show-secrets to check it (policy 'sample-log-retention' from policy pack 'sample-pack@v0.1.0')\n"), report);
    }

    @Test
    void previewJsonUsesNewStatesAndSkipsDeletes() throws Exception {
        Path preview = file("preview.json", "{'steps':["
                + "{'op':'create','urn':'" + QUEUE_URN + "','newState':{'urn':'" + QUEUE_URN + "','type':'aws:sqs/queue:Queue',"
                + "'inputs':{'sqsManagedSseEnabled':true,'tags':{'Environment':'d','Project':'p'}}}},"
                + "{'op':'delete','urn':'" + LOGS_URN + "','oldState':{'urn':'" + LOGS_URN + "','type':'aws:cloudwatch/logGroup:LogGroup'}}],"
                + "'changeSummary':{'create':1,'delete':1}}");

        int code = check(preview.toString());

        assertEquals(CheckCommand.CLEAN, code, stdout());
        assertTrue(stdout().startsWith("Policy pack sample-pack@v0.1.0 over " + preview + " (preview, 1 resource)\n"), stdout());
        assertTrue(stdout().endsWith("\n0 mandatory violations, 0 advisory violations\n"), stdout());
    }

    @Test
    void readerResolvesOptionsProvidersAndTimeouts() {
        InputFiles.CheckInput read = InputFiles.parse(("{'resources':[{'urn':'urn:a::t::p','type':'pulumi:providers:aws',"
                + "'inputs':{'region':'eu-west-1'}},{'urn':'urn:b','type':'t:m:T','provider':'urn:a::t::p',"
                + "'options':{'protect':true,'ignoreChanges':['tags'],'customTimeouts':{'create':'1h30m','delete':'90s'},"
                + "'deleteBeforeReplace':true}}]}").replace('\'', '"'), "inline");

        var b = read.inputs().get(1);
        assertEquals("urn:b", b.name());
        assertEquals("p", read.inputs().get(1).provider().orElseThrow().name());
        assertTrue(b.options().protect());
        assertEquals(List.of("tags"), b.options().ignoreChanges());
        assertEquals(5400.0, b.options().customTimeouts().createSeconds());
        assertEquals(90.0, b.options().customTimeouts().deleteSeconds());
        assertEquals(java.util.Optional.of(true), b.options().deleteBeforeReplace());
        assertEquals("eu-west-1", b.provider().orElseThrow().properties().getFieldsOrThrow("region").getStringValue());
    }

    @Test
    void planMaskedSecretsCountAsUnknownAndUnknownOutputModeIsAPreview() {
        InputFiles.CheckInput read = InputFiles.parse(("{'outputs':'unknown','resources':[{'urn':'" + QUEUE_URN + "',"
                + "'type':'aws:sqs/queue:Queue','provider':null,'parent':null,"
                + "'inputs':{'kmsMasterKeyId':{'" + SIG + "':'" + SECRET + "','value':'[secret]'}},"
                + "'outputs':{'arn':'04da6b54-80e4-46f7-96ec-b56ff0331ba9'}}]}").replace('\'', '"'), "plan");

        var queue = policy.sdk.ResourceView.of(read.inputs().get(0));
        assertTrue(read.dryRun());
        assertTrue(queue.prop("kmsMasterKeyId").isUnknown());
        assertTrue(queue.prop("kmsMasterKeyId").isSecret());
        assertTrue(policy.sdk.ResourceView.of(read.outputs().get(0)).prop("arn").isUnknown());
        assertEquals("", read.inputs().get(0).parent());
    }
}
