package infra.compute;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import infra.config.ComputeSettings;
import infra.config.Settings;

import java.util.Map;

/**
 * One ECR repository per service (backend, frontend): scan on push, immutable tags, encrypted
 * with the given KMS key (ECR fixes encryption at creation), and a lifecycle policy.
 */
public final class ContainerRegistry extends ComponentResource {
    /** The services that get a repository, in a fixed order. */
    public static final java.util.List<String> SERVICES = java.util.List.of("backend", "frontend");

    private final Map<String, Repository> repositories = new java.util.LinkedHashMap<>();

    public record Args(Settings settings, Output<String> kmsKeyArn) {
    }

    public ContainerRegistry(String name, Args args, ComponentResourceOptions opts) {
        super("order-processing:compute:ContainerRegistry", name, opts);
        Settings settings = args.settings();
        String policy = lifecyclePolicy(settings.compute().registry());

        for (String service : SERVICES) {
            Repository repository = new Repository(name + "-" + service, RepositoryArgs.builder()
                    .name(repositoryName(settings.env(), service))
                    .imageTagMutability("IMMUTABLE")
                    .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder().scanOnPush(true).build())
                    .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder()
                            .encryptionType("KMS").kmsKey(args.kmsKeyArn()).build())
                    .forceDelete(!settings.environment().isProd())
                    .tags(settings.tags("Service", service))
                    .build(), CustomResourceOptions.builder().parent(this).build());
            new LifecyclePolicy(name + "-" + service + "-lifecycle", LifecyclePolicyArgs.builder()
                    .repository(repository.name())
                    .policy(policy)
                    .build(), CustomResourceOptions.builder().parent(this).build());
            repositories.put(service, repository);
        }

        registerOutputs(Map.of(
                "backendRepositoryUrl", repositoryUrl("backend"),
                "frontendRepositoryUrl", repositoryUrl("frontend")));
    }

    /** e.g. {@code order-processing/prod/backend}: stacks sharing an account keep their images apart. */
    public static String repositoryName(String environment, String service) {
        return Settings.PROJECT + "/" + environment + "/" + service;
    }

    public Output<String> repositoryUrl(String service) {
        return repository(service).repositoryUrl();
    }

    public Output<String> repositoryArn(String service) {
        return repository(service).arn();
    }

    private Repository repository(String service) {
        Repository r = repositories.get(service);
        if (r == null) {
            throw new IllegalArgumentException("no repository for service '" + service + "'; known: " + SERVICES);
        }
        return r;
    }

    /** Untagged images expire after the configured days; beyond that, only the newest N images are kept. */
    public static String lifecyclePolicy(ComputeSettings.Registry registry) {
        JsonArray rules = new JsonArray();
        rules.add(rule(1, "Expire untagged images after " + registry.untaggedExpiryDays() + " days",
                selection("untagged", "sinceImagePushed", registry.untaggedExpiryDays(), "days")));
        rules.add(rule(2, "Keep only the newest " + registry.keepImageCount() + " images",
                selection("any", "imageCountMoreThan", registry.keepImageCount(), null)));
        JsonObject policy = new JsonObject();
        policy.add("rules", rules);
        return new Gson().toJson(policy);
    }

    private static JsonObject rule(int priority, String description, JsonObject selection) {
        JsonObject rule = new JsonObject();
        rule.addProperty("rulePriority", priority);
        rule.addProperty("description", description);
        rule.add("selection", selection);
        JsonObject action = new JsonObject();
        action.addProperty("type", "expire");
        rule.add("action", action);
        return rule;
    }

    private static JsonObject selection(String tagStatus, String countType, int count, String unit) {
        JsonObject s = new JsonObject();
        s.addProperty("tagStatus", tagStatus);
        s.addProperty("countType", countType);
        if (unit != null) {
            s.addProperty("countUnit", unit);
        }
        s.addProperty("countNumber", count);
        return s;
    }
}
