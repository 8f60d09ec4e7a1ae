package infra.network;

import infra.network.SubnetLayout.Spec;
import infra.network.SubnetLayout.Tier;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubnetLayoutTest {

    @Test
    void reproducesThePlansCidrsForTheDefaultVpc() {
        SubnetLayout layout = SubnetLayout.of("10.0.0.0/16", 3);

        assertEquals(List.of("10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"), cidrs(layout, Tier.PUBLIC));
        assertEquals(List.of("10.0.3.0/24", "10.0.4.0/24", "10.0.5.0/24"), cidrs(layout, Tier.APP));
        assertEquals(List.of("10.0.6.0/24", "10.0.7.0/24", "10.0.8.0/24"), cidrs(layout, Tier.DATA));
        assertEquals(24, layout.subnetPrefix());
    }

    @Test
    void keepsEachTiersSlotsWhenFewerAzsAreUsed() {
        SubnetLayout two = SubnetLayout.of("10.0.0.0/16", 2);
        SubnetLayout three = SubnetLayout.of("10.0.0.0/16", 3);

        assertEquals(List.of("10.0.0.0/24", "10.0.1.0/24"), cidrs(two, Tier.PUBLIC));
        assertEquals(List.of("10.0.3.0/24", "10.0.4.0/24"), cidrs(two, Tier.APP));
        assertEquals(List.of("10.0.6.0/24", "10.0.7.0/24"), cidrs(two, Tier.DATA));
        assertTrue(three.all().containsAll(two.all()), "adding an AZ must not move existing subnets");
    }

    @Test
    void shrinksSubnetsToFitASmallVpc() {
        SubnetLayout layout = SubnetLayout.of("192.168.10.0/24", 3);

        assertEquals(28, layout.subnetPrefix());
        assertEquals(List.of("192.168.10.0/28", "192.168.10.16/28", "192.168.10.32/28"), cidrs(layout, Tier.PUBLIC));
        assertEquals(List.of("192.168.10.96/28", "192.168.10.112/28", "192.168.10.128/28"), cidrs(layout, Tier.DATA));
    }

    @ParameterizedTest(name = "{0} over {1} AZs")
    @CsvSource({
        "10.0.0.0/16, 2", "10.0.0.0/16, 3", "172.16.0.0/20, 3", "172.31.16.0/20, 2", "10.20.0.0/21, 3",
        "10.1.2.0/23, 2", "10.1.2.0/23, 3", "192.168.10.0/24, 2", "192.168.10.0/24, 3", "100.64.0.0/18, 3"})
    void placesOneSubnetPerTierPerAzInsideTheVpcWithoutOverlap(String vpcCidr, int azCount) {
        SubnetLayout layout = SubnetLayout.of(vpcCidr, azCount);
        IPAddress vpc = new IPAddressString(vpcCidr).getAddress();

        assertEquals(3 * azCount, layout.all().size());
        for (Tier tier : Tier.values()) {
            assertEquals(azIndexes(azCount), layout.tier(tier).stream().map(Spec::azIndex).toList(), tier.name());
        }
        List<IPAddress> subnets = layout.all().stream().map(s -> new IPAddressString(s.cidr()).getAddress()).toList();
        for (int i = 0; i < subnets.size(); i++) {
            assertTrue(vpc.contains(subnets.get(i)), subnets.get(i) + " outside " + vpcCidr);
            assertTrue(subnets.get(i).getNetworkPrefixLength() <= SubnetLayout.SMALLEST_SUBNET_PREFIX);
            for (int j = i + 1; j < subnets.size(); j++) {
                assertFalse(subnets.get(i).overlaps(subnets.get(j)), subnets.get(i) + " overlaps " + subnets.get(j));
            }
        }
    }

    @Test
    void rejectsAVpcTooSmallForTheSubnetSlots() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SubnetLayout.of("10.0.0.0/25", 2));

        assertEquals("vpcCidr 10.0.0.0/25 is too small: 9 subnet slots (3 tiers x 3 AZs) would each be /29, "
                + "smaller than AWS's smallest subnet /28; use a /24 or larger VPC", e.getMessage());
    }

    @Test
    void rejectsMalformedAndOutOfRangeInput() {
        assertEquals("vpcCidr must be an IPv4 CIDR block such as 10.0.0.0/16, got 10.0.0.300/16", message("10.0.0.300/16", 3));
        assertEquals("vpcCidr must be an IPv4 CIDR block such as 10.0.0.0/16, got 10.0.0.0", message("10.0.0.0", 3));
        assertEquals("vpcCidr must be an IPv4 CIDR block such as 10.0.0.0/16, got fd00::/56", message("fd00::/56", 3));
        assertEquals("vpcCidr must have a prefix between /16 and /28 (AWS's VPC limits), got 10.0.0.0/8", message("10.0.0.0/8", 3));
        assertEquals("vpcCidr 10.0.1.0/16 has host bits set; did you mean 10.0.0.0/16?", message("10.0.1.0/16", 3));
        assertEquals("azCount must be between 2 and 3, got 1", message("10.0.0.0/16", 1));
        assertEquals("azCount must be between 2 and 3, got 4", message("10.0.0.0/16", 4));
    }

    private static String message(String cidr, int azCount) {
        return assertThrows(IllegalArgumentException.class, () -> SubnetLayout.of(cidr, azCount)).getMessage();
    }

    private static List<String> cidrs(SubnetLayout layout, Tier tier) {
        return layout.tier(tier).stream().map(Spec::cidr).toList();
    }

    private static List<Integer> azIndexes(int azCount) {
        return java.util.stream.IntStream.range(0, azCount).boxed().toList();
    }
}
