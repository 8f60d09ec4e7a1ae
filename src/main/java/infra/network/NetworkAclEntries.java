package infra.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The stateless NACL entries of the public and private tiers: deny by default (AWS's implicit
 * final deny), allow what the security groups need plus the return traffic on ephemeral ports,
 * because a NACL, unlike a security group, does not remember connections.
 *
 * <p>NACLs do not filter traffic to the Amazon DNS resolver, instance metadata or Time Sync, so
 * no entries exist for them.
 */
public final class NetworkAclEntries {
    private NetworkAclEntries() {
    }

    /** One allow entry; {@code cidr} is the peer (source for ingress, destination for egress). */
    public record Entry(int ruleNumber, boolean egress, int fromPort, int toPort, String cidr) {
        public static final String PROTOCOL = "tcp";
        public static final String ACTION = "allow";
    }

    public static final String ANYWHERE = "0.0.0.0/0";
    /** The Linux and ELB ephemeral range return traffic arrives on (VPC user guide, "Ephemeral ports"). */
    public static final int EPHEMERAL_FROM = 1024;
    public static final int EPHEMERAL_TO = 65535;
    private static final int RULE_STEP = 10;
    private static final int FIRST_RULE = 100;

    /**
     * The public tier holds the ALB and the NAT gateways: clients reach the ALB on 80 (and 443 with
     * HTTPS), private hosts reach the NAT on 443; the ALB forwards to the target ports in the VPC.
     */
    public static List<Entry> publicTier(String vpcCidr, boolean httpsEnabled) {
        Table t = new Table();
        t.in(Ports.HTTP, ANYWHERE);
        t.in(Ports.HTTPS, httpsEnabled ? ANYWHERE : vpcCidr);
        t.in(EPHEMERAL_FROM, EPHEMERAL_TO, ANYWHERE);
        t.out(EPHEMERAL_FROM, EPHEMERAL_TO, ANYWHERE);
        t.out(Ports.HTTPS, ANYWHERE);
        t.out(Ports.BACKEND, vpcCidr);
        t.out(Ports.FRONTEND, vpcCidr);
        return t.entries;
    }

    /**
     * The application and data tiers: the target and database ports and the endpoints' 443 from
     * inside the VPC; out to 443 anywhere (through the NAT) and 5432 inside the VPC.
     */
    public static List<Entry> privateTier(String vpcCidr) {
        Table t = new Table();
        t.in(Ports.BACKEND, vpcCidr);
        t.in(Ports.FRONTEND, vpcCidr);
        t.in(Ports.POSTGRES, vpcCidr);
        t.in(Ports.HTTPS, vpcCidr);
        t.in(EPHEMERAL_FROM, EPHEMERAL_TO, ANYWHERE);
        t.out(Ports.HTTPS, ANYWHERE);
        t.out(Ports.POSTGRES, vpcCidr);
        t.out(EPHEMERAL_FROM, EPHEMERAL_TO, vpcCidr);
        return t.entries;
    }

    /** Numbers ingress and egress entries separately, 100, 110, ..., leaving room between them. */
    private static final class Table {
        final List<Entry> entries = new ArrayList<>();
        int nextIn = FIRST_RULE;
        int nextOut = FIRST_RULE;

        void in(int port, String cidr) {
            in(port, port, cidr);
        }

        void in(int from, int to, String cidr) {
            entries.add(new Entry(nextIn, false, from, to, cidr));
            nextIn += RULE_STEP;
        }

        void out(int port, String cidr) {
            out(port, port, cidr);
        }

        void out(int from, int to, String cidr) {
            entries.add(new Entry(nextOut, true, from, to, cidr));
            nextOut += RULE_STEP;
        }
    }
}
