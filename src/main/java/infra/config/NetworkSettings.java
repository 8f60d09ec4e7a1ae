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

    private static final java.util.regex.Pattern DOTTED_DECIMAL_CIDR = java.util.regex.Pattern.compile(
            "^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}/\\d{1,2}$");

    /** This-network, loopback, link-local and multicast/reserved space: never a VPC. */
    private static final java.util.List<String> RESERVED_BLOCKS =
            java.util.List.of("0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/3");

    /** The VPC sizes AWS allows are /16 to /28; the plan's subnet layout needs at least a /24. */
    static final int MIN_PREFIX = 16;
    static final int MAX_PREFIX = 24;

    /**
     * What is wrong with a VPC CIDR (null when it is an IPv4 network block with a /16 to /24
     * prefix and no host bits set).
     */
    static String cidrProblem(String text) {
        String range = "/" + MIN_PREFIX + " to /" + MAX_PREFIX;
        // dotted decimal only: the parser below would also read 010.0.0.0 as octal (8.0.0.0),
        // 0xa.0.0.0, 167772160/16 or a netmask, and silently turn a typo into another network
        IPAddress address = DOTTED_DECIMAL_CIDR.matcher(text.trim()).matches()
                ? new IPAddressString(text.trim()).getAddress() : null;
        if (address == null || !address.isIPv4() || address.getNetworkPrefixLength() == null) {
            return "must be an IPv4 CIDR block such as 10.0.0.0/16, with a prefix from " + range;
        }
        for (String reserved : RESERVED_BLOCKS) {
            if (new IPAddressString(reserved).getAddress().contains(address.toPrefixBlock().getLower())) {
                return "lies in " + reserved + ", which AWS does not allow for a VPC; use a private range such as 10.0.0.0/16";
            }
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
