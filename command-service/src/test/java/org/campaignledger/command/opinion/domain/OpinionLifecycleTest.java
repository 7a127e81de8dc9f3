package org.campaignledger.command.opinion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignledger.command.InMemoryDirectories;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.command.organisation.domain.RosterDirectory;
import org.campaignledger.command.organisation.domain.RosterEntry;
import org.campaignledger.command.vault.Shredder;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.OpinionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.opinion.FourWind;
import org.campaignledger.kernel.opinion.OpinionChannel;
import org.campaignledger.kernel.opinion.OpinionClassification;
import org.campaignledger.kernel.opinion.OpinionCommand.AcknowledgeOpinion;
import org.campaignledger.kernel.opinion.OpinionCommand.CopyOpinionTo;
import org.campaignledger.kernel.opinion.OpinionCommand.CorrectOpinionClassification;
import org.campaignledger.kernel.opinion.OpinionCommand.EscalateOpinion;
import org.campaignledger.kernel.opinion.OpinionCommand.ExplainOpinion;
import org.campaignledger.kernel.opinion.OpinionCommand.ExplanationReason;
import org.campaignledger.kernel.opinion.OpinionCommand.MarkOpinionResolved;
import org.campaignledger.kernel.opinion.OpinionCommand.MergeDuplicateOpinion;
import org.campaignledger.kernel.opinion.OpinionCommand.RecordSubmitterFeedback;
import org.campaignledger.kernel.opinion.OpinionCommand.ShredSubmitterIdentity;
import org.campaignledger.kernel.opinion.OpinionCommand.ReferOpinion;
import org.campaignledger.kernel.opinion.OpinionCommand.ReferralRecipient;
import org.campaignledger.kernel.opinion.OpinionCommand.RouteOpinion;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionAcknowledged;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionAddressed;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionClassificationCorrected;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionClassified;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionClosed;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionEscalated;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionExplained;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionMergedAsDuplicate;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionRecorded;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionReferred;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionResolved;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionRouted;
import org.campaignledger.kernel.opinion.OpinionEvent.SubmitterFeedbackRecorded;
import org.campaignledger.kernel.opinion.OpinionEvent.SubmitterIdentityShredded;
import org.campaignledger.kernel.opinion.OpinionMode;
import org.campaignledger.kernel.opinion.OpinionTarget;
import org.campaignledger.kernel.opinion.ProblemFamily;
import org.campaignledger.kernel.opinion.SubmitterCategory;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.person.ShreddingReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The opinion after it is recorded: correction, routing, copies, escalation, referral, merging, closing. */
class OpinionLifecycleTest {
    private static final OpinionId ID = OpinionId.of("op-1");
    private static final CampaignId CAMPAIGN = CampaignId.of("mlc");
    private static final UnitId COUNTY = UnitId.of("county");
    private static final UnitId TOWN = UnitId.of("town");
    private static final UnitId VILLAGE = UnitId.of("village");
    private static final PersonId CLERK = PersonId.of("clerk-1");
    private static final Map<String, Object> CLERK_ACTS =
            Map.of("actorId", "clerk-1", "occurredAt", "2014-02-21T02:00:00Z");
    private static final Map<String, Object> OFFICE_ACTS = Map.of("actorId", "office-1");

    private AggregateTestFixture<Opinion> fixture;
    private InMemoryDirectories directories;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Opinion.class);
        directories = new InMemoryDirectories().campaign("mlc")
                .unit("county", Level.COUNTY, UnitType.LEADING_BODY)
                .unit("town", Level.TOWNSHIP, UnitType.TOWNSHIP_STREET, "county")
                .unit("village", Level.VILLAGE, UnitType.VILLAGE_COMMUNITY, "county", "town")
                .unit("other-town", Level.TOWNSHIP, UnitType.TOWNSHIP_STREET, "county");
        fixture.registerInjectableResource(directories);
        fixture.registerInjectableResource(roster);
    }

    /** The village secretary is on the roster from 2014-01-01 to 2014-02-19 only. */
    private final RosterDirectory roster = new RosterDirectory() {
        @Override
        public List<RosterEntry> rosterAsOf(UnitId unitId, LocalDate date) {
            return List.of();
        }

        @Override
        public java.util.Optional<PersonId> mainLeaderAsOf(UnitId unitId, LocalDate date) {
            return java.util.Optional.empty();
        }

        @Override
        public boolean isOnRoster(UnitId unitId, PersonId personId, LocalDate date) {
            return unitId.equals(VILLAGE) && personId.equals(PersonId.of("secretary"))
                    && !date.isBefore(LocalDate.of(2014, 1, 1)) && !date.isAfter(LocalDate.of(2014, 2, 19));
        }
    };

    @Test
    void R_OPN_03_a_person_target_is_on_the_unit_roster_when_the_opinion_was_received() {
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified())
                .when(new RouteOpinion(ID, OpinionTarget.Level.PERSON, VILLAGE, PersonId.of("secretary")), CLERK_ACTS)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("secretary was not on the roster of village on 2014-02-20");
        OpinionRecorded earlier = new OpinionRecorded(ID, CAMPAIGN, LocalDate.of(2014, 2, 10), OpinionChannel.HOTLINE,
                new OpinionMode(OpinionMode.Naming.ANONYMOUS, OpinionMode.Setting.INDIVIDUAL,
                        OpinionMode.Approach.DELIVERED_TO_DOOR), SubmitterCategory.RESIDENT, null, "t", "h", CLERK,
                VILLAGE, null, false);
        fixture.given(earlier, classified())
                .when(new RouteOpinion(ID, OpinionTarget.Level.PERSON, VILLAGE, PersonId.of("secretary")), CLERK_ACTS)
                .expectSuccessfulHandlerExecution();
    }

    private static OpinionRecorded recorded(OpinionMode.Naming naming, boolean contact) {
        return new OpinionRecorded(ID, CAMPAIGN, LocalDate.of(2014, 2, 20), OpinionChannel.HOTLINE,
                new OpinionMode(naming, OpinionMode.Setting.INDIVIDUAL, OpinionMode.Approach.DELIVERED_TO_DOOR),
                SubmitterCategory.RESIDENT, contact ? "vlt_p" : null, "vlt_t", "abc", CLERK, VILLAGE, null, false);
    }

    private static OpinionClassified classified() {
        return new OpinionClassified(ID, CAMPAIGN, VILLAGE, ProblemFamily.LAST_MILE, null, null, null, CLERK);
    }

    private static OpinionRouted routedTo(UnitId unit) {
        return new OpinionRouted(ID, new OpinionTarget(OpinionTarget.Level.UNIT, unit, null), CLERK);
    }

    @Test
    void SoD_6_a_correction_is_approved_by_someone_other_than_the_classifier() {
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified())
                .when(new CorrectOpinionClassification(ID, ProblemFamily.OTHER, null, null, null, "misfiled"), CLERK_ACTS)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the correction must be approved by someone other than clerk-1, who classified the opinion");
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified())
                .when(new CorrectOpinionClassification(ID, ProblemFamily.OTHER, null, null, null, "misfiled"), OFFICE_ACTS)
                .expectEvents(new OpinionClassificationCorrected(ID, CAMPAIGN, VILLAGE,
                        new OpinionClassification(ProblemFamily.LAST_MILE, null, null, null),
                        new OpinionClassification(ProblemFamily.OTHER, null, null, null), "misfiled",
                        PersonId.of("office-1")));
    }

    @Test
    void R_OPN_11_a_correction_obeys_the_classification_rules() {
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified())
                .when(new CorrectOpinionClassification(ID, ProblemFamily.FOUR_WINDS, null, null, null, "r"), OFFICE_ACTS)
                .expectNoEvents().expectExceptionMessage("fourWind is mandatory when family is FOUR_WINDS");
    }

    @Test
    void R_OPN_03_an_opinion_has_one_primary_target() {
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified(), routedTo(VILLAGE))
                .when(new RouteOpinion(ID, OpinionTarget.Level.UNIT, TOWN, null), CLERK_ACTS)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the opinion already has its primary target village; add recipients with "
                        + "CopyOpinionTo or move it up with EscalateOpinion");
    }

    @Test
    void R_OPN_03_a_higher_level_target_is_above_the_collecting_unit() {
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified())
                .when(new RouteOpinion(ID, OpinionTarget.Level.HIGHER_LEVEL, UnitId.of("other-town"), null), CLERK_ACTS)
                .expectNoEvents().expectExceptionMessage("a HIGHER_LEVEL target must be above village");
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified())
                .when(new RouteOpinion(ID, OpinionTarget.Level.HIGHER_LEVEL, TOWN, null), CLERK_ACTS)
                .expectEvents(new OpinionRouted(ID, new OpinionTarget(OpinionTarget.Level.HIGHER_LEVEL, TOWN, null),
                        CLERK));
    }

    @Test
    void R_OPN_03_a_copy_is_never_the_target() {
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified(), routedTo(VILLAGE))
                .when(new CopyOpinionTo(ID, VILLAGE))
                .expectNoEvents().expectExceptionMessage("village is the primary target, not a copy");
    }

    @Test
    void R_OPN_04_an_escalation_goes_to_a_unit_above_the_target() {
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified(), routedTo(VILLAGE))
                .when(new EscalateOpinion(ID, UnitId.of("other-town"), "needs county funds"))
                .expectNoEvents().expectExceptionMessage("other-town is not above the current target village");
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified(), routedTo(VILLAGE))
                .when(new EscalateOpinion(ID, COUNTY, "needs county funds"))
                .expectEvents(new OpinionEscalated(ID, VILLAGE, COUNTY, "needs county funds"));
    }

    @Test
    void R_OPN_05_duplicates_are_merged_before_the_opinion_is_addressed() {
        OpinionId other = OpinionId.of("op-2");
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified(), routedTo(VILLAGE),
                        new OpinionAcknowledged(ID, CLERK),
                        new OpinionAddressed(ID, OpinionAddressed.AddressedBy.EXPLANATION))
                .when(new MergeDuplicateOpinion(ID, other, 0.93))
                .expectNoEvents().expectExceptionMessage("the opinion is ADDRESSED; an addressed opinion is no longer merged");
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false))
                .when(new MergeDuplicateOpinion(ID, ID, 1.0))
                .expectNoEvents().expectExceptionMessage("an opinion cannot be a duplicate of itself");
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false))
                .when(new MergeDuplicateOpinion(ID, other, 0.93))
                .expectEvents(new OpinionMergedAsDuplicate(ID, other, 0.93));
    }

    @Test
    void R_OPN_07_a_referral_keeps_its_reference_in_the_vault() {
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified())
                .when(new ReferOpinion(ID, ReferralRecipient.DISCIPLINE_INSPECTION, "JW-2014-017"), OFFICE_ACTS)
                .expectEvents(new OpinionReferred(ID, ReferralRecipient.DISCIPLINE_INSPECTION, "vlt_1",
                        PersonId.of("office-1")));
        assertThat(directories.vaultContents).containsExactly("JW-2014-017");
    }

    @Test
    void an_anonymous_opinion_is_addressed_by_explanation_resolved_and_closed() {
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified(), routedTo(VILLAGE))
                .when(new AcknowledgeOpinion(ID), CLERK_ACTS)
                .expectEvents(new OpinionAcknowledged(ID, CLERK));
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified(), routedTo(VILLAGE),
                        new OpinionAcknowledged(ID, CLERK))
                .when(new ExplainOpinion(ID, ExplanationReason.POLICY_CONSTRAINT, "Fees are set by the province"))
                .expectEvents(new OpinionExplained(ID, ExplanationReason.POLICY_CONSTRAINT, "vlt_1",
                                InMemoryDirectories.sha256("Fees are set by the province")),
                        new OpinionAddressed(ID, OpinionAddressed.AddressedBy.EXPLANATION));
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified(), routedTo(VILLAGE),
                        new OpinionAcknowledged(ID, CLERK),
                        new OpinionAddressed(ID, OpinionAddressed.AddressedBy.EXPLANATION))
                .when(new MarkOpinionResolved(ID))
                .expectEvents(new OpinionResolved(ID, List.of()), new OpinionClosed(ID));
    }

    /** Key states of vault subjects, as the JDBC vault keeps them. */
    private static final class Subjects implements Shredder {
        final Map<String, KeyState> states = new java.util.HashMap<>();

        @Override
        public KeyState state(String subject) {
            return states.getOrDefault(subject, KeyState.NONE);
        }

        @Override
        public void shred(String subject) {
            states.computeIfPresent(subject, (s, state) -> KeyState.SHREDDED);
        }
    }

    @Test
    void R_OPN_02_the_PII_officer_shreds_a_submitters_identity_and_feedback_can_no_longer_reach_them() {
        Subjects subjects = new Subjects();
        fixture.registerInjectableResource(subjects);
        var resolvedNamed = List.of(recorded(OpinionMode.Naming.NAMED, true), classified(), routedTo(VILLAGE),
                new OpinionAcknowledged(ID, CLERK), new OpinionAddressed(ID, OpinionAddressed.AddressedBy.EXPLANATION),
                new OpinionResolved(ID, List.of()));
        fixture.given(resolvedNamed).when(new ShredSubmitterIdentity(ID, ShreddingReason.SUBJECT_REQUEST))
                .expectNoEvents().expectExceptionMessage("opinion op-1 holds no submitter identity in the vault");

        subjects.states.put("submitter:op-1", Shredder.KeyState.ACTIVE);
        fixture.given(resolvedNamed).when(new ShredSubmitterIdentity(ID, ShreddingReason.SUBJECT_REQUEST))
                .expectEvents(new SubmitterIdentityShredded(ID, ShreddingReason.SUBJECT_REQUEST));
        assertThat(subjects.states).containsEntry("submitter:op-1", Shredder.KeyState.SHREDDED);

        List<Object> shredded = new java.util.ArrayList<>(resolvedNamed);
        shredded.add(new SubmitterIdentityShredded(ID, ShreddingReason.SUBJECT_REQUEST));
        fixture.given(shredded)
                .when(new RecordSubmitterFeedback(ID, OpinionChannel.HOME_VISIT, LocalDate.of(2014, 6, 1), true))
                .expectNoEvents().expectExceptionMessage("feedback goes to a named submitter who left contact data");
        fixture.given(shredded).when(new ShredSubmitterIdentity(ID, ShreddingReason.LEGAL_ORDER))
                .expectNoEvents().expectExceptionMessage("the submitter identity of opinion op-1 is shredded already");
    }

    @Test
    void a_named_opinion_closes_with_the_submitters_feedback_only() {
        var resolvedNamed = List.of(recorded(OpinionMode.Naming.NAMED, true), classified(), routedTo(VILLAGE),
                new OpinionAcknowledged(ID, CLERK), new OpinionAddressed(ID, OpinionAddressed.AddressedBy.EXPLANATION),
                new OpinionResolved(ID, List.of()));
        fixture.given(resolvedNamed)
                .when(new RecordSubmitterFeedback(ID, OpinionChannel.HOME_VISIT, LocalDate.of(2014, 6, 1), true))
                .expectEvents(new SubmitterFeedbackRecorded(ID, OpinionChannel.HOME_VISIT, LocalDate.of(2014, 6, 1), true),
                        new OpinionClosed(ID));
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified(), routedTo(VILLAGE),
                        new OpinionAcknowledged(ID, CLERK),
                        new OpinionAddressed(ID, OpinionAddressed.AddressedBy.EXPLANATION), new OpinionResolved(ID, List.of()))
                .when(new RecordSubmitterFeedback(ID, OpinionChannel.HOME_VISIT, LocalDate.of(2014, 6, 1), true))
                .expectNoEvents().expectExceptionMessage("feedback goes to a named submitter who left contact data");
    }

    @Test
    void only_a_routed_opinion_is_acknowledged() {
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified())
                .when(new AcknowledgeOpinion(ID), CLERK_ACTS)
                .expectNoEvents().expectException(RuleViolation.class);
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified(), routedTo(VILLAGE))
                .when(new EscalateOpinion(ID, TOWN, "x"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_four_winds_correction_records_the_wind() {
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified())
                .when(new CorrectOpinionClassification(ID, ProblemFamily.FOUR_WINDS, FourWind.FORMALISM, null, "VC2",
                        "it is about formalism"), OFFICE_ACTS)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R_OPN_10_a_routed_opinion_not_addressed_in_30_days_is_flagged() {
        // Routed on 2014-02-21, due 30 days later on 2014-03-23, flagged at 2014-03-24 00:00 Asia/Shanghai.
        java.time.Instant due = java.time.Instant.parse("2014-03-23T16:00:00Z");
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified())
                .when(new RouteOpinion(ID, OpinionTarget.Level.UNIT, VILLAGE, null), CLERK_ACTS)
                .expectScheduledDeadlineWithName(due, Opinion.OPINION_FOLLOW_UP);
    }

    @Test
    void R_OPN_10_the_follow_up_deadline_flags_the_opinion_when_it_fires() {
        java.time.Instant due = java.time.Instant.parse("2014-03-23T16:00:00Z");
        fixture.givenCurrentTime(java.time.Instant.parse("2014-02-21T02:00:00Z"))
                .andGiven(recorded(OpinionMode.Naming.ANONYMOUS, false), classified())
                .andGivenCommands(org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                        new RouteOpinion(ID, OpinionTarget.Level.UNIT, VILLAGE, null)).andMetaData(CLERK_ACTS))
                .whenThenTimeAdvancesTo(due)
                .expectEvents(new org.campaignledger.kernel.opinion.OpinionEvent.OpinionFollowUpOverdue(ID,
                        LocalDate.of(2014, 2, 21), LocalDate.of(2014, 3, 23), due));
    }

    @Test
    void R_OPN_10_an_addressed_opinion_is_not_flagged() {
        fixture.given(recorded(OpinionMode.Naming.ANONYMOUS, false), classified(), routedTo(VILLAGE),
                        new OpinionAcknowledged(ID, CLERK))
                .when(new ExplainOpinion(ID, ExplanationReason.LONG_TERM, "Needs next year's budget"))
                .expectNoScheduledDeadlines();
    }
}
