package policy.rules.stack;

import policy.rules.Types;
import policy.sdk.PropertyValue;
import policy.sdk.ResourceView;
import policy.sdk.StackView;

import java.util.ArrayList;
import java.util.List;

/**
 * What the stack says about its S3 buckets. A bucket's role is only known at stack level, from the
 * resources that name it: the ALB access-log bucket is the one a load balancer's
 * {@code accessLogs.bucket} names, the CloudTrail bucket the one a trail's {@code s3BucketName}
 * names, the AWS Config bucket the one a delivery channel's {@code s3BucketName} names. Names match
 * by property dependency (preview) or by the bucket's name/id/ARN output.
 */
final class Buckets {
    private Buckets() {
    }

    static List<ResourceView> all(StackView stack) {
        return Lookup.all(stack, Types.BUCKET);
    }

    /** True when an application load balancer of the stack delivers access logs to {@code bucket}. */
    static boolean receivesAlbLogs(StackView stack, ResourceView bucket) {
        return Lookup.referrers(stack, Types.LOAD_BALANCER, "accessLogs", bucket).stream().anyMatch(Buckets::isApplication);
    }

    static boolean isApplication(ResourceView balancer) {
        return "application".equals(balancer.prop("loadBalancerType").string().orElse("application"));
    }

    static List<ResourceView> trailBuckets(StackView stack) {
        return named(stack, Types.TRAIL, "s3BucketName");
    }

    static List<ResourceView> configBuckets(StackView stack) {
        return named(stack, Types.CONFIG_DELIVERY_CHANNEL, "s3BucketName");
    }

    static List<ResourceView> albLogBuckets(StackView stack) {
        return all(stack).stream().filter(b -> receivesAlbLogs(stack, b)).toList();
    }

    private static List<ResourceView> named(StackView stack, java.util.Set<String> referrers, String property) {
        return all(stack).stream().filter(b -> !Lookup.referrers(stack, referrers, property, b).isEmpty()).toList();
    }

    /**
     * The bucket's default-encryption blocks ({@code applyServerSideEncryptionByDefault}). A
     * separate encryption resource replaces the bucket's own configuration, so when one exists the
     * inline (legacy) form is ignored.
     */
    static List<PropertyValue> encryptionDefaults(StackView stack, ResourceView bucket) {
        List<ResourceView> configs = Lookup.referrers(stack, Types.BUCKET_ENCRYPTION, "bucket", bucket);
        List<PropertyValue> out = new ArrayList<>();
        if (!configs.isEmpty()) {
            configs.forEach(c -> out.addAll(defaults(c)));
            return out;
        }
        for (String inline : List.of("serverSideEncryptionConfiguration", "serverSideEncryptionConfigurations")) {
            Lookup.blocks(bucket.prop(inline)).forEach(config -> out.addAll(defaults(config, config::get)));
        }
        return out;
    }

    /** {@code rule} (one) or {@code rules} (list), each with {@code applyServerSideEncryptionByDefault}. */
    private static List<PropertyValue> defaults(ResourceView config) {
        return defaults(config.props(), key -> Lookup.known(config, key));
    }

    private static List<PropertyValue> defaults(PropertyValue config, java.util.function.Function<String, PropertyValue> read) {
        List<PropertyValue> out = new ArrayList<>();
        String key = config.get("rule").isPresent() ? "rule" : "rules";
        Lookup.blocks(read.apply(key)).forEach(r -> out.addAll(Lookup.blocks(r.get("applyServerSideEncryptionByDefault"))));
        return out;
    }

    /** One enabled lifecycle rule, reduced to what retention needs. */
    record LifecycleRule(String id, List<Long> expirationDays, List<Transition> transitions) {
    }

    record Transition(long days, String storageClass) {
    }

    /**
     * The enabled lifecycle rules of a bucket: from separate lifecycle resources
     * ({@code rules[].status = Enabled}), or else from the legacy inline {@code lifecycleRules[]}
     * ({@code enabled = true}).
     */
    static List<LifecycleRule> lifecycle(StackView stack, ResourceView bucket) {
        List<ResourceView> configs = Lookup.referrers(stack, Types.BUCKET_LIFECYCLE, "bucket", bucket);
        List<LifecycleRule> out = new ArrayList<>();
        if (!configs.isEmpty()) {
            for (ResourceView c : configs) {
                for (PropertyValue r : Lookup.known(c, "rules").items()) {
                    if ("Enabled".equals(r.get("status").string().orElse(""))) {
                        out.add(rule(r));
                    }
                }
            }
            return out;
        }
        for (String inline : List.of("lifecycleRules", "lifecycleRule")) {
            for (PropertyValue r : Lookup.blocks(bucket.prop(inline))) {
                if (r.get("enabled").bool().orElse(false)) {
                    out.add(rule(r));
                }
            }
        }
        return out;
    }

    private static LifecycleRule rule(PropertyValue r) {
        List<Long> expirations = new ArrayList<>();
        for (PropertyValue e : Lookup.blocks(r.get("expiration"))) {
            e.get("days").integer().filter(d -> d > 0).ifPresent(expirations::add);
        }
        List<Transition> transitions = new ArrayList<>();
        for (String key : List.of("transitions", "transition")) {
            for (PropertyValue t : Lookup.blocks(r.get(key))) {
                t.get("days").integer().ifPresent(d -> transitions.add(new Transition(d, t.get("storageClass").string().orElse(""))));
            }
        }
        return new LifecycleRule(r.get("id").string().orElse(""), List.copyOf(expirations), List.copyOf(transitions));
    }
}
