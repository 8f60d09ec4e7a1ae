package infra.network;

import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import infra.config.Settings;

import java.util.List;

/**
 * VPC endpoints, so image pulls, logs, secrets and queue traffic stay on the AWS network instead
 * of crossing the NAT: an S3 gateway endpoint (ECR layers live in S3) and interface endpoints with
 * private DNS in the application subnets, behind the endpoint security group.
 */
final class Endpoints {
    /** Interface endpoint services, by the short label used in child names. */
    static final List<String> INTERFACE_SERVICES = List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager", "sqs");

    private Endpoints() {
    }

    static void create(Resource parent, String name, Settings settings, Output<String> vpcId,
                       Output<List<String>> appSubnetIds, Output<String> endpointGroupId, List<RouteTable> privateTables) {
        String gatewayName = name + "-s3-endpoint";
        new VpcEndpoint(gatewayName, VpcEndpointArgs.builder()
                .vpcId(vpcId)
                .serviceName(serviceName(settings.region(), "s3"))
                .vpcEndpointType("Gateway")
                .routeTableIds(Output.all(privateTables.stream().map(RouteTable::id).toList()))
                .tags(settings.tags("Name", gatewayName))
                .build(), CustomResourceOptions.builder().parent(parent).build());

        for (String service : INTERFACE_SERVICES) {
            String endpointName = name + "-" + service.replace('.', '-') + "-endpoint";
            new VpcEndpoint(endpointName, VpcEndpointArgs.builder()
                    .vpcId(vpcId)
                    .serviceName(serviceName(settings.region(), service))
                    .vpcEndpointType("Interface")
                    .privateDnsEnabled(true)
                    .subnetIds(appSubnetIds)
                    .securityGroupIds(endpointGroupId.applyValue(List::of))
                    .tags(settings.tags("Name", endpointName))
                    .build(), CustomResourceOptions.builder().parent(parent).build());
        }
    }

    /** {@code com.amazonaws.<region>.<service>}, the form for the commercial and GovCloud partitions. */
    static String serviceName(String region, String service) {
        return "com.amazonaws." + region + "." + service;
    }
}
