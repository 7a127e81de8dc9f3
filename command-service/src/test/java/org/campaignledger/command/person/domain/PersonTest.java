package org.campaignledger.command.person.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.campaignledger.command.InMemoryDirectories;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.command.vault.Shredder;
import org.campaignledger.kernel.id.OpinionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.person.CadreRank;
import org.campaignledger.kernel.person.PersonCommand.RegisterPerson;
import org.campaignledger.kernel.person.PersonCommand.ShredPersonalData;
import org.campaignledger.kernel.person.PersonCommand.UpdateMobileStatus;
import org.campaignledger.kernel.person.PersonEvent.MobileMemberStatusChanged;
import org.campaignledger.kernel.person.PersonEvent.PersonRegistered;
import org.campaignledger.kernel.person.PersonEvent.PersonalDataShredded;
import org.campaignledger.kernel.person.ShreddingReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonTest {
    private static final PersonId ID = PersonId.of("p-1");
    private static final UnitId HOME = UnitId.of("village");
    private static final UnitId INFLOW = UnitId.of("street");

    private static final String PII = "Zhang San\n13800000000";
    private static final OpinionId OPINION = OpinionId.of("op-1");
    private static final OpinionId LATER_OPINION = OpinionId.of("op-2");

    private AggregateTestFixture<Person> fixture;
    private InMemoryDirectories directories;
    private KeyedVault vault;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        directories = new InMemoryDirectories()
                .unit("county", Level.COUNTY, UnitType.LEADING_BODY)
                .unit("village", Level.VILLAGE, UnitType.VILLAGE_COMMUNITY, "county")
                .unit("street", Level.VILLAGE, UnitType.VILLAGE_COMMUNITY, "county");
        vault = new KeyedVault();
        // registered first: InMemoryDirectories is a Vault too, and the fixture injects the first match
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(directories);
    }

    private static PersonRegistered registered(boolean partyMember) {
        return new PersonRegistered(ID, "vlt_1", null, KeyedVault.keyedDigest("person:p-1", PII), partyMember,
                partyMember ? HOME : null, CadreRank.NONE);
    }

    @Test
    void name_and_contact_go_to_the_vault_never_into_the_event_and_their_digest_is_keyed() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson(ID, "Zhang San", "13800000000", true, HOME, null))
                .expectEvents(registered(true))
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(
                        org.hamcrest.Matchers.<Object>allOf(
                                org.hamcrest.Matchers.hasToString(
                                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Zhang"))),
                                org.hamcrest.Matchers.hasToString(
                                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("1380"))),
                                // DOMAIN-ERRATA I12: a guess cannot be confirmed against a plain SHA-256
                                org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.not(
                                        org.hamcrest.Matchers.containsString(InMemoryDirectories.sha256(PII)))))),
                        Matchers.andNoMore()));
        assertThat(vault.contents).containsExactly(PII);
    }

    @Test
    void the_home_branch_must_be_registered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson(ID, "Zhang San", null, true, UnitId.of("nowhere"), CadreRank.SECTION))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("unit nowhere is not registered");
        assertThat(vault.contents).isEmpty();
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

    @Test
    void shredding_destroys_the_identity_and_the_named_submitter_identities() {
        vault.active("person:p-1").active("submitter:op-1");
        fixture.given(registered(true))
                .when(new ShredPersonalData(ID, ShreddingReason.SUBJECT_REQUEST, List.of(OPINION)))
                .expectEvents(new PersonalDataShredded(ID, List.of("person:p-1", "submitter:op-1"),
                        ShreddingReason.SUBJECT_REQUEST));
        assertThat(vault.subjects).containsEntry("person:p-1", Shredder.KeyState.SHREDDED)
                .containsEntry("submitter:op-1", Shredder.KeyState.SHREDDED);
    }

    @Test
    void an_opinion_found_later_is_shredded_without_the_identity_again() {
        vault.active("submitter:op-2");
        fixture.given(registered(true), new PersonalDataShredded(ID, List.of("person:p-1"),
                        ShreddingReason.SUBJECT_REQUEST))
                .when(new ShredPersonalData(ID, ShreddingReason.LEGAL_ORDER, List.of(LATER_OPINION)))
                .expectEvents(new PersonalDataShredded(ID, List.of("submitter:op-2"), ShreddingReason.LEGAL_ORDER));
    }

    @Test
    void R_API_NOT_FOUND_an_opinion_without_submitter_identity_cannot_be_shredded_and_nothing_is() {
        vault.active("person:p-1");
        fixture.given(registered(true))
                .when(new ShredPersonalData(ID, ShreddingReason.SUBJECT_REQUEST, List.of(OPINION)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(Matchers.predicate(e -> ((RuleViolation) e).ruleId().equals(PlatformRules.NOT_FOUND)))
                .expectExceptionMessage("opinion op-1 has no submitter identity in the vault");
        assertThat(vault.subjects).containsEntry("person:p-1", Shredder.KeyState.ACTIVE);
    }

    @Test
    void R_API_STATE_what_is_already_shredded_cannot_be_shredded_again() {
        vault.subjects.put("submitter:op-1", Shredder.KeyState.SHREDDED);
        fixture.given(registered(true), new PersonalDataShredded(ID, List.of("person:p-1", "submitter:op-1"),
                        ShreddingReason.SUBJECT_REQUEST))
                .when(new ShredPersonalData(ID, ShreddingReason.SUBJECT_REQUEST, List.of(OPINION)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(Matchers.predicate(e -> ((RuleViolation) e).ruleId().equals(PlatformRules.STATE)))
                .expectExceptionMessage("the personal data named for person p-1 is already shredded");
    }
}
