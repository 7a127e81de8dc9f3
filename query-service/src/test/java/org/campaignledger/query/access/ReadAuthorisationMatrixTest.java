package org.campaignledger.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignledger.query.access.ReadAccessFixtures.BEFORE;
import static org.campaignledger.query.access.ReadAccessFixtures.IN;
import static org.campaignledger.query.access.ReadAccessFixtures.ON;
import static org.campaignledger.query.access.ReadAccessFixtures.OUT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.campaignledger.query.platform.ForbiddenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generated read-authorisation matrix of issue 4: every query endpoint × every reading role of DOMAIN §7 ×
 * in and out of scope. Each domain role is held through the read model it comes from (roster, leading group,
 * supervision group, campaign office), so a resolver that reads the wrong source, or a scope that leaks across
 * counties, fails here. Out of scope is the other county's town; for endpoints not about one unit, it is a day
 * before any domain role began.
 */
class ReadAuthorisationMatrixTest {
    private final ReadAccessFixtures fixtures = new ReadAccessFixtures();

    @AfterEach
    void stop() {
        fixtures.close();
    }

    @Test
    void everyEndpointEveryRoleInAndOutOfScope() {
        int cases = 0;
        List<String> wrong = new ArrayList<>();
        for (ReadEndpoint endpoint : ReadEndpoint.values()) {
            for (ReadRole role : ReadRole.values()) {
                for (boolean inScope : List.of(true, false)) {
                    cases++;
                    boolean expected = expected(endpoint, role, inScope);
                    if (expected != allows(endpoint, role, inScope)) {
                        wrong.add(endpoint.route() + " by " + role + (inScope ? " in" : " out of") + " scope: expected "
                                + (expected ? "allow" : "deny"));
                    }
                }
            }
        }
        System.out.printf("read authorisation matrix: %d endpoints x %d roles x 2 scopes = %d cases%n",
                ReadEndpoint.values().length, ReadRole.values().length, cases);
        assertThat(wrong).isEmpty();
        assertThat(cases).isEqualTo(ReadEndpoint.values().length * ReadRole.values().length * 2);
    }

    /** What §7 says, from the table: platform roles everywhere; domain roles in their scope; leaders are members. */
    private static boolean expected(ReadEndpoint endpoint, ReadRole role, boolean inScope) {
        if (role.platform()) {
            return endpoint.platformRoles().contains(role);
        }
        Set<ReadRole> held = EnumSet.of(role);
        if (role == ReadRole.UNIT_SECRETARY) {
            held.add(ReadRole.LEADERSHIP_MEMBER);
        }
        if (role == ReadRole.SG_LEADER) {
            held.add(ReadRole.SG_MEMBER);
        }
        return inScope && held.stream().anyMatch(endpoint.unitRoles()::contains);
    }

    private boolean allows(ReadEndpoint endpoint, ReadRole role, boolean inScope) {
        boolean aboutUnits = !endpoint.unitFields().isEmpty();
        LocalDate on = aboutUnits || inScope ? ON : BEFORE;
        Reader reader = fixtures.reader(role, on);
        ReadAccess access = new ReadAccess(() -> reader);
        try {
            if (aboutUnits) {
                access.requireUnit(endpoint, inScope ? IN : OUT);
            } else {
                access.requireAnywhere(endpoint);
            }
            return true;
        } catch (ForbiddenException denied) {
            return false;
        }
    }

    @Test
    void aFormerRosterMemberAndAPersonWithoutRolesReadNothing() {
        Reader former = fixtures.readers.resolve("p-former", List.of(), ON);
        Reader nobody = fixtures.readers.resolve("p-nobody", List.of("HIGHER_REVIEWER", "UNIT_SECRETARY"), ON);
        for (Reader reader : List.of(former, nobody)) {
            assertThat(reader.domainRoles()).isEmpty();
            assertThat(reader.platformRoles()).isEmpty();
        }
    }

    @Test
    void campaignOfficeRolesHoldInEveryUnitOfTheirJurisdictionAndNowhereElse() {
        Reader staff = fixtures.reader(ReadRole.CAMPAIGN_OFFICE_STAFF, ON);
        assertThat(staff.unitsHolding(Set.of(ReadRole.CAMPAIGN_OFFICE_STAFF)))
                .containsExactlyInAnyOrder("county-in", IN);
        Reader approver = fixtures.reader(ReadRole.CAMPAIGN_OFFICE_APPROVER, LocalDate.of(2014, 1, 1));
        assertThat(approver.domainRoles()).as("the office is established on 2014-01-02").isEmpty();
    }
}
