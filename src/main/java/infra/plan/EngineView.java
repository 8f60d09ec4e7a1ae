package infra.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Completes a mock run into what the engine itself would hold: the root {@code pulumi:pulumi:Stack}
 * resource (added only if the capture lacks it) and the default
 * {@code pulumi:providers:aws} provider the engine registers from the stack's {@code aws:*} config,
 * referenced from every AWS resource as {@code <provider urn>::<provider id>}.
 */
public final class EngineView {
    /** The signature key and value that mark a secret in the engine's wire format. */
    public static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    public static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    /** What a secret's value reads as in anything the offline plan writes or prints. */
    public static final String MASK = "[secret]";

    private static final String AWS_PREFIX = "aws:";

    private EngineView() {
    }

    /** The AWS provider plugin version, read from the SDK jar's own {@code plugin.json} as plugin discovery does. */
    public static String awsPluginVersion() {
        try (InputStream in = EngineView.class.getResourceAsStream("/com/pulumi/aws/plugin.json")) {
            if (in == null) {
                throw new IllegalStateException("com/pulumi/aws/plugin.json is missing from the classpath");
            }
            JsonObject plugin = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            return plugin.get("version").getAsString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String stackUrn(String project, String stack) {
        return "urn:pulumi:" + stack + "::" + project + "::pulumi:pulumi:Stack::" + project + "-" + stack;
    }

    /** The engine's default provider name for a plugin version, e.g. {@code default_6_83_0}. */
    public static String defaultProviderName(String version) {
        return "default_" + version.replace('.', '_').replace('-', '_');
    }

    /**
     * The rendered stack as the engine sees it: the root stack, the default AWS provider and every
     * captured registration, AWS resources without an explicit provider pointing at the default one.
     * With {@code unknownIds} (first preview of a new stack) the provider's id is the unknown sentinel.
     */
    public static RenderedStack complete(String project, String stack, String region, Map<String, String> config,
                                         Set<String> secretKeys, List<CapturedResource> captured, boolean unknownIds) {
        return complete(project, stack, region, config, secretKeys, captured, unknownIds, Struct.getDefaultInstance());
    }

    /**
     * As above, with the stack's exported outputs ({@code stackOutputs}, in wire form) as the root
     * stack's outputs, where the engine's state keeps them.
     */
    public static RenderedStack complete(String project, String stack, String region, Map<String, String> config,
                                         Set<String> secretKeys, List<CapturedResource> captured, boolean unknownIds,
                                         Struct stackOutputs) {
        String stackUrn = stackUrn(project, stack);
        CapturedResource root = new CapturedResource(stackUrn, "pulumi:pulumi:Stack", project + "-" + stack, false, "",
                "", "", List.of(), Map.of(), false, false, false, List.of(), List.of(), List.of(),
                new CapturedResource.CustomTimeouts("", "", ""), Struct.getDefaultInstance(), stackOutputs);

        String version = awsPluginVersion();
        String providerName = defaultProviderName(version);
        String providerUrn = "urn:pulumi:" + stack + "::" + project + "::pulumi:providers:aws::" + providerName;
        String providerId = unknownIds ? AwsMocks.UNKNOWN : UUID.nameUUIDFromBytes(providerUrn.getBytes(StandardCharsets.UTF_8)).toString();
        Struct providerInputs = providerInputs(config, secretKeys, version);
        CapturedResource provider = new CapturedResource(providerUrn, "pulumi:providers:aws", providerName, true, "",
                providerId, "", List.of(), Map.of(), false, false, false, List.of(), List.of(), List.of(),
                new CapturedResource.CustomTimeouts("", "", ""), providerInputs, providerInputs);

        String reference = providerUrn + "::" + providerId;
        List<CapturedResource> all = new ArrayList<>();
        if (captured.stream().noneMatch(r -> r.urn().equals(stackUrn))) {
            all.add(root);
        }
        all.add(provider);
        for (CapturedResource r : captured) {
            if (r.urn().equals(stackUrn)) {
                all.add(withOutputs(r, stackOutputs));
                continue;
            }
            boolean usesDefault = r.custom() && r.type().startsWith(AWS_PREFIX) && r.provider().isEmpty();
            all.add(usesDefault ? r.withProvider(reference) : r);
        }
        return new RenderedStack(project, stack, region, List.copyOf(all));
    }

    private static CapturedResource withOutputs(CapturedResource r, Struct outputs) {
        return new CapturedResource(r.urn(), r.type(), r.name(), r.custom(), r.parentUrn(), r.id(), r.provider(),
                r.dependencies(), r.propertyDependencies(), r.protect(), r.retainOnDelete(), r.deleteBeforeReplace(),
                r.ignoreChanges(), r.aliases(), r.additionalSecretOutputs(), r.customTimeouts(), r.inputs(), outputs);
    }

    /**
     * The default provider's inputs: every {@code aws:*} key without its namespace, structured values
     * (such as {@code defaultTags}) as objects, secret ones in the secret wire form with their value
     * masked, plus the plugin {@code version} the engine adds.
     */
    static Struct providerInputs(Map<String, String> config, Set<String> secretKeys, String version) {
        Map<String, Value> inputs = new TreeMap<>();
        config.forEach((key, text) -> {
            if (!key.startsWith(AWS_PREFIX)) {
                return;
            }
            Value value = secretKeys.contains(key) ? secret() : StructValues.toValue(structured(text));
            inputs.put(key.substring(AWS_PREFIX.length()), value);
        });
        inputs.put("version", StructValues.toValue(version));
        return Struct.newBuilder().putAllFields(inputs).build();
    }

    private static Object structured(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonElement json = JsonParser.parseString(trimmed);
                return new com.google.gson.Gson().fromJson(json, Object.class);
            } catch (RuntimeException e) {
                return text;
            }
        }
        return text;
    }

    /** A secret whose value is masked, in the engine's wire form. */
    public static Value secret() {
        return StructValues.toValue(Map.of(SIG_KEY, SECRET_SIG, "value", MASK));
    }

    /** Whether a wire value is a secret envelope. */
    public static boolean isSecret(Value value) {
        return value.hasStructValue()
                && SECRET_SIG.equals(value.getStructValue().getFieldsOrDefault(SIG_KEY, Value.getDefaultInstance()).getStringValue());
    }
}
