package infra.security;

import com.google.gson.JsonObject;
import com.pulumi.aws.cfg.DeliveryChannel;
import com.pulumi.aws.cfg.DeliveryChannelArgs;
import com.pulumi.aws.cfg.Recorder;
import com.pulumi.aws.cfg.RecorderArgs;
import com.pulumi.aws.cfg.RecorderStatus;
import com.pulumi.aws.cfg.RecorderStatusArgs;
import com.pulumi.aws.cfg.Rule;
import com.pulumi.aws.cfg.RuleArgs;
import com.pulumi.aws.cfg.inputs.DeliveryChannelSnapshotDeliveryPropertiesArgs;
import com.pulumi.aws.cfg.inputs.RecorderRecordingGroupArgs;
import com.pulumi.aws.cfg.inputs.RuleSourceArgs;
import com.pulumi.aws.iam.ServiceLinkedRole;
import com.pulumi.aws.iam.ServiceLinkedRoleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import infra.config.Settings;
import infra.security.iam.PolicyDocument;
import infra.security.iam.PolicyDocument.Statement;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * AWS Config ("Compliance and Audit"): a recorder of all supported resource types (a superset of
 * the plan's monitored types) using the Config service-linked role, a delivery channel with
 * snapshots every six hours into an encrypted bucket kept 7 years, the recorder started, and the
 * plan's managed rules. Resources are ordered as AWS requires: recorder, then channel, then status;
 * rules after the recorder.
 *
 * <p>The recorder, channel and service-linked role are one per account and region: a second stack
 * in the same account sets {@code configEnabled=false} (and {@code configServiceLinkedRoleExists}
 * when the role was made outside this program).
 */
public final class ConfigRecorder extends ComponentResource {
    /** Plan, "Configuration Snapshots": every 6 hours (AWS Config's value name). */
    static final String SNAPSHOT_FREQUENCY = "Six_Hours";
    /** Snapshots and history go under this prefix; the bucket policy's write grant matches it. */
    static final String S3_KEY_PREFIX = "config";
    static final String SERVICE = "config.amazonaws.com";

    /** A managed rule of the plan's "Config Rules" list. */
    record ManagedRule(String slug, String identifier, Map<String, String> parameters) {
    }

    static final List<ManagedRule> RULES = List.of(
            new ManagedRule("required-tags", "REQUIRED_TAGS", Map.of("tag1Key", "Environment", "tag2Key", "Project")),
            new ManagedRule("encrypted-volumes", "ENCRYPTED_VOLUMES", Map.of()),
            new ManagedRule("rds-snapshots-public-prohibited", "RDS_SNAPSHOTS_PUBLIC_PROHIBITED", Map.of()),
            new ManagedRule("vpc-sg-open-only-to-authorized-ports", "VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS",
                    Map.of("authorizedTcpPorts", "80,443")));

    private final Recorder recorder;
    private final RecorderStatus status;

    public ConfigRecorder(String name, ConfigRecorderArgs args, ComponentResourceOptions opts) {
        super("order-processing:security:ConfigRecorder", name, opts);
        Settings settings = args.settings();
        AwsAccount account = AwsAccount.current();
        String configName = "order-processing-" + settings.env();

        Output<String> roleArn = settings.security().configServiceLinkedRoleExists()
                ? Output.tuple(account.partition(), account.id()).applyValue(t -> serviceLinkedRoleArn(t.t1, t.t2))
                : new ServiceLinkedRole(name + "-service-linked-role", ServiceLinkedRoleArgs.builder()
                        .awsServiceName(SERVICE)
                        .tags(settings.tags())
                        .build(), child()).arn();

        Output<Function<String, PolicyDocument>> writeGrant = account.id().applyValue(id -> bucketArn -> bucketPolicy(bucketArn, id));
        AuditBucket bucket = new AuditBucket(name + "-bucket", this, settings,
                account.id().applyValue(id -> "order-processing-config-" + settings.env() + "-" + id),
                Optional.empty(), Optional.of(args.auditKeyArn()), writeGrant);

        recorder = new Recorder(name + "-recorder", RecorderArgs.builder()
                .name(configName)
                .roleArn(roleArn)
                .recordingGroup(RecorderRecordingGroupArgs.builder()
                        .allSupported(true)
                        .includeGlobalResourceTypes(true)
                        .build())
                .build(), child());
        DeliveryChannel channel = new DeliveryChannel(name + "-delivery-channel", DeliveryChannelArgs.builder()
                .name(configName)
                .s3BucketName(bucket.bucket().id())
                .s3KeyPrefix(S3_KEY_PREFIX)
                .s3KmsKeyArn(args.auditKeyArn())
                .snapshotDeliveryProperties(DeliveryChannelSnapshotDeliveryPropertiesArgs.builder()
                        .deliveryFrequency(SNAPSHOT_FREQUENCY).build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(recorder, bucket.policy()).build());
        status = new RecorderStatus(name + "-recorder-status", RecorderStatusArgs.builder()
                .name(recorder.name())
                .isEnabled(true)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(channel).build());

        for (ManagedRule rule : RULES) {
            var ruleArgs = RuleArgs.builder()
                    .name(configName + "-" + rule.slug())
                    .source(RuleSourceArgs.builder().owner("AWS").sourceIdentifier(rule.identifier()).build())
                    .tags(settings.tags());
            if (!rule.parameters().isEmpty()) {
                JsonObject parameters = new JsonObject();
                rule.parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> parameters.addProperty(e.getKey(), e.getValue()));
                ruleArgs.inputParameters(parameters.toString());
            }
            new Rule(name + "-" + rule.slug(), ruleArgs.build(),
                    CustomResourceOptions.builder().parent(this).dependsOn(recorder).build());
        }

        registerOutputs(Map.of("recorderName", recorder.name(), "bucketName", bucket.bucket().bucket()));
    }

    static String serviceLinkedRoleArn(String partition, String account) {
        return "arn:" + partition + ":iam::" + account + ":role/aws-service-role/" + SERVICE + "/AWSServiceRoleForConfig";
    }

    static PolicyDocument bucketPolicy(String bucketArn, String account) {
        return PolicyDocument.of(
                Statement.allow().sid("ConfigAclCheck").service(SERVICE)
                        .actions("s3:GetBucketAcl", "s3:ListBucket").resources(bucketArn)
                        .condition("StringEquals", "aws:SourceAccount", account),
                Statement.allow().sid("ConfigWrite").service(SERVICE)
                        .actions("s3:PutObject").resources(bucketArn + "/" + S3_KEY_PREFIX + "/AWSLogs/" + account + "/Config/*")
                        .condition("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control")
                        .condition("StringEquals", "aws:SourceAccount", account));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    public Output<String> recorderName() {
        return recorder.name();
    }

    /** Resolves once the recorder is started; depend on it to act after recording begins. */
    public Output<String> recorderStatusId() {
        return status.id();
    }
}
