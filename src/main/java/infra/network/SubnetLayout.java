package infra.network;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;

import java.util.ArrayList;
import java.util.List;

/**
 * Carves a VPC CIDR into one subnet per tier per availability zone. Pure arithmetic, no resources.
 *
 * <p>Each tier owns a block of {@link #MAX_AZ_COUNT} slots, so the plan's defaults come out for
 * {@code 10.0.0.0/16} over three AZs: public {@code 10.0.0.0/24–10.0.2.0/24}, application
 * {@code 10.0.3.0/24–10.0.5.0/24}, data {@code 10.0.6.0/24–10.0.8.0/24}. Slots are reserved per
 * tier even when fewer AZs are used, so going from two AZs to three adds subnets and never moves
 * (and so replaces) an existing one.
 *
 * <p>Subnets are {@code /24} (the plan's size) when the VPC has room; smaller VPCs get the largest
 * equal size that still fits all slots, down to AWS's smallest subnet, {@code /28}.
 */
public final class SubnetLayout {

    public enum Tier { PUBLIC, APP, DATA }

    /** One subnet: its tier, the index of its AZ in the region's AZ list, and its CIDR. */
    public record Spec(Tier tier, int azIndex, String cidr) {
    }

    /** The plan's subnet size ("Private Subnet Architecture": 10.0.0.0/24 ...). */
    public static final int PREFERRED_SUBNET_PREFIX = 24;
    /** AWS's smallest IPv4 subnet (VPC user guide, "Subnet sizing"). */
    public static final int SMALLEST_SUBNET_PREFIX = 28;
    /** AWS's VPC CIDR size limits (VPC user guide, "VPC CIDR blocks"): /16 to /28. */
    public static final int LARGEST_VPC_PREFIX = 16;
    public static final int MAX_AZ_COUNT = 3;
    public static final int MIN_AZ_COUNT = 2;

    private static final int SLOTS = Tier.values().length * MAX_AZ_COUNT;
    /** Address bits needed to number {@link #SLOTS} slots (9 slots need 4 bits). */
    private static final int SLOT_BITS = 32 - Integer.numberOfLeadingZeros(SLOTS - 1);

    private final String vpcCidr;
    private final int subnetPrefix;
    private final List<Spec> specs;

    private SubnetLayout(String vpcCidr, int subnetPrefix, List<Spec> specs) {
        this.vpcCidr = vpcCidr;
        this.subnetPrefix = subnetPrefix;
        this.specs = List.copyOf(specs);
    }

    /**
     * Lays out {@code azCount} subnets per tier inside {@code vpcCidr}.
     *
     * @throws IllegalArgumentException naming the input, what is allowed and a way out
     */
    public static SubnetLayout of(String vpcCidr, int azCount) {
        if (azCount < MIN_AZ_COUNT || azCount > MAX_AZ_COUNT) {
            throw new IllegalArgumentException("azCount must be between " + MIN_AZ_COUNT + " and " + MAX_AZ_COUNT
                    + ", got " + azCount);
        }
        IPAddress vpc = parse(vpcCidr);
        int vpcPrefix = vpc.getNetworkPrefixLength();
        int prefix = Math.max(PREFERRED_SUBNET_PREFIX, vpcPrefix + SLOT_BITS);
        if (prefix > SMALLEST_SUBNET_PREFIX) {
            throw new IllegalArgumentException("vpcCidr " + vpcCidr + " is too small: " + SLOTS + " subnet slots ("
                    + Tier.values().length + " tiers x " + MAX_AZ_COUNT + " AZs) would each be /" + prefix
                    + ", smaller than AWS's smallest subnet /" + SMALLEST_SUBNET_PREFIX + "; use a /"
                    + (SMALLEST_SUBNET_PREFIX - SLOT_BITS) + " or larger VPC");
        }

        long base = vpc.getLower().getValue().longValue();
        long size = 1L << (32 - prefix);
        List<Spec> specs = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            for (int az = 0; az < azCount; az++) {
                long start = base + (long) (tier.ordinal() * MAX_AZ_COUNT + az) * size;
                IPv4Address subnet = new IPv4Address((int) start, prefix);
                specs.add(new Spec(tier, az, subnet.toPrefixBlock().toCanonicalString()));
            }
        }
        return new SubnetLayout(vpc.toCanonicalString(), prefix, specs);
    }

    private static IPAddress parse(String vpcCidr) {
        IPAddress address = vpcCidr == null ? null : new IPAddressString(vpcCidr.trim()).getAddress();
        if (address == null || !address.isIPv4() || address.getNetworkPrefixLength() == null) {
            throw new IllegalArgumentException("vpcCidr must be an IPv4 CIDR block such as 10.0.0.0/16, got " + vpcCidr);
        }
        int prefix = address.getNetworkPrefixLength();
        if (prefix < LARGEST_VPC_PREFIX || prefix > SMALLEST_SUBNET_PREFIX) {
            throw new IllegalArgumentException("vpcCidr must have a prefix between /" + LARGEST_VPC_PREFIX + " and /"
                    + SMALLEST_SUBNET_PREFIX + " (AWS's VPC limits), got " + vpcCidr);
        }
        if (!address.equals(address.toPrefixBlock())) {
            throw new IllegalArgumentException("vpcCidr " + vpcCidr + " has host bits set; did you mean "
                    + address.toPrefixBlock().toCanonicalString() + "?");
        }
        return address.toPrefixBlock();
    }

    public String vpcCidr() {
        return vpcCidr;
    }

    /** The prefix length every subnet shares, e.g. 24. */
    public int subnetPrefix() {
        return subnetPrefix;
    }

    /** All subnets, tier by tier, AZ order within a tier. */
    public List<Spec> all() {
        return specs;
    }

    /** One tier's subnets in AZ order. */
    public List<Spec> tier(Tier tier) {
        return specs.stream().filter(s -> s.tier() == tier).toList();
    }
}
