package infra.config;

import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecuritySettingsTest {

    @Test
    void devAndProdDefaultsFollowThePlansCostStrategy() {
        SecuritySettings dev = Stacks.settings("dev").security();
        SecuritySettings prod = Stacks.settings("prod").security();

        assertEquals(new SecuritySettings(false, true, true, true, true, 2000, Optional.empty(), "FIFTEEN_MINUTES",
                false, false, false), dev);
        assertEquals(new SecuritySettings(true, true, true, true, true, 2000, Optional.empty(), "FIFTEEN_MINUTES",
                false, true, false), prod);
    }

    @Test
    void adoptionSettingsAreRead() {
        SecuritySettings s = Stacks.settings("staging", Map.of("guardDutyDetectorId", "12abc34d567e8fa901bc2d34e56789f0",
                "securityHubAdoptExisting", "true", "configServiceLinkedRoleExists", "true",
                "guardDutyFindingFrequency", "one_hour")).security();

        assertEquals(Optional.of("12abc34d567e8fa901bc2d34e56789f0"), s.existingGuardDutyDetectorId());
        assertEquals("ONE_HOUR", s.guardDutyFindingFrequency());
        assertEquals(List.of(true, true), List.of(s.adoptExistingSecurityHub(), s.configServiceLinkedRoleExists()));
    }

    @Test
    void failsWithEveryBadSecuritySettingAndItsFix() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Stacks.settings("prod",
                Map.of("guardDutyDetectorId", "detector-1", "guardDutyFindingFrequency", "HOURLY")));

        assertEquals(List.of(
                "order-processing:guardDutyDetectorId = 'detector-1': must be the 32-character hex id of the account's "
                        + "existing GuardDuty detector. Fix: pulumi config set order-processing:guardDutyDetectorId <value> --stack prod",
                "order-processing:guardDutyFindingFrequency = 'HOURLY': must be one of FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS"
                        + ". Fix: pulumi config set order-processing:guardDutyFindingFrequency FIFTEEN_MINUTES --stack prod"),
                e.problems().stream().map(ConfigProblem::message).toList());
    }
}
