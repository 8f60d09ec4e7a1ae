package infra.security;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingPatternsTest {

    static JsonObject securityHubFinding(String label, String workflow) {
        return json("""
                {"version":"0","id":"8e5622f9-d81c-4d81-612a-9319e7ee2506","detail-type":"Security Hub Findings - Imported",
                 "source":"aws.securityhub","account":"123456789012","region":"us-east-1",
                 "detail":{"findings":[{"AwsAccountId":"123456789012","Title":"S3.1 Block Public Access should be enabled",
                   "Types":["Software and Configuration Checks"],"Resources":[{"Id":"arn:aws:s3:::example"}],
                   "Severity":{"Label":"%s","Normalized":70},"Workflow":{"Status":"%s"}}]}}
                """.formatted(label, workflow));
    }

    static JsonObject guardDutyFinding(double severity) {
        return json("""
                {"version":"0","id":"c8c4daa7-a20c-2f03-0070-b7393dd542ad","detail-type":"GuardDuty Finding",
                 "source":"aws.guardduty","account":"123456789012","region":"us-east-1",
                 "detail":{"schemaVersion":"2.0","accountId":"123456789012","region":"us-east-1","id":"16afba5c5c43e07c9e3e5e2e544e95df",
                   "type":"CryptoCurrency:EC2/BitcoinTool.B!DNS","severity":%s,"title":"Bitcoin-related domain queried"}}
                """.formatted(severity));
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    void securityHubPatternIsTheIssuesFilterAsData() {
        assertEquals(json("""
                {"source":["aws.securityhub"],"detail-type":["Security Hub Findings - Imported"],
                 "detail":{"findings":{"Severity":{"Label":["HIGH","CRITICAL"]},"Workflow":{"Status":["NEW","NOTIFIED"]}}}}
                """), FindingPatterns.securityHubHighFindings());
    }

    @Test
    void securityHubPatternMatchesHighAndCriticalNewOrNotifiedFindingsOnly() {
        JsonObject pattern = FindingPatterns.securityHubHighFindings();

        assertTrue(EventPatternMatcher.matches(pattern, securityHubFinding("HIGH", "NEW")));
        assertTrue(EventPatternMatcher.matches(pattern, securityHubFinding("CRITICAL", "NOTIFIED")));
        assertFalse(EventPatternMatcher.matches(pattern, securityHubFinding("LOW", "NEW")));
        assertFalse(EventPatternMatcher.matches(pattern, securityHubFinding("MEDIUM", "NEW")));
        assertFalse(EventPatternMatcher.matches(pattern, securityHubFinding("HIGH", "RESOLVED")));
        assertFalse(EventPatternMatcher.matches(pattern, securityHubFinding("HIGH", "SUPPRESSED")));
    }

    @Test
    void securityHubPatternIgnoresOtherDetailTypesAndSources() {
        JsonObject pattern = FindingPatterns.securityHubHighFindings();
        JsonObject custom = securityHubFinding("HIGH", "NEW");
        custom.addProperty("detail-type", "Security Hub Findings - Custom Action");
        JsonObject guardDuty = guardDutyFinding(8.0);

        assertFalse(EventPatternMatcher.matches(pattern, custom));
        assertFalse(EventPatternMatcher.matches(pattern, guardDuty));
    }

    @Test
    void guardDutyPatternMatchesSeverityFromSevenUp() {
        JsonObject pattern = FindingPatterns.guardDutyHighFindings();

        assertTrue(EventPatternMatcher.matches(pattern, guardDutyFinding(8.0)));
        assertTrue(EventPatternMatcher.matches(pattern, guardDutyFinding(7.0)));
        assertTrue(EventPatternMatcher.matches(pattern, guardDutyFinding(9.5)));
        assertFalse(EventPatternMatcher.matches(pattern, guardDutyFinding(4.0)));
        assertFalse(EventPatternMatcher.matches(pattern, guardDutyFinding(6.9)));
        assertFalse(EventPatternMatcher.matches(pattern, securityHubFinding("HIGH", "NEW")));
    }

    @Test
    void guardDutyPatternIgnoresOtherDetailTypes() {
        JsonObject event = guardDutyFinding(8.0);
        event.addProperty("detail-type", "AWS API Call via CloudTrail");

        assertFalse(EventPatternMatcher.matches(FindingPatterns.guardDutyHighFindings(), event));
    }

    @Test
    void matcherSupportsPrefixAnythingButAndExists() {
        JsonObject event = json("{\"source\":\"aws.ec2\",\"detail\":{\"state\":\"running\",\"tags\":[\"a\",\"b\"]}}");

        assertTrue(EventPatternMatcher.matches(json("{\"source\":[{\"prefix\":\"aws.\"}]}"), event));
        assertFalse(EventPatternMatcher.matches(json("{\"detail\":{\"state\":[{\"anything-but\":[\"running\",\"stopped\"]}]}}"), event));
        assertTrue(EventPatternMatcher.matches(json("{\"detail\":{\"state\":[{\"anything-but\":\"stopped\"}]}}"), event));
        assertTrue(EventPatternMatcher.matches(json("{\"detail\":{\"tags\":[\"b\"]}}"), event));
        assertTrue(EventPatternMatcher.matches(json("{\"detail\":{\"missing\":[{\"exists\":false}]}}"), event));
        assertFalse(EventPatternMatcher.matches(json("{\"detail\":{\"missing\":[{\"exists\":true}]}}"), event));
    }

    @Test
    void matcherRejectsOperatorsItDoesNotImplement() {
        JsonObject event = json("{\"source\":\"aws.ec2\"}");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventPatternMatcher.matches(json("{\"source\":[{\"suffix\":\".ec2\"}]}"), event));
        assertEquals("unsupported operator 'suffix' at $.source; supported: exists, prefix, numeric, anything-but", e.getMessage());
    }
}
