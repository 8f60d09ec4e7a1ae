package infra.config;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/** Network layout: the plan's 10.0.0.0/16 over three AZs, NAT per AZ in prod only. */
public record NetworkSettings(
        String vpcCidr,
        int azCount,
        int natGatewayCount,
        FlowLogTraffic flowLogTraffic,
        boolean databaseIngressFromVpcCidr,
        boolean databaseIngressFromProducer) {

    public enum FlowLogTraffic { ALL, REJECT, ACCEPT }

    public static final String DEFAULT_VPC_CIDR = "10.0.0.0/16";

    static NetworkSettings load(ConfigReader r) {
        boolean prod = r.environment().isProd();
        String cidr = r.parsed("vpcCidr", DEFAULT_VPC_CIDR, NetworkSettings::normalizedCidr,
                "a valid IPv4 CIDR block with a prefix between /16 and /24 (for example 10.0.0.0/16)", DEFAULT_VPC_CIDR);
        int azCount = r.integer("azCount", 3, 2, 3);
        int nat = r.integer("natGatewayCount", prod ? azCount : 1, 1, 3);
        if (nat > azCount) {
            r.problem("natGatewayCount", Integer.toString(nat), "cannot exceed azCount (" + azCount + ")", Integer.toString(azCount));
            nat = azCount;
        }
        FlowLogTraffic traffic = r.choice("flowLogTrafficType", prod ? FlowLogTraffic.ALL : FlowLogTraffic.REJECT,
                java.util.Map.of("ALL", FlowLogTraffic.ALL, "REJECT", FlowLogTraffic.REJECT, "ACCEPT", FlowLogTraffic.ACCEPT));
        boolean dbFromVpc = r.bool("databaseIngressFromVpcCidr", false);
        // the producer Lambda only talks to SQS today; open 5432 to it only if it ever needs the database
        boolean dbFromProducer = r.bool("databaseIngressFromProducer", false);
        return new NetworkSettings(cidr, azCount, nat, traffic, dbFromVpc, dbFromProducer);
    }

    /** Returns the CIDR if it is an IPv4 network block with a /16–/24 prefix and no host bits; else null. */
    static String normalizedCidr(String text) {
        IPAddressString s = new IPAddressString(text.trim());
        IPAddress address = s.getAddress();
        if (address == null || !address.isIPv4() || !text.contains("/")) {
            return null;
        }
        Integer prefix = address.getNetworkPrefixLength();
        if (prefix == null || prefix < 16 || prefix > 24) {
            return null;
        }
        if (!address.equals(address.toPrefixBlock())) {
            return null;
        }
        return address.toPrefixBlock().toCanonicalString();
    }
}
