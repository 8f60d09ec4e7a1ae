package infra.security;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.aws.outputs.GetPartitionResult;
import com.pulumi.core.Output;

/** The deploying account's id and partition, from the provider's invokes (mocked offline). */
record AwsAccount(Output<String> id, Output<String> partition) {

    static AwsAccount current() {
        return new AwsAccount(
                AwsFunctions.getCallerIdentity().applyValue(GetCallerIdentityResult::accountId),
                AwsFunctions.getPartition().applyValue(GetPartitionResult::partition));
    }
}
