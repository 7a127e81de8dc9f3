package org.campaignledger.command.supervision.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignledger.command.InMemoryDirectories;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.SgId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.supervision.SgKind;
import org.campaignledger.kernel.supervision.SgMember;
import org.campaignledger.kernel.supervision.SupervisionGroupCommand.AddSgMember;
import org.campaignledger.kernel.supervision.SupervisionGroupCommand.AssignUnit;
import org.campaignledger.kernel.supervision.SupervisionGroupCommand.DisbandSupervisionGroup;
import org.campaignledger.kernel.supervision.SupervisionGroupCommand.FormSupervisionGroup;
import org.campaignledger.kernel.supervision.SupervisionGroupCommand.RemoveSgMember;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupDisbanded;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupFormed;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupMemberAdded;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.UnitAssignedToSupervisionGroup;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.UnitUnassignedFromSupervisionGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupervisionGroupTest {
    private static final SgId SG = SgId.of("sg-3");
    private static final UnitId COUNTY = UnitId.of("county");
    private static final UnitId TOWN = UnitId.of("town");
    private static final UnitId CDI = UnitId.of("cdi");
    private static final LocalDate FORMED_ON = LocalDate.of(2014, 2, 20);
    private static final LocalDate FROM = LocalDate.of(2014, 3, 1);
    private static final PersonId LEADER = PersonId.of("leader");
    private static final List<SgMember> MEMBERS = List.of(new SgMember(LEADER, CDI),
            new SgMember(PersonId.of("staff"), UnitId.of("org-dept")));

    private AggregateTestFixture<SupervisionGroup> fixture;
    private InMemoryRosters rosters;
    private InMemorySupervision groups;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupervisionGroup.class);
        rosters = new InMemoryRosters();
        groups = new InMemorySupervision();
        fixture.registerInjectableResource(new InMemoryDirectories()
                .unit("central", Level.CENTRAL, UnitType.LEADING_BODY)
                .unit("prov", Level.PROVINCE, UnitType.LEADING_BODY, "central")
                .unit("city", Level.CITY, UnitType.LEADING_BODY, "central", "prov")
                .unit("county", Level.COUNTY, UnitType.LEADING_BODY, "central", "prov", "city")
                .unit("cdi", Level.COUNTY, UnitType.DIRECT_UNIT, "central", "prov", "city", "county")
                .unit("org-dept", Level.COUNTY, UnitType.DIRECT_UNIT, "central", "prov", "city", "county")
                .unit("town", Level.TOWNSHIP, UnitType.TOWNSHIP_STREET, "central", "prov", "city", "county")
                .unit("village", Level.VILLAGE, UnitType.VILLAGE_COMMUNITY, "central", "prov", "city", "county",
                        "town"));
        fixture.registerInjectableResource(rosters);
        fixture.registerInjectableResource(groups);
    }

    private static SupervisionGroupFormed formed(SgKind kind, String dispatcher, Level level) {
        return new SupervisionGroupFormed(SG, kind, UnitId.of(dispatcher), level, "第3督导组", LEADER, MEMBERS,
                FORMED_ON);
    }

    private static SupervisionGroupFormed formedByCounty() {
        return formed(SgKind.SUPERVISION, "county", Level.COUNTY);
    }

    @Test
    void forming_a_group_records_the_dispatching_level() {
        fixture.givenNoPriorActivity()
                .when(new FormSupervisionGroup(SG, SgKind.SUPERVISION, COUNTY, "第3督导组", LEADER, MEMBERS, FORMED_ON))
                .expectEvents(formedByCounty());
    }

    @Test
    void a_group_has_at_least_two_members_including_the_leader() {
        assertThatThrownBy(() -> new FormSupervisionGroup(SG, SgKind.SUPERVISION, COUNTY, "第3督导组", LEADER,
                List.of(new SgMember(LEADER, CDI)), FORMED_ON))
                .isInstanceOf(InvalidCommandException.class).hasMessage("members: must name at least two members");
        assertThatThrownBy(() -> new FormSupervisionGroup(SG, SgKind.SUPERVISION, COUNTY, "第3督导组",
                PersonId.of("someone-else"), MEMBERS, FORMED_ON))
                .isInstanceOf(InvalidCommandException.class).hasMessage("members: must include the leader");
    }

    @Test
    void R_SG_01_a_county_sends_supervision_groups_to_its_townships() {
        fixture.given(formedByCounty())
                .when(new AssignUnit(SG, TOWN, FROM))
                .expectEvents(new UnitAssignedToSupervisionGroup(SG, TOWN, FROM));
    }

    @Test
    void R_SG_01_villages_get_a_guidance_group_not_a_supervision_group() {
        fixture.given(formedByCounty())
                .when(new AssignUnit(SG, UnitId.of("village"), FROM))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a COUNTY unit may not send a SUPERVISION group to village (VILLAGE, VILLAGE_COMMUNITY)");
    }

    @Test
    void R_SG_01_a_guidance_group_comes_from_a_superior_party_organisation() {
        fixture.given(formed(SgKind.GUIDANCE, "town", Level.TOWNSHIP))
                .when(new AssignUnit(SG, UnitId.of("village"), FROM))
                .expectEvents(new UnitAssignedToSupervisionGroup(SG, UnitId.of("village"), FROM));
    }

    @Test
    void R_SG_01_a_city_does_not_send_supervision_groups_to_counties() {
        fixture.given(formed(SgKind.SUPERVISION, "city", Level.CITY))
                .when(new AssignUnit(SG, COUNTY, FROM))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a CITY unit may not send a SUPERVISION group to county (COUNTY, LEADING_BODY)");
    }

    @Test
    void R_SG_01_the_centre_sends_circuit_groups_to_cities() {
        fixture.given(formed(SgKind.CIRCUIT, "central", Level.CENTRAL))
                .when(new AssignUnit(SG, UnitId.of("city"), FROM))
                .expectEvents(new UnitAssignedToSupervisionGroup(SG, UnitId.of("city"), FROM));
    }

    @Test
    void R_SG_02_a_unit_has_one_non_circuit_group_at_a_time() {
        groups.assigned(new SupervisionDirectory.Assignment(SgId.of("sg-1"), SgKind.SUPERVISION, COUNTY,
                Level.COUNTY, TOWN, LocalDate.of(2014, 2, 25)), null);
        fixture.given(formedByCounty())
                .when(new AssignUnit(SG, TOWN, FROM))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("town is already supervised by group sg-1 from 2014-02-25");
    }

    @Test
    void R_SG_02_a_later_assignment_of_another_group_also_counts() {
        groups.assigned(new SupervisionDirectory.Assignment(SgId.of("sg-1"), SgKind.GUIDANCE, COUNTY,
                Level.COUNTY, TOWN, LocalDate.of(2014, 4, 1)), null);
        fixture.given(formedByCounty())
                .when(new AssignUnit(SG, TOWN, FROM))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("town is already supervised by group sg-1 from 2014-04-01");
    }

    @Test
    void R_SG_02_circuit_groups_and_ended_assignments_do_not_count() {
        groups.assigned(new SupervisionDirectory.Assignment(SgId.of("sg-c"), SgKind.CIRCUIT, UnitId.of("prov"),
                        Level.PROVINCE, TOWN, LocalDate.of(2014, 2, 1)), null)
                .assigned(new SupervisionDirectory.Assignment(SgId.of("sg-old"), SgKind.SUPERVISION, COUNTY,
                        Level.COUNTY, TOWN, LocalDate.of(2014, 1, 1)), LocalDate.of(2014, 2, 28));
        fixture.given(formedByCounty())
                .when(new AssignUnit(SG, TOWN, FROM))
                .expectEvents(new UnitAssignedToSupervisionGroup(SG, TOWN, FROM));
    }

    @Test
    void R_SG_03_a_member_on_the_units_roster_may_not_supervise_it() {
        rosters.onRoster("town", "staff", LocalDate.of(2011, 1, 1), null);
        fixture.given(formedByCounty())
                .when(new AssignUnit(SG, TOWN, FROM))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("staff is on the roster of town and may not supervise it");
    }

    @Test
    void R_SG_03_a_new_member_may_not_be_on_a_supervised_units_roster() {
        rosters.onRoster("town", "newcomer", LocalDate.of(2011, 1, 1), null);
        fixture.given(formedByCounty(), new UnitAssignedToSupervisionGroup(SG, TOWN, FROM))
                .when(new AddSgMember(SG, PersonId.of("newcomer"), CDI, LocalDate.of(2014, 4, 1)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("newcomer is on the roster of town and may not supervise it");
    }

    @Test
    void R_SG_03_a_roster_entry_that_has_ended_does_not_count() {
        rosters.onRoster("town", "newcomer", LocalDate.of(2011, 1, 1), LocalDate.of(2014, 3, 31));
        fixture.given(formedByCounty(), new UnitAssignedToSupervisionGroup(SG, TOWN, FROM))
                .when(new AddSgMember(SG, PersonId.of("newcomer"), CDI, LocalDate.of(2014, 4, 1)))
                .expectEvents(new SupervisionGroupMemberAdded(SG, PersonId.of("newcomer"), CDI,
                        LocalDate.of(2014, 4, 1)));
    }

    @Test
    void the_leader_cannot_be_removed() {
        fixture.given(formedByCounty())
                .when(new RemoveSgMember(SG, LEADER, "transferred", FROM))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the leader cannot be removed from the group");
    }

    @Test
    void a_group_is_disbanded_only_without_active_assignments() {
        fixture.given(formedByCounty(), new UnitAssignedToSupervisionGroup(SG, TOWN, FROM))
                .when(new DisbandSupervisionGroup(SG, LocalDate.of(2014, 10, 1)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the group still supervises [town]; unassign them first");
        fixture.given(formedByCounty(), new UnitAssignedToSupervisionGroup(SG, TOWN, FROM),
                        new UnitUnassignedFromSupervisionGroup(SG, TOWN, LocalDate.of(2014, 9, 30), "concluded"))
                .when(new DisbandSupervisionGroup(SG, LocalDate.of(2014, 10, 1)))
                .expectEvents(new SupervisionGroupDisbanded(SG, LocalDate.of(2014, 10, 1)));
    }
}
