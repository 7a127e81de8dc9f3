package org.campaignledger.command.organisation.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignledger.command.InMemoryDirectories;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.OrgUnitCommand.AppointDepartmentHead;
import org.campaignledger.kernel.organisation.OrgUnitCommand.AppointRosterMember;
import org.campaignledger.kernel.organisation.OrgUnitCommand.AssignPortfolio;
import org.campaignledger.kernel.organisation.OrgUnitCommand.DesignateContactPoint;
import org.campaignledger.kernel.organisation.OrgUnitCommand.DissolveUnit;
import org.campaignledger.kernel.organisation.OrgUnitCommand.EndRosterMembership;
import org.campaignledger.kernel.organisation.OrgUnitCommand.FlagUnit;
import org.campaignledger.kernel.organisation.OrgUnitCommand.MergeUnit;
import org.campaignledger.kernel.organisation.OrgUnitCommand.ReparentUnit;
import org.campaignledger.kernel.organisation.OrgUnitEvent.ContactPointDesignated;
import org.campaignledger.kernel.organisation.OrgUnitEvent.PortfolioAssigned;
import org.campaignledger.kernel.organisation.OrgUnitEvent.RosterMemberAppointed;
import org.campaignledger.kernel.organisation.OrgUnitEvent.RosterMembershipEnded;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitDissolved;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitFlagged;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitMerged;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitRegistered;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitReparented;
import org.campaignledger.kernel.organisation.PartyOrgKind;
import org.campaignledger.kernel.organisation.RosterEndReason;
import org.campaignledger.kernel.organisation.RosterPosition;
import org.campaignledger.kernel.organisation.UnitFlag;
import org.campaignledger.kernel.organisation.UnitFlags;
import org.campaignledger.kernel.organisation.UnitType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Roster, contact points, flags and tree changes of a registered unit (DOMAIN §4.1). */
class OrgUnitRosterTest {
    private static final UnitId TOWN = UnitId.of("town");
    private static final PersonId LI = PersonId.of("li");
    private static final PersonId ZHAO = PersonId.of("zhao");
    private static final LocalDate JAN_1 = LocalDate.of(2014, 1, 1);
    private static final LocalDate FEB_28 = LocalDate.of(2014, 2, 28);
    private static final LocalDate MAR_1 = LocalDate.of(2014, 3, 1);

    private AggregateTestFixture<OrgUnit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OrgUnit.class);
        fixture.registerInjectableResource(new InMemoryDirectories()
                .unit("province", Level.PROVINCE, UnitType.LEADING_BODY)
                .unit("county", Level.COUNTY, UnitType.LEADING_BODY, "province")
                .unit("county-b", Level.COUNTY, UnitType.LEADING_BODY, "province")
                .unit("town", Level.TOWNSHIP, UnitType.TOWNSHIP_STREET, "province", "county")
                .unit("town-b", Level.TOWNSHIP, UnitType.TOWNSHIP_STREET, "province", "county-b")
                .unit("village", Level.VILLAGE, UnitType.VILLAGE_COMMUNITY, "province", "county", "town")
                .unit("office", Level.TOWNSHIP, UnitType.DIRECT_UNIT, "province", "county", "town"));
        Set<PersonId> registered = Set.of(LI, ZHAO, PersonId.of("governor"));
        fixture.registerInjectableResource((PersonDirectory) registered::contains);
    }

    private static UnitRegistered town() {
        return new UnitRegistered(TOWN, "TOWN", "Town", Level.TOWNSHIP, UnitType.TOWNSHIP_STREET,
                PartyOrgKind.COMMITTEE, UnitId.of("county"), UnitId.of("county"), UnitFlags.NONE,
                List.of(UnitId.of("province"), UnitId.of("county")));
    }

    private static UnitRegistered county() {
        return new UnitRegistered(UnitId.of("county"), "COUNTY", "County", Level.COUNTY, UnitType.LEADING_BODY,
                PartyOrgKind.COMMITTEE, UnitId.of("province"), UnitId.of("county"), UnitFlags.NONE,
                List.of(UnitId.of("province")));
    }

    private static RosterMemberAppointed secretary(PersonId person, LocalDate from) {
        return new RosterMemberAppointed(TOWN, person, RosterPosition.SECRETARY, true, from);
    }

    private static AppointRosterMember appointSecretary(PersonId person, LocalDate from) {
        return new AppointRosterMember(TOWN, person, RosterPosition.SECRETARY, true, from);
    }

    @Test
    void R_ORG_01_a_unit_cannot_move_under_its_own_descendant() {
        fixture.given(town())
                .when(new ReparentUnit(TOWN, UnitId.of("village"), MAR_1, "re-zoning"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("unit town cannot be its own ancestor");
    }

    @Test
    void R_ORG_01_a_unit_cannot_move_under_a_lower_level_parent() {
        fixture.given(county())
                .when(new ReparentUnit(UnitId.of("county"), UnitId.of("town-b"), MAR_1, "re-zoning"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a COUNTY unit cannot be placed under the TOWNSHIP unit town-b");
    }

    @Test
    void R_ORG_01_the_new_parent_must_exist() {
        fixture.given(town())
                .when(new ReparentUnit(TOWN, UnitId.of("nowhere"), MAR_1, null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("parent unit nowhere is not registered");
    }

    @Test
    void R_ORG_01_a_move_records_the_new_path_and_inherited_jurisdiction() {
        fixture.given(town())
                .when(new ReparentUnit(TOWN, UnitId.of("county-b"), MAR_1, "re-zoning"))
                .expectEvents(new UnitReparented(TOWN, UnitId.of("county"), UnitId.of("county-b"),
                        List.of(UnitId.of("province"), UnitId.of("county-b")), UnitId.of("county-b"), MAR_1,
                        "re-zoning"));
    }

    @Test
    void a_county_keeps_its_own_jurisdiction_when_it_moves() {
        fixture.given(new UnitRegistered(UnitId.of("county-c"), "C", "County C", Level.COUNTY,
                        UnitType.LEADING_BODY, PartyOrgKind.COMMITTEE, UnitId.of("county"), UnitId.of("county-c"),
                        UnitFlags.NONE, List.of(UnitId.of("province"), UnitId.of("county"))))
                .when(new ReparentUnit(UnitId.of("county-c"), UnitId.of("province"), MAR_1, null))
                .expectEvents(new UnitReparented(UnitId.of("county-c"), UnitId.of("county"), UnitId.of("province"),
                        List.of(UnitId.of("province")), UnitId.of("county-c"), MAR_1, null));
    }

    @Test
    void a_merged_unit_accepts_no_further_commands() {
        fixture.given(town(), new UnitMerged(TOWN, UnitId.of("town-b"), MAR_1))
                .when(new FlagUnit(TOWN, UnitFlag.WEAK_AND_LAX, true, "review"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("unit town is MERGED and accepts no further commands");
    }

    @Test
    void a_dissolved_unit_accepts_no_further_commands() {
        fixture.given(town(), new UnitDissolved(TOWN, MAR_1, "abolished"))
                .when(new MergeUnit(TOWN, UnitId.of("town-b"), MAR_1))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("unit town is DISSOLVED and accepts no further commands");
    }

    @Test
    void merge_and_dissolve_end_the_unit() {
        fixture.given(town())
                .when(new MergeUnit(TOWN, UnitId.of("town-b"), MAR_1))
                .expectEvents(new UnitMerged(TOWN, UnitId.of("town-b"), MAR_1));
        fixture.given(town())
                .when(new MergeUnit(TOWN, TOWN, MAR_1))
                .expectNoEvents()
                .expectExceptionMessage("a unit cannot be merged into itself");
        fixture.given(town())
                .when(new DissolveUnit(TOWN, MAR_1, "abolished"))
                .expectEvents(new UnitDissolved(TOWN, MAR_1, "abolished"));
    }

    @Test
    void a_flag_is_set_with_its_reason() {
        fixture.given(town())
                .when(new FlagUnit(TOWN, UnitFlag.WEAK_AND_LAX, true, "county review 2014-02"))
                .expectEvents(new UnitFlagged(TOWN, UnitFlag.WEAK_AND_LAX, true, "county review 2014-02"));
    }

    @Test
    void R_ORG_03_a_second_main_leader_cannot_overlap_an_open_one() {
        fixture.given(town(), secretary(LI, JAN_1))
                .when(appointSecretary(ZHAO, MAR_1))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("unit town already has main leader li from 2014-01-01 with no end date");
    }

    @Test
    void R_ORG_03_a_main_leadership_ending_on_the_new_start_day_still_overlaps() {
        fixture.given(town(), secretary(LI, JAN_1),
                        new RosterMembershipEnded(TOWN, LI, MAR_1, RosterEndReason.ELECTION))
                .when(appointSecretary(ZHAO, MAR_1))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("unit town already has main leader li from 2014-01-01 to 2014-03-01");
    }

    @Test
    void R_ORG_03_a_successor_starts_the_day_after_the_predecessor_ends() {
        fixture.given(town(), secretary(LI, JAN_1),
                        new RosterMembershipEnded(TOWN, LI, FEB_28, RosterEndReason.ELECTION))
                .when(appointSecretary(ZHAO, MAR_1))
                .expectEvents(secretary(ZHAO, MAR_1));
    }

    @Test
    void R_ORG_03_members_who_are_not_main_leaders_do_not_count() {
        fixture.given(town(), secretary(LI, JAN_1))
                .when(new AppointRosterMember(TOWN, ZHAO, RosterPosition.DEPUTY_SECRETARY, false, MAR_1))
                .expectEvents(new RosterMemberAppointed(TOWN, ZHAO, RosterPosition.DEPUTY_SECRETARY, false, MAR_1));
    }

    @Test
    void a_roster_member_must_be_a_registered_person_and_not_already_on_the_roster() {
        fixture.given(town())
                .when(appointSecretary(PersonId.of("stranger"), JAN_1))
                .expectNoEvents()
                .expectExceptionMessage("person stranger is not registered");
        fixture.given(town(), secretary(LI, JAN_1))
                .when(new AppointRosterMember(TOWN, LI, RosterPosition.MEMBER, false, MAR_1))
                .expectNoEvents()
                .expectExceptionMessage("person li is on the roster of town from 2014-01-01");
    }

    @Test
    void a_membership_ends_only_for_a_person_on_the_roster_and_not_before_it_began() {
        fixture.given(town())
                .when(new EndRosterMembership(TOWN, LI, MAR_1, RosterEndReason.TRANSFER))
                .expectNoEvents()
                .expectExceptionMessage("person li is not on the roster of town");
        fixture.given(town(), secretary(LI, MAR_1))
                .when(new EndRosterMembership(TOWN, LI, FEB_28, RosterEndReason.TRANSFER))
                .expectNoEvents()
                .expectExceptionMessage("effectiveTo 2014-02-28 is before the membership began on 2014-03-01");
        fixture.given(town(), secretary(LI, MAR_1))
                .when(new EndRosterMembership(TOWN, LI, MAR_1, RosterEndReason.DISMISSAL))
                .expectEvents(new RosterMembershipEnded(TOWN, LI, MAR_1, RosterEndReason.DISMISSAL));
    }

    @Test
    void R_ORG_04_a_portfolio_needs_the_member_on_the_roster_on_its_first_day() {
        fixture.given(town(), secretary(LI, MAR_1))
                .when(new AssignPortfolio(TOWN, LI, List.of(UnitId.of("office")), FEB_28))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("person li is not on the roster of town on 2014-02-28");
        fixture.given(town(), secretary(LI, JAN_1), new RosterMembershipEnded(TOWN, LI, FEB_28, RosterEndReason.OTHER))
                .when(new AssignPortfolio(TOWN, LI, List.of(UnitId.of("office")), MAR_1))
                .expectNoEvents()
                .expectExceptionMessage("person li is not on the roster of town on 2014-03-01");
        fixture.given(town(), secretary(LI, JAN_1))
                .when(new AssignPortfolio(TOWN, LI, List.of(UnitId.of("office")), MAR_1))
                .expectEvents(new PortfolioAssigned(TOWN, LI, List.of(UnitId.of("office")), MAR_1));
    }

    @Test
    void a_portfolio_and_a_department_head_name_registered_departments() {
        fixture.given(town(), secretary(LI, JAN_1))
                .when(new AssignPortfolio(TOWN, LI, List.of(UnitId.of("nowhere")), MAR_1))
                .expectNoEvents()
                .expectExceptionMessage("unit nowhere is not registered");
        fixture.given(town())
                .when(new AppointDepartmentHead(TOWN, UnitId.of("nowhere"), ZHAO, MAR_1))
                .expectNoEvents()
                .expectExceptionMessage("unit nowhere is not registered");
    }

    @Test
    void R_ORG_06_a_contact_point_leader_is_of_a_higher_level_than_the_unit() {
        fixture.given(town())
                .when(new DesignateContactPoint(TOWN, ZHAO, Level.TOWNSHIP, MAR_1))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a TOWNSHIP leader cannot take the TOWNSHIP unit town as a contact point;"
                        + " the leader's level must be higher");
        fixture.given(town())
                .when(new DesignateContactPoint(TOWN, ZHAO, Level.VILLAGE, MAR_1))
                .expectNoEvents()
                .expectException(RuleViolation.class);
        fixture.given(town())
                .when(new DesignateContactPoint(TOWN, ZHAO, Level.COUNTY, MAR_1))
                .expectEvents(new ContactPointDesignated(TOWN, ZHAO, Level.COUNTY, MAR_1));
    }

    @Test
    void a_leader_designates_a_unit_as_contact_point_once() {
        fixture.given(town(), new ContactPointDesignated(TOWN, ZHAO, Level.COUNTY, JAN_1))
                .when(new DesignateContactPoint(TOWN, ZHAO, Level.COUNTY, MAR_1))
                .expectNoEvents()
                .expectExceptionMessage("unit town is already a contact point of zhao");
    }

    @Test
    void R_ORG_02_a_units_type_is_frozen_once_it_has_reached_stage_2() {
        fixture.registerInjectableResource((UnitStages) unit -> unit.equals(TOWN));
        fixture.given(town())
                .when(new org.campaignledger.kernel.organisation.OrgUnitCommand.ReclassifyUnit(TOWN,
                        UnitType.DEV_ZONE, "registered as the wrong type"))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("unit town has reached Stage 2; its type TOWNSHIP_STREET is frozen and "
                        + "corrections go through the campaign office");
    }

    @Test
    void R_ORG_02_before_stage_2_a_unit_is_reclassified() {
        fixture.registerInjectableResource((UnitStages) unit -> false);
        fixture.given(town())
                .when(new org.campaignledger.kernel.organisation.OrgUnitCommand.ReclassifyUnit(TOWN,
                        UnitType.DEV_ZONE, "it is a development zone"))
                .expectEvents(new org.campaignledger.kernel.organisation.OrgUnitEvent.UnitReclassified(TOWN,
                        UnitType.TOWNSHIP_STREET, UnitType.DEV_ZONE, "it is a development zone"));
    }
}
