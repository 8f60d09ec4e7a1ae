package infra.network;

/** The TCP ports of the plan's "Security Group Architecture", named once for groups and NACLs. */
public final class Ports {
    private Ports() {
    }

    /** ALB listener (plan: "Port 80 (HTTP) from 0.0.0.0/0"). */
    public static final int HTTP = 80;
    /** ALB listener when HTTPS is configured; also AWS APIs and VPC interface endpoints. */
    public static final int HTTPS = 443;
    /** Backend container port (plan: "Port 3000 from ALB Security Group only"). */
    public static final int BACKEND = 3000;
    /** Frontend container port (plan: "Port 80 from ALB Security Group only"). */
    public static final int FRONTEND = 80;
    /** Aurora PostgreSQL (plan: "Port 5432"). */
    public static final int POSTGRES = 5432;
}
