package infra.compute;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ElbLogDeliveryTest {

    @Test
    void olderRegionsUseTheRegionalElbAccount() {
        assertEquals(new ElbLogDelivery.Principal("AWS", "arn:aws:iam::127311923021:root"), ElbLogDelivery.principal("us-east-1"));
        assertEquals(new ElbLogDelivery.Principal("AWS", "arn:aws:iam::156460612806:root"), ElbLogDelivery.principal("eu-west-1"));
        assertEquals(Optional.of("797873946194"), ElbLogDelivery.elbAccount("us-west-2"));
    }

    @Test
    void partitionsOutsideAwsKeepTheirArnPrefix() {
        assertEquals(new ElbLogDelivery.Principal("AWS", "arn:aws-us-gov:iam::048591011584:root"),
                ElbLogDelivery.principal("us-gov-west-1"));
        assertEquals(new ElbLogDelivery.Principal("AWS", "arn:aws-cn:iam::037604701340:root"),
                ElbLogDelivery.principal("cn-northwest-1"));
    }

    @Test
    void newerRegionsUseTheLogDeliveryServicePrincipal() {
        for (String region : new String[] {"ap-south-2", "eu-central-2", "me-central-1", "il-central-1", "ca-west-1"}) {
            assertEquals(new ElbLogDelivery.Principal("Service", "logdelivery.elasticloadbalancing.amazonaws.com"),
                    ElbLogDelivery.principal(region), region);
            assertEquals(Optional.empty(), ElbLogDelivery.elbAccount(region), region);
        }
    }
}
