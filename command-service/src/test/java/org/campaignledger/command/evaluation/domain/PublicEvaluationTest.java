package org.campaignledger.command.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignledger.command.InMemoryDirectories;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.command.evaluation.domain.EvaluationAttempts.Attempt;
import org.campaignledger.command.evaluation.domain.EvaluationAttempts.Outcome;
import org.campaignledger.command.rollout.domain.PolicyExceptions.Granted;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationDimension;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationPreconditionKey;
import org.campaignledger.kernel.evaluation.EvaluationEnums.NotificationSection;
import org.campaignledger.kernel.evaluation.EvaluationEnums.Rating;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.evaluation.ParticipantGroup;
import org.campaignledger.kernel.evaluation.PublicEvaluationCommand.CloseEvaluation;
import org.campaignledger.kernel.evaluation.PublicEvaluationCommand.ConfirmPaperTally;
import org.campaignledger.kernel.evaluation.PublicEvaluationCommand.CorrectEvaluationTally;
import org.campaignledger.kernel.evaluation.PublicEvaluationCommand.CreditEvaluationPrecondition;
import org.campaignledger.kernel.evaluation.PublicEvaluationCommand.FeedBackEvaluationResults;
import org.campaignledger.kernel.evaluation.PublicEvaluationCommand.OpenEvaluationSession;
import org.campaignledger.kernel.evaluation.PublicEvaluationCommand.PlanEvaluation;
import org.campaignledger.kernel.evaluation.PublicEvaluationCommand.RecordEvaluationForm;
import org.campaignledger.kernel.evaluation.PublicEvaluationCommand.RecordEvaluationReportFiled;
import org.campaignledger.kernel.evaluation.PublicEvaluationCommand.RecordPaperTally;
import org.campaignledger.kernel.evaluation.PublicEvaluationCommand.RevokeEvaluationPrecondition;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationBecameReady;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationFailed;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationFormRecorded;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationOutcomeChanged;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPaperTallyConfirmed;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPaperTallyRecorded;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPassed;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPlanned;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPreconditionCredited;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPreconditionRevoked;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationReportFiled;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationResultsFedBack;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationSessionOpened;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationTallied;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationTallyCorrected;
import org.campaignledger.kernel.evaluation.RatingCounts;
import org.campaignledger.kernel.evaluation.SatisfactionRule;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.ExceptionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublicEvaluationTest {
    private static final CampaignId CAMPAIGN = CampaignId.of("mlc");
    private static final UnitId TOWN = UnitId.of("town");
    private static final ParticipationId PARTICIPATION = ParticipationId.of(CAMPAIGN, 2, TOWN);
    private static final String MEETING = "mlc:2:town:M:1";
    private static final PersonId SECRETARY = PersonId.of("secretary");
    private static final PersonId CLERK = PersonId.of("clerk-1");
    private static final PersonId OFFICE = PersonId.of("office-1");
    private static final Map<String, Object> AS_CLERK = actor("clerk-1");
    private static final LocalDate JUNE_20 = LocalDate.of(2014, 6, 20);
    private static final List<ParticipantGroup> SCOPE =
            List.of(new ParticipantGroup("CADRES", 40), new ParticipantGroup("MASSES", 80));
    private static final List<EvaluationDimension> ALL_DIMENSIONS = List.copyOf(EnumSet.allOf(EvaluationDimension.class));
    private static final Set<NotificationSection> ALL_SECTIONS = EnumSet.allOf(NotificationSection.class);
    private static final SatisfactionRule TWO_THIRDS = SatisfactionRule.TWO_THIRDS;

    private AggregateTestFixture<PublicEvaluation> fixture;
    private final EvaluationFakes fakes = new EvaluationFakes();
    private InMemoryDirectories directories;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PublicEvaluation.class);
        directories = new InMemoryDirectories().campaign("mlc")
                .unit("county", Level.COUNTY, UnitType.LEADING_BODY)
                .unit("town", Level.TOWNSHIP, UnitType.TOWNSHIP_STREET, "county")
                .policy("mlc", "DEFAULT", Map.of());
        fakes.participations.add(PARTICIPATION);
        fakes.mainLeaders.put(TOWN, SECRETARY);
        fakes.approvers.put(RolloutId.of(CAMPAIGN, 2, UnitId.of("county")), Set.of(OFFICE));
        fixture.registerInjectableResource(directories);
        fixture.registerInjectableResource(fakes);
    }

    private static Map<String, Object> actor(String personId) {
        return Map.of("actorId", personId, "occurredAt", "2014-06-18T02:00:00Z");
    }

    private static EvaluationId id(EvaluationType type, int attemptNo) {
        return EvaluationId.of(PARTICIPATION, type, attemptNo);
    }

    private static PlanEvaluation plan(EvaluationType type, int attemptNo, List<ParticipantGroup> scope,
                                       ExceptionId exceptionId) {
        return new PlanEvaluation(null, PARTICIPATION, type, attemptNo,
                type == EvaluationType.POST_MEETING ? MEETING : null, scope,
                type == EvaluationType.POST_MEETING ? ALL_DIMENSIONS : List.of(), exceptionId);
    }

    private static EvaluationPlanned planned(EvaluationType type, int attemptNo) {
        return new EvaluationPlanned(id(type, attemptNo), PARTICIPATION, TOWN, type, attemptNo,
                type == EvaluationType.POST_MEETING ? MEETING : null, SCOPE,
                type == EvaluationType.POST_MEETING ? ALL_DIMENSIONS : List.of(),
                PublicEvaluation.requiredKeys(type, attemptNo), null, null);
    }

    private static EvaluationPreconditionCredited credited(EvaluationType type, EvaluationPreconditionKey key) {
        return new EvaluationPreconditionCredited(id(type, 1), PARTICIPATION, TOWN, type, 1, key, "doc-" + key);
    }

    private static EvaluationBecameReady ready(EvaluationType type) {
        return new EvaluationBecameReady(id(type, 1), PARTICIPATION, TOWN, type, 1);
    }

    private static EvaluationSessionOpened opened(EvaluationType type) {
        return new EvaluationSessionOpened(id(type, 1), PARTICIPATION, TOWN, type, 1,
                type == EvaluationType.POST_MEETING ? MEETING : null, JUNE_20, SECRETARY, Map.of("MASSES", 100));
    }

    /** A STAGE_1 evaluation in session. */
    private static List<Object> inSession() {
        return List.of(planned(EvaluationType.STAGE_1, 1),
                credited(EvaluationType.STAGE_1, EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED),
                ready(EvaluationType.STAGE_1), opened(EvaluationType.STAGE_1));
    }

    private static EvaluationPaperTallyRecorded paperTally(String tallyId, RatingCounts counts, PersonId by) {
        return new EvaluationPaperTallyRecorded(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                EvaluationType.STAGE_1, 1, tallyId, counts, 0, Map.of(), by);
    }

    private static EvaluationPaperTallyConfirmed confirmed(String tallyId, PersonId by) {
        return new EvaluationPaperTallyConfirmed(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                EvaluationType.STAGE_1, 1, tallyId, by);
    }

    /** A STAGE_1 evaluation in session with one confirmed paper tally of the given counts. */
    private static List<Object> tallied(RatingCounts counts) {
        List<Object> events = new ArrayList<>(inSession());
        events.add(paperTally("box-1", counts, CLERK));
        events.add(confirmed("box-1", PersonId.of("clerk-2")));
        return events;
    }

    private static EvaluationTallied talliedEvent(RatingCounts c, boolean passed) {
        return new EvaluationTallied(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN, EvaluationType.STAGE_1, 1,
                c.valid(), c.satisfied(), c.basicallySatisfied(), c.dissatisfied(), 0, TWO_THIRDS.satisfied(c),
                c.valid(), passed, Map.of(), PersonId.of("clerk-3"), TWO_THIRDS);
    }

    private static List<Object> closed(RatingCounts counts, boolean passed) {
        List<Object> events = new ArrayList<>(tallied(counts));
        events.add(talliedEvent(counts, passed));
        events.add(passed ? new EvaluationPassed(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                EvaluationType.STAGE_1, 1, TWO_THIRDS.satisfied(counts), counts.valid())
                : new EvaluationFailed(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN, EvaluationType.STAGE_1, 1,
                TWO_THIRDS.satisfied(counts), counts.valid(),
                TWO_THIRDS.shortfall(TWO_THIRDS.satisfied(counts), counts.valid())));
        return events;
    }

    @Test
    void a_plan_waits_for_the_preconditions_of_its_type() {
        fixture.givenNoPriorActivity()
                .when(plan(EvaluationType.STAGE_1, 1, SCOPE, null), AS_CLERK)
                .expectEvents(planned(EvaluationType.STAGE_1, 1));
        fixture.given(planned(EvaluationType.STAGE_1, 1))
                .when(new CreditEvaluationPrecondition(id(EvaluationType.STAGE_1, 1),
                        EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED, "doc-EVALUATION_PLAN_APPROVED", null))
                .expectEvents(credited(EvaluationType.STAGE_1, EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED),
                        ready(EvaluationType.STAGE_1));
    }

    @Test
    void a_plan_belongs_to_a_registered_participation() {
        fakes.participations.clear();
        fixture.givenNoPriorActivity()
                .when(plan(EvaluationType.STAGE_1, 1, SCOPE, null), AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("participation mlc:2:town is not registered");
    }

    @Test
    void R_EVL_01_a_post_meeting_session_opens_only_after_the_meeting_is_held() {
        fixture.given(planned(EvaluationType.POST_MEETING, 1),
                        credited(EvaluationType.POST_MEETING, EvaluationPreconditionKey.NOTIFICATION_APPROVED),
                        credited(EvaluationType.POST_MEETING, EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED),
                        credited(EvaluationType.POST_MEETING, EvaluationPreconditionKey.SG_FEEDBACK_DELIVERED))
                .when(new OpenEvaluationSession(id(EvaluationType.POST_MEETING, 1), JUNE_20, SECRETARY,
                        Map.of("MASSES", 100)), AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("meeting " + MEETING + " has not been held");
    }

    @Test
    void R_EVL_01_the_session_opens_once_every_precondition_is_credited() {
        fixture.given(planned(EvaluationType.POST_MEETING, 1),
                        credited(EvaluationType.POST_MEETING, EvaluationPreconditionKey.NOTIFICATION_APPROVED),
                        credited(EvaluationType.POST_MEETING, EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED),
                        credited(EvaluationType.POST_MEETING, EvaluationPreconditionKey.SG_FEEDBACK_DELIVERED),
                        credited(EvaluationType.POST_MEETING, EvaluationPreconditionKey.MEETING_HELD),
                        ready(EvaluationType.POST_MEETING))
                .when(new OpenEvaluationSession(id(EvaluationType.POST_MEETING, 1), JUNE_20, SECRETARY,
                        Map.of("MASSES", 100)), AS_CLERK)
                .expectEvents(opened(EvaluationType.POST_MEETING));
    }

    @Test
    void R_EVL_01_a_rehold_order_takes_the_held_meeting_back() {
        List<Object> ready = List.of(planned(EvaluationType.POST_MEETING, 1),
                credited(EvaluationType.POST_MEETING, EvaluationPreconditionKey.NOTIFICATION_APPROVED),
                credited(EvaluationType.POST_MEETING, EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED),
                credited(EvaluationType.POST_MEETING, EvaluationPreconditionKey.SG_FEEDBACK_DELIVERED),
                credited(EvaluationType.POST_MEETING, EvaluationPreconditionKey.MEETING_HELD),
                ready(EvaluationType.POST_MEETING));
        EvaluationPreconditionRevoked revoked = new EvaluationPreconditionRevoked(id(EvaluationType.POST_MEETING, 1),
                PARTICIPATION, TOWN, EvaluationType.POST_MEETING, 1, EvaluationPreconditionKey.MEETING_HELD,
                "re-hold ordered");
        fixture.given(ready)
                .when(new RevokeEvaluationPrecondition(id(EvaluationType.POST_MEETING, 1),
                        EvaluationPreconditionKey.MEETING_HELD, "re-hold ordered"))
                .expectEvents(revoked);
        List<Object> reheld = new ArrayList<>(ready);
        reheld.add(revoked);
        fixture.given(reheld)
                .when(new OpenEvaluationSession(id(EvaluationType.POST_MEETING, 1), JUNE_20, SECRETARY,
                        Map.of("MASSES", 100)), AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("meeting " + MEETING + " has not been held");
    }

    @Test
    void R_EVL_02_the_host_is_the_units_main_leader_on_the_session_date() {
        fixture.given(planned(EvaluationType.STAGE_1, 1),
                        credited(EvaluationType.STAGE_1, EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED),
                        ready(EvaluationType.STAGE_1))
                .when(new OpenEvaluationSession(id(EvaluationType.STAGE_1, 1), JUNE_20, PersonId.of("deputy"),
                        Map.of("MASSES", 100)), AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the host is the unit's main leader (secretary on 2014-06-20), not deputy");
    }

    @Test
    void R_EVL_03_the_sg_approves_the_notification_material_and_plan_and_feeds_back_first() {
        fixture.given(planned(EvaluationType.POST_MEETING, 1),
                        credited(EvaluationType.POST_MEETING, EvaluationPreconditionKey.MEETING_HELD))
                .when(new OpenEvaluationSession(id(EvaluationType.POST_MEETING, 1), JUNE_20, SECRETARY,
                        Map.of("MASSES", 100)), AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the session needs [NOTIFICATION_APPROVED, EVALUATION_PLAN_APPROVED, "
                        + "SG_FEEDBACK_DELIVERED]");
    }

    @Test
    void R_EVL_03_a_stage1_session_needs_only_the_approved_plan() {
        fixture.given(planned(EvaluationType.STAGE_1, 1))
                .when(new OpenEvaluationSession(id(EvaluationType.STAGE_1, 1), JUNE_20, SECRETARY,
                        Map.of("MASSES", 100)), AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the session needs [EVALUATION_PLAN_APPROVED]");
    }

    @Test
    void R_EVL_04_the_notification_material_covers_preparation_criticism_and_rectification() {
        fixture.given(planned(EvaluationType.POST_MEETING, 1))
                .when(new CreditEvaluationPrecondition(id(EvaluationType.POST_MEETING, 1),
                        EvaluationPreconditionKey.NOTIFICATION_APPROVED, "doc-1",
                        EnumSet.of(NotificationSection.PRE_MEETING_PREPARATION,
                                NotificationSection.CRITICISM_AND_SELF_CRITICISM)))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the notification material lacks the sections [RECTIFICATION_MEASURES]");
        fixture.given(planned(EvaluationType.POST_MEETING, 1))
                .when(new CreditEvaluationPrecondition(id(EvaluationType.POST_MEETING, 1),
                        EvaluationPreconditionKey.NOTIFICATION_APPROVED, "doc-NOTIFICATION_APPROVED", ALL_SECTIONS))
                .expectEvents(credited(EvaluationType.POST_MEETING, EvaluationPreconditionKey.NOTIFICATION_APPROVED));
    }

    @Test
    void R_EVL_05_a_post_meeting_form_rates_all_five_dimensions() {
        fixture.givenNoPriorActivity()
                .when(new PlanEvaluation(null, PARTICIPATION, EvaluationType.POST_MEETING, 1, MEETING, SCOPE,
                        List.of(EvaluationDimension.MEETINGS), null), AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("a POST_MEETING form rates " + EnumSet.allOf(EvaluationDimension.class)
                        + " besides the overall rating; planned [MEETINGS]");
        fixture.given(planned(EvaluationType.POST_MEETING, 1), opened(EvaluationType.POST_MEETING))
                .when(new RecordEvaluationForm(id(EvaluationType.POST_MEETING, 1), "f-1", "MASSES", Rating.SATISFIED,
                        Map.of(EvaluationDimension.MEETINGS, Rating.SATISFIED)), AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the form's dimensions are " + EnumSet.allOf(EvaluationDimension.class)
                        + ", not [MEETINGS]");
    }

    @Test
    void R_EVL_06_a_post_meeting_scope_keeps_the_stage1_categories() {
        EvaluationId stage1 = id(EvaluationType.STAGE_1, 1);
        fakes.attempts.put("mlc:2:town:STAGE_1", new Attempt(stage1, Outcome.PASSED, false, SCOPE));
        List<ParticipantGroup> other = List.of(new ParticipantGroup("CADRES", 40),
                new ParticipantGroup("SERVICE_OBJECTS", 30));
        fixture.givenNoPriorActivity()
                .when(plan(EvaluationType.POST_MEETING, 1, other, null), AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the POST_MEETING scope copies the categories [CADRES, MASSES] of "
                        + stage1 + "; other categories need the office's approval");
    }

    @Test
    void R_EVL_06_the_office_may_approve_other_categories() {
        EvaluationId stage1 = id(EvaluationType.STAGE_1, 1);
        fakes.attempts.put("mlc:2:town:STAGE_1", new Attempt(stage1, Outcome.PASSED, false, SCOPE));
        ExceptionId approval = ExceptionId.of("exc-1");
        fakes.exceptions.put(approval, new Granted(approval, RolloutId.of(CAMPAIGN, 2, UnitId.of("county")), TOWN,
                "R-EVL-06", OFFICE, JUNE_20.minusDays(5), JUNE_20, false));
        List<ParticipantGroup> other = List.of(new ParticipantGroup("SERVICE_OBJECTS", 30));
        fixture.givenNoPriorActivity()
                .when(plan(EvaluationType.POST_MEETING, 1, other, approval), AS_CLERK)
                .expectEvents(new EvaluationPlanned(id(EvaluationType.POST_MEETING, 1), PARTICIPATION, TOWN,
                        EvaluationType.POST_MEETING, 1, MEETING, other, ALL_DIMENSIONS,
                        PublicEvaluation.requiredKeys(EvaluationType.POST_MEETING, 1), stage1, approval));
    }

    private EvaluationPlanned plannedPostMeeting(List<ParticipantGroup> scope, EvaluationId copiedFrom) {
        return new EvaluationPlanned(id(EvaluationType.POST_MEETING, 1), PARTICIPATION, TOWN,
                EvaluationType.POST_MEETING, 1, MEETING, scope, ALL_DIMENSIONS,
                PublicEvaluation.requiredKeys(EvaluationType.POST_MEETING, 1), copiedFrom, null);
    }

    @Test
    void R_EVL_06_a_post_meeting_plan_naming_no_scope_copies_the_latest_stage1_scope() {
        EvaluationId stage1 = id(EvaluationType.STAGE_1, 2);
        fakes.attempts.put("mlc:2:town:STAGE_1", new Attempt(stage1, Outcome.PASSED, true, SCOPE));
        fixture.givenNoPriorActivity()
                .when(plan(EvaluationType.POST_MEETING, 1, List.of(), null), AS_CLERK)
                .expectEvents(plannedPostMeeting(SCOPE, stage1));
    }

    @Test
    void R_EVL_06_B8_without_a_stage1_evaluation_the_scope_is_copied_from_the_jurisdictions_default() {
        directories.rolloutOverride("mlc", 2, "county", "defaultEvaluationScope", "MASSES=80,CADRES=40");
        fixture.givenNoPriorActivity()
                .when(plan(EvaluationType.POST_MEETING, 1, List.of(), null), AS_CLERK)
                .expectEvents(plannedPostMeeting(SCOPE, null));
    }

    @Test
    void R_EVL_06_B8_a_named_scope_keeps_the_categories_of_the_jurisdictions_default() {
        directories.rolloutOverride("mlc", 2, "county", "defaultEvaluationScope", "CADRES=40,MASSES=80");
        fixture.givenNoPriorActivity()
                .when(plan(EvaluationType.POST_MEETING, 1, List.of(new ParticipantGroup("CADRES", 10)), null),
                        AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the POST_MEETING scope copies the categories [CADRES, MASSES] of the "
                        + "defaultEvaluationScope of the unit's jurisdiction; other categories need the office's "
                        + "approval");
        fixture.givenNoPriorActivity()
                .when(plan(EvaluationType.POST_MEETING, 1, List.of(new ParticipantGroup("MASSES", 60),
                        new ParticipantGroup("CADRES", 20)), null), AS_CLERK)
                .expectEvents(plannedPostMeeting(List.of(new ParticipantGroup("MASSES", 60),
                        new ParticipantGroup("CADRES", 20)), null));
    }

    @Test
    void R_EVL_06_B8_with_nothing_to_copy_the_planner_names_the_scope() {
        fixture.givenNoPriorActivity()
                .when(plan(EvaluationType.POST_MEETING, 1, List.of(), null), AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("there is no Stage-1 evaluation and no defaultEvaluationScope to copy the "
                        + "POST_MEETING scope from; name the scope");
    }

    @Test
    void R_EVL_06_B8_a_KENLI_DEMO_unit_plans_its_post_meeting_evaluation_without_a_stage1_evaluation() {
        directories.policy("mlc", "KENLI_DEMO", Map.of());
        fixture.givenNoPriorActivity()
                .when(plan(EvaluationType.POST_MEETING, 1, List.of(), null), AS_CLERK)
                .expectEvents(plannedPostMeeting(List.of(new ParticipantGroup("CADRE", 20),
                        new ParticipantGroup("PARTY_MEMBER", 30), new ParticipantGroup("RESIDENT", 30),
                        new ParticipantGroup("SERVICE_OBJECT", 20)), null));
    }

    @Test
    void R_EVL_03_I6_the_preconditions_depend_on_the_type_and_a_repeat_waits_for_the_rework() {
        assertThat(PublicEvaluation.requiredKeys(EvaluationType.STAGE_1, 1))
                .containsExactly(EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED);
        assertThat(PublicEvaluation.requiredKeys(EvaluationType.POST_MEETING, 1)).containsExactly(
                EvaluationPreconditionKey.NOTIFICATION_APPROVED, EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED,
                EvaluationPreconditionKey.MEETING_HELD, EvaluationPreconditionKey.SG_FEEDBACK_DELIVERED);
        assertThat(PublicEvaluation.requiredKeys(EvaluationType.OVERALL, 1))
                .containsExactly(EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED);
        assertThat(PublicEvaluation.requiredKeys(EvaluationType.SG_ASSESSMENT, 1)).isEmpty();
        assertThat(PublicEvaluation.requiredKeys(EvaluationType.OVERALL, 2)).containsExactly(
                EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED, EvaluationPreconditionKey.REWORK_COMPLETED);
        assertThat(PublicEvaluation.requiredKeys(EvaluationType.SG_ASSESSMENT, 2))
                .containsExactly(EvaluationPreconditionKey.REWORK_COMPLETED);
    }

    @Test
    void R_EVL_07_satisfiedOptions_come_from_the_policy() {
        directories.policy("mlc", "DEFAULT", Map.of("satisfiedOptions", "SATISFIED"));
        RatingCounts counts = new RatingCounts(40, 27, 33);
        SatisfactionRule onlySatisfied = new SatisfactionRule(EnumSet.of(Rating.SATISFIED), 2, 3);
        fixture.given(tallied(counts))
                .when(new CloseEvaluation(id(EvaluationType.STAGE_1, 1)), actor("clerk-3"))
                .expectEvents(new EvaluationTallied(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                                EvaluationType.STAGE_1, 1, 100, 40, 27, 33, 0, 40, 100, false, Map.of(),
                                PersonId.of("clerk-3"), onlySatisfied),
                        new EvaluationFailed(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                                EvaluationType.STAGE_1, 1, 40, 100, 27));
    }

    @Test
    void R_EVL_07_the_threshold_comes_from_the_jurisdictions_policy_and_exactly_it_passes() {
        directories.rolloutOverride("mlc", 2, "county", "satisfactionThreshold", "3/4");
        SatisfactionRule threeQuarters = new SatisfactionRule(TWO_THIRDS.satisfiedOptions(), 3, 4);
        RatingCounts below = new RatingCounts(40, 34, 26);
        fixture.given(tallied(below))
                .when(new CloseEvaluation(id(EvaluationType.STAGE_1, 1)), actor("clerk-3"))
                .expectEvents(new EvaluationTallied(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                                EvaluationType.STAGE_1, 1, 100, 40, 34, 26, 0, 74, 100, false, Map.of(),
                                PersonId.of("clerk-3"), threeQuarters),
                        new EvaluationFailed(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                                EvaluationType.STAGE_1, 1, 74, 100, 1));
        RatingCounts exactly = new RatingCounts(40, 35, 25);
        fixture.given(tallied(exactly))
                .when(new CloseEvaluation(id(EvaluationType.STAGE_1, 1)), actor("clerk-3"))
                .expectEvents(new EvaluationTallied(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                                EvaluationType.STAGE_1, 1, 100, 40, 35, 25, 0, 75, 100, true, Map.of(),
                                PersonId.of("clerk-3"), threeQuarters),
                        new EvaluationPassed(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                                EvaluationType.STAGE_1, 1, 75, 100));
    }

    @Test
    void R_EVL_07_I6_minValidForms_comes_from_the_policy() {
        directories.policy("mlc", "DEFAULT", Map.of("minValidForms", "101"));
        fixture.given(tallied(new RatingCounts(40, 27, 33)))
                .when(new CloseEvaluation(id(EvaluationType.STAGE_1, 1)), actor("clerk-3"))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("100 valid forms, fewer than minValidForms 101");
    }

    @Test
    void R_EVL_09_a_correction_is_judged_by_the_rule_the_tally_was_decided_by() {
        SatisfactionRule onlySatisfied = new SatisfactionRule(EnumSet.of(Rating.SATISFIED), 2, 3);
        RatingCounts counts = new RatingCounts(70, 10, 20);
        List<Object> given = new ArrayList<>(tallied(counts));
        given.add(new EvaluationTallied(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN, EvaluationType.STAGE_1,
                1, 100, 70, 10, 20, 0, 70, 100, true, Map.of(), PersonId.of("clerk-3"), onlySatisfied));
        given.add(new EvaluationPassed(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN, EvaluationType.STAGE_1,
                1, 70, 100));
        fixture.given(given)
                .when(new CorrectEvaluationTally(id(EvaluationType.STAGE_1, 1), new RatingCounts(60, 30, 10), 0,
                        "box 2 was misread"), actor("office-1"))
                .expectEvents(new EvaluationTallyCorrected(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                                EvaluationType.STAGE_1, 1, counts, 0, new RatingCounts(60, 30, 10), 0, 60, 100, false,
                                "box 2 was misread", OFFICE),
                        new EvaluationOutcomeChanged(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                                EvaluationType.STAGE_1, 1, false, 60, 100));
    }

    @Test
    void R_EVL_07_AS_12_66_of_100_fails() {
        RatingCounts counts = new RatingCounts(40, 26, 34);
        fixture.given(tallied(counts))
                .when(new CloseEvaluation(id(EvaluationType.STAGE_1, 1)), actor("clerk-3"))
                .expectEvents(closed(counts, false).subList(tallied(counts).size(), tallied(counts).size() + 2)
                        .toArray());
        assertThat(TWO_THIRDS.shortfall(66, 100)).isEqualTo(1);
    }

    @Test
    void R_EVL_07_AS_12_67_of_100_passes() {
        RatingCounts counts = new RatingCounts(40, 27, 33);
        fixture.given(tallied(counts))
                .when(new CloseEvaluation(id(EvaluationType.STAGE_1, 1)), actor("clerk-3"))
                .expectEvents(talliedEvent(counts, true), new EvaluationPassed(id(EvaluationType.STAGE_1, 1),
                        PARTICIPATION, TOWN, EvaluationType.STAGE_1, 1, 67, 100));
    }

    @Test
    void R_EVL_07_AS_12_exactly_two_thirds_passes() {
        RatingCounts counts = new RatingCounts(10, 30, 20);
        fixture.given(tallied(counts))
                .when(new CloseEvaluation(id(EvaluationType.STAGE_1, 1)), actor("clerk-3"))
                .expectEvents(talliedEvent(counts, true), new EvaluationPassed(id(EvaluationType.STAGE_1, 1),
                        PARTICIPATION, TOWN, EvaluationType.STAGE_1, 1, 40, 60));
    }

    @Test
    void R_EVL_07_the_pass_rule_counts_electronic_and_paper_forms_and_ignores_invalid_ones() {
        List<Object> given = new ArrayList<>(inSession());
        given.add(new EvaluationPaperTallyRecorded(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                EvaluationType.STAGE_1, 1, "box-1", new RatingCounts(10, 9, 10), 7, Map.of(), CLERK));
        given.add(confirmed("box-1", PersonId.of("clerk-2")));
        given.add(new EvaluationFormRecorded(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                EvaluationType.STAGE_1, 1, "f-1", Rating.SATISFIED, Map.of(), "MASSES"));
        fixture.given(given)
                .when(new CloseEvaluation(id(EvaluationType.STAGE_1, 1)), actor("clerk-3"))
                .expectEvents(new EvaluationTallied(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                                EvaluationType.STAGE_1, 1, 30, 11, 9, 10, 7, 20, 30, true, Map.of(),
                                PersonId.of("clerk-3"), TWO_THIRDS),
                        new EvaluationPassed(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                                EvaluationType.STAGE_1, 1, 20, 30));
    }

    @Test
    void R_EVL_07_fewer_valid_forms_than_minValidForms_cannot_be_tallied() {
        fixture.given(tallied(new RatingCounts(29, 0, 0)))
                .when(new CloseEvaluation(id(EvaluationType.STAGE_1, 1)), actor("clerk-3"))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("29 valid forms, fewer than minValidForms 30");
    }

    @Test
    void R_EVL_08_results_go_to_the_secretary_before_the_report_is_filed() {
        List<Object> passed = closed(new RatingCounts(40, 27, 33), true);
        fixture.given(passed)
                .when(new RecordEvaluationReportFiled(id(EvaluationType.STAGE_1, 1), "doc-report"), AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the results are fed back to the secretary before the report is filed");
        EvaluationResultsFedBack fedBack = new EvaluationResultsFedBack(id(EvaluationType.STAGE_1, 1), PARTICIPATION,
                TOWN, EvaluationType.STAGE_1, 1, SECRETARY, JUNE_20.plusDays(2));
        fixture.given(passed)
                .when(new FeedBackEvaluationResults(id(EvaluationType.STAGE_1, 1), JUNE_20.plusDays(2)), AS_CLERK)
                .expectEvents(fedBack);
        List<Object> afterFeedback = new ArrayList<>(passed);
        afterFeedback.add(fedBack);
        fixture.given(afterFeedback)
                .when(new RecordEvaluationReportFiled(id(EvaluationType.STAGE_1, 1), "doc-report"), AS_CLERK)
                .expectEvents(new EvaluationReportFiled(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                        EvaluationType.STAGE_1, 1, "doc-report"));
    }

    @Test
    void R_EVL_09_a_recorded_tally_is_never_re_entered() {
        fixture.given(tallied(new RatingCounts(40, 27, 33)))
                .when(new RecordPaperTally(id(EvaluationType.STAGE_1, 1), "box-1", new RatingCounts(50, 27, 23), 0,
                        Map.of()), actor("clerk-2"))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("paper tally box-1 is recorded already; tallies are immutable");
    }

    @Test
    void R_EVL_09_a_correction_is_approved_by_the_office_and_not_by_a_recorder() {
        List<Object> passed = closed(new RatingCounts(40, 27, 33), true);
        CorrectEvaluationTally correction = new CorrectEvaluationTally(id(EvaluationType.STAGE_1, 1),
                new RatingCounts(40, 20, 40), 0, "box 1 was counted twice");
        fakes.approvers.put(RolloutId.of(CAMPAIGN, 2, UnitId.of("county")), Set.of(OFFICE, CLERK));
        fixture.given(passed)
                .when(correction, AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the correction is approved by someone other than those who recorded the "
                        + "tally [clerk-1, clerk-3]");
        fixture.given(passed)
                .when(correction, actor("clerk-2"))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("a tally correction is approved by the campaign office of county; clerk-2 "
                        + "is not one of its approvers");
        fixture.given(passed)
                .when(correction, actor("office-1"))
                .expectEvents(new EvaluationTallyCorrected(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                                EvaluationType.STAGE_1, 1, new RatingCounts(40, 27, 33), 0,
                                new RatingCounts(40, 20, 40), 0, 60, 100, false, "box 1 was counted twice", OFFICE),
                        new EvaluationOutcomeChanged(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                                EvaluationType.STAGE_1, 1, false, 60, 100));
    }

    @Test
    void R_EVL_10_a_form_names_a_participant_category_of_the_scope() {
        fixture.given(inSession())
                .when(new RecordEvaluationForm(id(EvaluationType.STAGE_1, 1), "f-1", "Wang Wu", Rating.SATISFIED,
                        Map.of()), actor("public-token-1"))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("a form names one of the participant categories [CADRES, MASSES], not 'Wang Wu'");
    }

    @Test
    void R_EVL_10_a_form_never_names_who_filled_it_in() {
        fixture.given(inSession())
                .when(new RecordEvaluationForm(id(EvaluationType.STAGE_1, 1), "f-1", "MASSES", Rating.SATISFIED,
                        Map.of()), actor("public-token-1"))
                .expectEvents(new EvaluationFormRecorded(id(EvaluationType.STAGE_1, 1), PARTICIPATION, TOWN,
                        EvaluationType.STAGE_1, 1, "f-1", Rating.SATISFIED, Map.of(), "MASSES"));
        assertThat(java.util.Arrays.stream(EvaluationFormRecorded.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getType)).doesNotContain((Class) PersonId.class);
    }

    @Test
    void R_EVL_11_AS_13_attempt_2_waits_for_the_rework_after_attempt_1() {
        EvaluationId first = id(EvaluationType.POST_MEETING, 1);
        fakes.attempts.put("mlc:2:town:POST_MEETING", new Attempt(first, Outcome.FAILED, false, SCOPE));
        fixture.givenNoPriorActivity()
                .when(plan(EvaluationType.POST_MEETING, 2, SCOPE, null), AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("attempt 2 cannot be planned: the rework ordered after attempt 1 is not "
                        + "completed");
    }

    @Test
    void R_EVL_11_attempt_2_follows_a_failed_attempt_1_only() {
        EvaluationId first = id(EvaluationType.POST_MEETING, 1);
        fakes.attempts.put("mlc:2:town:POST_MEETING", new Attempt(first, Outcome.PASSED, false, SCOPE));
        fixture.givenNoPriorActivity()
                .when(plan(EvaluationType.POST_MEETING, 2, SCOPE, null), AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("attempt 2 cannot be planned: attempt 1 has passed");
        fixture.givenNoPriorActivity()
                .when(plan(EvaluationType.POST_MEETING, 3, SCOPE, null), AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("attempt 3 cannot be planned: the next attempt is 2");
    }

    @Test
    void R_EVL_11_attempt_2_after_the_completed_rework_has_it_credited() {
        EvaluationId first = id(EvaluationType.STAGE_1, 1);
        fakes.attempts.put("mlc:2:town:STAGE_1", new Attempt(first, Outcome.FAILED, true, SCOPE));
        EvaluationId second = id(EvaluationType.STAGE_1, 2);
        fixture.givenNoPriorActivity()
                .when(plan(EvaluationType.STAGE_1, 2, SCOPE, null), AS_CLERK)
                .expectEvents(new EvaluationPlanned(second, PARTICIPATION, TOWN, EvaluationType.STAGE_1, 2, null,
                                SCOPE, List.of(), EnumSet.of(EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED,
                                EvaluationPreconditionKey.REWORK_COMPLETED), null, null),
                        new EvaluationPreconditionCredited(second, PARTICIPATION, TOWN, EvaluationType.STAGE_1, 2,
                                EvaluationPreconditionKey.REWORK_COMPLETED, first.value()));
    }

    @Test
    void R_EVL_12_an_sg_assessment_uses_the_same_mechanics_and_is_ready_at_planning() {
        EvaluationId assessment = id(EvaluationType.SG_ASSESSMENT, 1);
        fixture.givenNoPriorActivity()
                .when(plan(EvaluationType.SG_ASSESSMENT, 1, SCOPE, null), AS_CLERK)
                .expectEvents(new EvaluationPlanned(assessment, PARTICIPATION, TOWN, EvaluationType.SG_ASSESSMENT, 1,
                                null, SCOPE, List.of(), Set.of(), null, null),
                        new EvaluationBecameReady(assessment, PARTICIPATION, TOWN, EvaluationType.SG_ASSESSMENT, 1));
    }

    @Test
    void R_EVL_13_the_paper_tally_is_confirmed_by_a_second_staff_member() {
        List<Object> given = new ArrayList<>(inSession());
        given.add(paperTally("box-1", new RatingCounts(40, 27, 33), CLERK));
        fixture.given(given)
                .when(new ConfirmPaperTally(id(EvaluationType.STAGE_1, 1), "box-1"), AS_CLERK)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the paper tally is confirmed by someone other than clerk-1, who entered it");
        fixture.given(given)
                .when(new CloseEvaluation(id(EvaluationType.STAGE_1, 1)), actor("clerk-3"))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("paper tallies [box-1] are not confirmed");
        fixture.given(given)
                .when(new ConfirmPaperTally(id(EvaluationType.STAGE_1, 1), "box-1"), actor("clerk-2"))
                .expectEvents(confirmed("box-1", PersonId.of("clerk-2")));
    }

    @Test
    void events_carry_the_participation_association_keys() {
        for (Class<?> type : PublicEvaluationEvent.class.getPermittedSubclasses()) {
            assertThat(java.util.Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList())
                    .as(type.getSimpleName())
                    .startsWith("evaluationId", "participationId", "unitId", "type", "attemptNo");
        }
    }
}
