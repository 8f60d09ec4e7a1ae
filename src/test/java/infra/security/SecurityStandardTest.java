package infra.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecurityStandardTest {

    @Test
    void standardsArnsAreRegionalAndFollowThePartition() {
        assertEquals("arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0",
                SecurityStandard.FOUNDATIONAL_BEST_PRACTICES.arn("aws", "us-east-1"));
        assertEquals("arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/1.4.0",
                SecurityStandard.CIS_1_4_0.arn("aws", "eu-west-1"));
        assertEquals("arn:aws-cn:securityhub:cn-north-1::standards/cis-aws-foundations-benchmark/v/1.4.0",
                SecurityStandard.CIS_1_4_0.arn("aws-cn", "cn-north-1"));
    }

    @Test
    void subscriptionArnNamesTheAccount() {
        assertEquals("arn:aws:securityhub:eu-west-1:123456789012:subscription/aws-foundational-security-best-practices/v/1.0.0",
                SecurityStandard.FOUNDATIONAL_BEST_PRACTICES.subscriptionArn("aws", "eu-west-1", "123456789012"));
    }
}
