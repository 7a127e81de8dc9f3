package org.campaignledger.command.person.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.campaignledger.command.InMemoryDirectories;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.person.CadreRank;
import org.campaignledger.kernel.person.PersonCommand.RegisterPerson;
import org.campaignledger.kernel.person.PersonCommand.UpdateMobileStatus;
import org.campaignledger.kernel.person.PersonEvent.MobileMemberStatusChanged;
import org.campaignledger.kernel.person.PersonEvent.PersonRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonTest {
    private static final PersonId ID = PersonId.of("p-1");
    private static final UnitId HOME = UnitId.of("village");
    private static final UnitId INFLOW = UnitId.of("street");

    private AggregateTestFixture<Person> fixture;
    private InMemoryDirectories directories;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        directories = new InMemoryDirectories()
                .unit("county", Level.COUNTY, UnitType.LEADING_BODY)
                .unit("village", Level.VILLAGE, UnitType.VILLAGE_COMMUNITY, "county")
                .unit("street", Level.VILLAGE, UnitType.VILLAGE_COMMUNITY, "county");
        fixture.registerInjectableResource(directories);
    }

    private static PersonRegistered registered(boolean partyMember) {
        return new PersonRegistered(ID, "vlt_1", InMemoryDirectories.sha256("Zhang San\n13800000000"), partyMember,
                partyMember ? HOME : null, CadreRank.NONE);
    }

    @Test
    void name_and_contact_go_to_the_vault_never_into_the_event() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson(ID, "Zhang San", "13800000000", true, HOME, null))
                .expectEvents(registered(true))
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(
                        org.hamcrest.Matchers.<Object>allOf(
                                org.hamcrest.Matchers.hasToString(
                                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Zhang"))),
                                org.hamcrest.Matchers.hasToString(
                                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("1380"))))),
                        Matchers.andNoMore()));
        assertThat(directories.vaultContents).containsExactly("Zhang San\n13800000000");
    }

    @Test
    void the_home_branch_must_be_registered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson(ID, "Zhang San", null, true, UnitId.of("nowhere"), CadreRank.SECTION))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("unit nowhere is not registered");
        assertThat(directories.vaultContents).isEmpty();
    }

    @Test
    void R_ORG_05_a_mobile_member_takes_part_at_a_registered_inflow_branch() {
        fixture.given(registered(true))
                .when(new UpdateMobileStatus(ID, HOME, UnitId.of("nowhere")))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("branch nowhere is not a registered unit");
        fixture.given(registered(true))
                .when(new UpdateMobileStatus(ID, UnitId.of("gone"), INFLOW))
                .expectNoEvents()
                .expectExceptionMessage("branch gone is not a registered unit");
        fixture.given(registered(true))
                .when(new UpdateMobileStatus(ID, HOME, INFLOW))
                .expectEvents(new MobileMemberStatusChanged(ID, HOME, INFLOW));
    }

    @Test
    void R_ORG_05_only_a_party_member_moving_between_two_branches_is_mobile() {
        fixture.given(registered(false))
                .when(new UpdateMobileStatus(ID, HOME, INFLOW))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("person p-1 is not a party member, so cannot be a mobile party member");
        fixture.given(registered(true))
                .when(new UpdateMobileStatus(ID, HOME, HOME))
                .expectNoEvents()
                .expectExceptionMessage("the inflow and outflow branches must differ");
    }

    @Test
    void a_mobile_member_returns_home() {
        fixture.given(registered(true), new MobileMemberStatusChanged(ID, HOME, INFLOW))
                .when(new UpdateMobileStatus(ID, null, null))
                .expectEvents(new MobileMemberStatusChanged(ID, null, null));
        fixture.given(registered(true))
                .when(new UpdateMobileStatus(ID, null, null))
                .expectNoEvents()
                .expectExceptionMessage("the mobile status of person p-1 is already as given");
    }
}
