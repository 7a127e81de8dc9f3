package org.campaignledger.command.organisation.domain;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignledger.command.InMemoryDirectories;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.OrgUnitCommand.RegisterUnit;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitRegistered;
import org.campaignledger.kernel.organisation.PartyOrgKind;
import org.campaignledger.kernel.organisation.UnitFlags;
import org.campaignledger.kernel.organisation.UnitType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrgUnitTest {
    private AggregateTestFixture<OrgUnit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OrgUnit.class);
        fixture.registerInjectableResource(new InMemoryDirectories()
                .unit("province", Level.PROVINCE, UnitType.LEADING_BODY)
                .unit("county", Level.COUNTY, UnitType.LEADING_BODY, "province")
                .unit("town", Level.TOWNSHIP, UnitType.TOWNSHIP_STREET, "province", "county"));
    }

    private static RegisterUnit register(String id, Level level, String parent) {
        return new RegisterUnit(UnitId.of(id), id.toUpperCase(), "Unit " + id, level, UnitType.VILLAGE_COMMUNITY,
                PartyOrgKind.BRANCH, parent == null ? null : UnitId.of(parent), null, null);
    }

    @Test
    void R_ORG_01_a_child_is_never_above_its_parent() {
        fixture.givenNoPriorActivity()
                .when(register("too-high", Level.COUNTY, "town"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a COUNTY unit cannot be placed under the TOWNSHIP unit town");
    }

    @Test
    void R_ORG_01_the_parent_must_exist() {
        fixture.givenNoPriorActivity()
                .when(register("orphan", Level.VILLAGE, "nowhere"))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void R_ORG_01_a_unit_cannot_be_its_own_ancestor() {
        fixture.givenNoPriorActivity()
                .when(register("county", Level.TOWNSHIP, "town"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("unit county cannot be its own ancestor");
    }

    @Test
    void R_ORG_01_a_valid_child_records_its_path_and_jurisdiction() {
        fixture.givenNoPriorActivity()
                .when(register("village", Level.VILLAGE, "town"))
                .expectEvents(new UnitRegistered(UnitId.of("village"), "VILLAGE", "Unit village", Level.VILLAGE,
                        UnitType.VILLAGE_COMMUNITY, PartyOrgKind.BRANCH, UnitId.of("town"), UnitId.of("county"),
                        UnitFlags.NONE, List.of(UnitId.of("province"), UnitId.of("county"), UnitId.of("town"))));
    }

    @Test
    void R_ORG_01_same_level_as_parent_is_allowed() {
        fixture.givenNoPriorActivity()
                .when(register("sub-town", Level.TOWNSHIP, "town"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_county_is_its_own_jurisdiction() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit(UnitId.of("county-2"), "C2", "County 2", Level.COUNTY, UnitType.LEADING_BODY,
                        PartyOrgKind.COMMITTEE, UnitId.of("province"), null, null))
                .expectEvents(new UnitRegistered(UnitId.of("county-2"), "C2", "County 2", Level.COUNTY,
                        UnitType.LEADING_BODY, PartyOrgKind.COMMITTEE, UnitId.of("province"), UnitId.of("county-2"),
                        UnitFlags.NONE, List.of(UnitId.of("province"))));
    }
}
