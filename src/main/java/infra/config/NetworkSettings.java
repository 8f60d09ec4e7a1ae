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
        String cidr = r.text("vpcCidr").map(text -> {
            String problem = cidrProblem(text);
            if (problem != null) {
                r.problem("vpcCidr", text, problem, DEFAULT_VPC_CIDR);
                return DEFAULT_VPC_CIDR;
            }
            return new IPAddressString(text).getAddress().toCanonicalString();
        }).orElse(DEFAULT_VPC_CIDR);
        int azCount = r.integer("azCount", 3, 2, 3);
        int nat = r.integer("natGatewayCount", prod ? azCount : 1, 1, 3);
        if (nat > azCount) {
            r.problem("natGatewayCount", Integer.toString(nat),
                    "must not exceed " + ConfigReader.fullKey("azCount") + " (" + azCount + ")", Integer.toString(azCount));
            nat = azCount;
        }
        FlowLogTraffic traffic = r.choice("flowLogTrafficType", prod ? FlowLogTraffic.ALL : FlowLogTraffic.REJECT,
                java.util.Map.of("ALL", FlowLogTraffic.ALL, "REJECT", FlowLogTraffic.REJECT, "ACCEPT", FlowLogTraffic.ACCEPT));
        boolean dbFromVpc = r.bool("databaseIngressFromVpcCidr", false);
        // the producer Lambda only talks to SQS today; open 5432 to it only if it ever needs the database
        boolean dbFromProducer = r.bool("databaseIngressFromProducer", false);
        return new NetworkSettings(cidr, azCount, nat, traffic, dbFromVpc, dbFromProducer);
    }

    /** The VPC sizes AWS allows are /16 to /28; the plan's subnet layout needs at least a /24. */
    static final int MIN_PREFIX = 16;
    static final int MAX_PREFIX = 24;

    /**
     * What is wrong with a VPC CIDR (null when it is an IPv4 network block with a /16 to /24
     * prefix and no host bits set).
     */
    static String cidrProblem(String text) {
        String range = "/" + MIN_PREFIX + " to /" + MAX_PREFIX;
        IPAddress address = text.contains("/") ? new IPAddressString(text.trim()).getAddress() : null;
        if (address == null || !address.isIPv4() || address.getNetworkPrefixLength() == null) {
            return "must be an IPv4 CIDR block such as 10.0.0.0/16, with a prefix from " + range;
        }
        int prefix = address.getNetworkPrefixLength();
        if (prefix < MIN_PREFIX || prefix > MAX_PREFIX) {
            return "prefix /" + prefix + " is outside " + range;
        }
        if (!address.equals(address.toPrefixBlock())) {
            return "has host bits set; the block's network address is " + address.toPrefixBlock().toCanonicalString();
        }
        return null;
    }
}
