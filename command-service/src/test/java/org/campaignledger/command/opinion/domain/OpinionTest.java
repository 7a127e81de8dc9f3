package org.campaignledger.command.opinion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignledger.command.InMemoryDirectories;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.OpinionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.opinion.FourWind;
import org.campaignledger.kernel.opinion.OpinionChannel;
import org.campaignledger.kernel.opinion.OpinionCommand.ClassifyOpinion;
import org.campaignledger.kernel.opinion.OpinionCommand.RecordOpinion;
import org.campaignledger.kernel.opinion.OpinionCommand.SubmitterIdentity;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionClassified;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionRecorded;
import org.campaignledger.kernel.opinion.OpinionMode;
import org.campaignledger.kernel.opinion.ProblemFamily;
import org.campaignledger.kernel.opinion.SubmitterCategory;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpinionTest {
    private static final OpinionId ID = OpinionId.of("op-1");
    private static final CampaignId CAMPAIGN = CampaignId.of("mlc");
    private static final UnitId TOWN = UnitId.of("town");
    private static final Map<String, Object> ACTOR = Map.of("actorId", "clerk-1");
    private static final String TEXT = "The permit window keeps people waiting";
    private static final OpinionMode ANONYMOUS = new OpinionMode(OpinionMode.Naming.ANONYMOUS,
            OpinionMode.Setting.INDIVIDUAL, OpinionMode.Approach.DELIVERED_TO_DOOR);

    private AggregateTestFixture<Opinion> fixture;
    private InMemoryDirectories directories;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Opinion.class);
        directories = new InMemoryDirectories().campaign("mlc")
                .unit("county", Level.COUNTY, UnitType.LEADING_BODY)
                .unit("town", Level.TOWNSHIP, UnitType.TOWNSHIP_STREET, "county");
        fixture.registerInjectableResource(directories);
    }

    private static RecordOpinion record(SubmitterCategory category, SubmitterIdentity identity) {
        return new RecordOpinion(ID, CAMPAIGN, LocalDate.of(2014, 2, 20), OpinionChannel.HOTLINE, ANONYMOUS,
                category, identity, TEXT, TOWN, null);
    }

    private static OpinionRecorded recorded() {
        return new OpinionRecorded(ID, CAMPAIGN, LocalDate.of(2014, 2, 20), OpinionChannel.HOTLINE, ANONYMOUS,
                SubmitterCategory.RESIDENT, null, "vlt_1", InMemoryDirectories.sha256(TEXT), PersonId.of("clerk-1"),
                TOWN, null, false);
    }

    @Test
    void R_OPN_01_the_raw_text_is_fixed_by_its_digest_and_kept_out_of_the_event() {
        fixture.givenNoPriorActivity()
                .when(record(SubmitterCategory.RESIDENT, null), ACTOR)
                .expectEvents(recorded())
                .expectState(opinion -> assertThat(directories.vaultContents).containsExactly(TEXT));
    }

    @Test
    void R_OPN_02_the_submitter_identity_goes_to_the_vault_never_into_the_event() {
        fixture.givenNoPriorActivity()
                .when(record(SubmitterCategory.RESIDENT, new SubmitterIdentity("Wang Wu", "13900000000")), ACTOR)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.<Object>allOf(
                                        org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.not(
                                                org.hamcrest.Matchers.containsString("Wang Wu"))),
                                        org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.not(
                                                org.hamcrest.Matchers.containsString("13900000000"))),
                                        org.hamcrest.Matchers.hasToString(
                                                org.hamcrest.Matchers.containsString("submitterPiiRef=vlt_2")))),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
        assertThat(directories.vaultContents).contains("Wang Wu\n13900000000");
    }

    @Test
    void R_OPN_08_work_and_service_objects_are_heard_first() {
        fixture.givenNoPriorActivity()
                .when(record(SubmitterCategory.SERVICE_OBJECT, null), ACTOR)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.containsString("priority=true"))),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void R_OPN_08_other_submitters_are_not_priority() {
        fixture.givenNoPriorActivity()
                .when(record(SubmitterCategory.RESIDENT, null), ACTOR)
                .expectEvents(recorded());
    }

    @Test
    void R_OPN_09_an_opinion_is_recorded_before_any_participation_exists() {
        // The directories know no participation at all: recording must not depend on one.
        fixture.givenNoPriorActivity()
                .when(record(SubmitterCategory.RESIDENT, null), ACTOR)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void an_opinion_names_a_known_campaign_and_unit() {
        fixture.givenNoPriorActivity()
                .when(new RecordOpinion(ID, CampaignId.of("other"), LocalDate.of(2014, 2, 20), OpinionChannel.HOTLINE,
                        ANONYMOUS, SubmitterCategory.RESIDENT, null, TEXT, TOWN, null), ACTOR)
                .expectNoEvents().expectException(RuleViolation.class);
        fixture.givenNoPriorActivity()
                .when(new RecordOpinion(ID, CAMPAIGN, LocalDate.of(2014, 2, 20), OpinionChannel.HOTLINE,
                        ANONYMOUS, SubmitterCategory.RESIDENT, null, TEXT, UnitId.of("nowhere"), null), ACTOR)
                .expectNoEvents().expectException(RuleViolation.class);
        assertThat(directories.vaultContents).isEmpty();
    }

    @Test
    void R_OPN_11_family_is_mandatory() {
        fixture.given(recorded())
                .when(new ClassifyOpinion(ID, null, null, null, null), ACTOR)
                .expectNoEvents()
                .expectExceptionMessage("family is mandatory");
    }

    @Test
    void R_OPN_11_four_wind_goes_with_the_four_winds_family_only() {
        fixture.given(recorded())
                .when(new ClassifyOpinion(ID, ProblemFamily.FOUR_WINDS, null, null, null), ACTOR)
                .expectNoEvents()
                .expectExceptionMessage("fourWind is mandatory when family is FOUR_WINDS");
        fixture.given(recorded())
                .when(new ClassifyOpinion(ID, ProblemFamily.LAST_MILE, FourWind.FORMALISM, null, null), ACTOR)
                .expectNoEvents()
                .expectExceptionMessage("fourWind applies only when family is FOUR_WINDS");
    }

    @Test
    void R_OPN_11_a_focus_problem_belongs_to_the_unit_type() {
        fixture.given(recorded())
                .when(new ClassifyOpinion(ID, ProblemFamily.FOUR_WINDS, FourWind.FORMALISM, null, "VC1"), ACTOR)
                .expectNoEvents()
                .expectExceptionMessage("focus problem VC1 does not belong to unit type TOWNSHIP_STREET");
        fixture.given(recorded())
                .when(new ClassifyOpinion(ID, ProblemFamily.FOUR_WINDS, FourWind.FORMALISM, null, "TS3"), ACTOR)
                .expectEvents(new OpinionClassified(ID, CAMPAIGN, TOWN, ProblemFamily.FOUR_WINDS, FourWind.FORMALISM,
                        null, "TS3", PersonId.of("clerk-1")));
    }

    @Test
    void a_classified_opinion_is_corrected_not_reclassified() {
        fixture.given(recorded(), new OpinionClassified(ID, CAMPAIGN, TOWN, ProblemFamily.OTHER, null, null, null,
                        PersonId.of("clerk-1")))
                .when(new ClassifyOpinion(ID, ProblemFamily.LAST_MILE, null, null, null), ACTOR)
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }
}
