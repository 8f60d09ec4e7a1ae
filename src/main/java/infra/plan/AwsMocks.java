package infra.plan;

import com.pulumi.test.Mocks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Mock provider for the offline plan and the tests: echoes inputs and synthesizes the computed
 * outputs AWS would return (ids, ARNs, URLs, names) in AWS's formats, for a fixed placeholder
 * account and the stack's region. Invokes it does not know fail loudly.
 *
 * <p>In {@link Mode#UNKNOWN_OUTPUTS} every computed output is the engine's unknown sentinel, as in
 * the first preview of a new stack.
 */
public final class AwsMocks implements Mocks {
    /** The placeholder account every synthesized ARN uses. */
    public static final String ACCOUNT = "123456789012";
    /** The engine's sentinel for a value not known during preview. */
    public static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    public enum Mode { KNOWN_OUTPUTS, UNKNOWN_OUTPUTS }

    private final String region;
    private final String partition;
    private final Mode mode;

    public AwsMocks(String region, Mode mode) {
        this.region = region;
        this.partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        this.mode = mode;
    }

    public String region() {
        return region;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> state = new HashMap<>(args.inputs);
        Map<String, Object> computed = new HashMap<>();
        String id = MockOutputs.synthesize(args.type, args.name, args.inputs, computed, new MockOutputs.Env(region, partition, ACCOUNT));
        if (mode == Mode.UNKNOWN_OUTPUTS) {
            // a first preview knows the inputs it sent, not what AWS computes: not even the id
            computed.replaceAll((k, v) -> UNKNOWN);
            computed.forEach(state::putIfAbsent);
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), state));
        }
        state.putAll(computed);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.ofNullable(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        switch (args.token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones": {
                List<String> names = List.of(region + "a", region + "b", region + "c");
                String prefix = region.replace("-", "").substring(0, Math.min(4, region.replace("-", "").length()));
                return CompletableFuture.completedFuture(Map.of(
                        "id", region,
                        "names", names,
                        "zoneIds", List.of(prefix + "-az1", prefix + "-az2", prefix + "-az3"),
                        "groupNames", List.of(region),
                        "state", "available"));
            }
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return CompletableFuture.completedFuture(Map.of(
                        "id", ACCOUNT, "accountId", ACCOUNT,
                        "arn", "arn:" + partition + ":iam::" + ACCOUNT + ":user/offline-plan",
                        "userId", "AIDAOFFLINEPLAN000000"));
            case "aws:index/getRegion:getRegion":
                return CompletableFuture.completedFuture(Map.of(
                        "id", region, "name", region,
                        "description", region, "endpoint", "ec2." + region + ".amazonaws.com"));
            case "aws:index/getPartition:getPartition":
                return CompletableFuture.completedFuture(Map.of(
                        "id", partition, "partition", partition,
                        "dnsSuffix", partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com",
                        "reverseDnsPrefix", partition.equals("aws-cn") ? "cn.com.amazonaws" : "com.amazonaws"));
            default:
                return CompletableFuture.failedFuture(new UnsupportedOperationException(
                        "the offline plan does not mock the invoke '" + args.token + "'; add it to "
                                + AwsMocks.class.getName() + " or avoid the invoke"));
        }
    }
}
