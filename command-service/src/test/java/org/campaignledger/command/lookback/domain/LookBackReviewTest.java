package org.campaignledger.command.lookback.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignledger.command.InMemoryDirectories;
import org.campaignledger.command.domain.Deadlines;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.LookBackId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.SgId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.lookback.CheckItem;
import org.campaignledger.kernel.lookback.CorrectiveAction;
import org.campaignledger.kernel.lookback.FindingResult;
import org.campaignledger.kernel.lookback.LookBackCommand.AmendLookBackOutcome;
import org.campaignledger.kernel.lookback.LookBackCommand.ApproveLookBackDowngrade;
import org.campaignledger.kernel.lookback.LookBackCommand.CompleteCorrectiveAction;
import org.campaignledger.kernel.lookback.LookBackCommand.CompleteMakeUpActivity;
import org.campaignledger.kernel.lookback.LookBackCommand.ConcludeLookBack;
import org.campaignledger.kernel.lookback.LookBackCommand.DecideLookBackOutcome;
import org.campaignledger.kernel.lookback.LookBackCommand.OpenLookBack;
import org.campaignledger.kernel.lookback.LookBackCommand.ProposeLookBackDowngrade;
import org.campaignledger.kernel.lookback.LookBackCommand.RecordLookBackFinding;
import org.campaignledger.kernel.lookback.LookBackCommand.RecordRedoCompleted;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackConcluded;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackCorrectiveActionBecameOverdue;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackCorrectiveActionCompleted;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackDowngradeProposed;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackFindingRecorded;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackMakeUpActivityCompleted;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOpened;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOutcomeAmended;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOutcomeDecided;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackRedoCompleted;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackRuleWarningRaised;
import org.campaignledger.kernel.lookback.LookBackOutcome;
import org.campaignledger.kernel.lookback.MakeUpActivity;
import org.campaignledger.kernel.lookback.OutcomeTerms;
import org.campaignledger.kernel.lookback.ReviewWindow;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.participation.ParticipationEnums.GateFact;
import org.campaignledger.kernel.participation.ParticipationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LookBackReviewTest {
    private static final LookBackId ID = LookBackId.of("lb-1");
    private static final CampaignId CAMPAIGN = CampaignId.of("mlc");
    private static final UnitId TOWN = UnitId.of("town");
    private static final ParticipationId PARTICIPATION = ParticipationId.of(CAMPAIGN, 1, TOWN);
    private static final SgId SG = SgId.of("sg-1");
    private static final String ON = "2014-05-12T02:00:00Z";
    private static final Map<String, Object> SG_MEMBER = Map.of("actorId", "sg-a", "occurredAt", ON);
    private static final Map<String, Object> OUTSIDER = Map.of("actorId", "clerk-1", "occurredAt", ON);
    private static final Map<String, Object> OFFICE = Map.of("actorId", "office-1", "occurredAt", ON);
    private static final Map<String, Object> OFFICE_IN_SG = Map.of("actorId", "sg-b", "occurredAt", ON);
    private static final ReviewWindow WINDOW = new ReviewWindow(LocalDate.of(2014, 5, 12), LocalDate.of(2014, 5, 26));
    private static final LocalDate DEADLINE = LocalDate.of(2014, 6, 10);
    private static final CorrectiveAction ACTION = new CorrectiveAction("a1", "Hold the missed seminar", DEADLINE);
    private static final MakeUpActivity MAKE_UP = new MakeUpActivity("m1", "Second concentrated study week");

    private AggregateTestFixture<LookBackReview> fixture;
    private LookBackFakes fakes;
    private InMemoryDirectories units;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LookBackReview.class);
        fakes = new LookBackFakes().participation(PARTICIPATION).assign("town", "sg-1", "sg-a", "sg-b")
                .approver("rollout:mlc:1:county", "office-1").approver("rollout:mlc:1:county", "sg-b")
                .inStage(PARTICIPATION, 2, LocalDate.of(2014, 6, 30));
        units = new InMemoryDirectories()
                .unit("county", Level.COUNTY, UnitType.LEADING_BODY)
                .unit("town", Level.TOWNSHIP, UnitType.TOWNSHIP_STREET, "county");
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(fakes);
    }

    private static OpenLookBack open() {
        return new OpenLookBack(ID, CAMPAIGN, 1, TOWN, 1, WINDOW);
    }

    private static LookBackOpened opened() {
        return new LookBackOpened(ID, PARTICIPATION, TOWN, 1, UnitId.of("county"), 1, SG, WINDOW, PersonId.of("sg-a"));
    }

    /** The six findings, {@code issues} among them ISSUE and the rest OK. */
    private static List<Object> findings(CheckItem... issues) {
        List<Object> events = new ArrayList<>();
        events.add(opened());
        for (CheckItem item : CheckItem.values()) {
            FindingResult result = List.of(issues).contains(item) ? FindingResult.ISSUE : FindingResult.OK;
            events.add(new LookBackFindingRecorded(ID, PARTICIPATION, item, result, null, List.of(),
                    PersonId.of("sg-a")));
        }
        return events;
    }

    private static OutcomeTerms rectify() {
        return new OutcomeTerms(LookBackOutcome.RECTIFY_BY_DEADLINE, DEADLINE, null, null, null, List.of(ACTION));
    }

    private static OutcomeTerms redo() {
        return new OutcomeTerms(LookBackOutcome.REDO, null, null, null, Set.of(GateFact.STAGE1_EVALUATION_PASSED),
                null);
    }

    private static DecideLookBackOutcome decide(OutcomeTerms terms) {
        return new DecideLookBackOutcome(ID, terms.outcome(), terms.deadline(), terms.newStageEnd(),
                terms.makeUpActivities(), terms.redoScope(), terms.correctiveActions());
    }

    private static LookBackOutcomeDecided decided(OutcomeTerms terms) {
        return new LookBackOutcomeDecided(ID, PARTICIPATION, TOWN, 1, terms, PersonId.of("sg-a"));
    }

    private static List<Object> decidedWith(OutcomeTerms terms, CheckItem... issues) {
        List<Object> events = findings(issues);
        events.add(decided(terms));
        return events;
    }

    private static ProposeLookBackDowngrade propose(OutcomeTerms terms, String justification) {
        return new ProposeLookBackDowngrade(ID, terms.outcome(), justification, terms.deadline(), terms.newStageEnd(),
                terms.makeUpActivities(), terms.redoScope(), terms.correctiveActions());
    }

    private static LookBackDowngradeProposed proposed() {
        return new LookBackDowngradeProposed(ID, PARTICIPATION, "D1", LookBackOutcome.REDO, rectify(),
                "the redo was disproportionate", PersonId.of("sg-a"));
    }

    @Test
    void opening_names_the_assigned_group() {
        fixture.givenNoPriorActivity()
                .when(open(), SG_MEMBER)
                .expectEvents(opened());
    }

    @Test
    void R_LBK_01_a_look_back_is_opened_only_under_an_assigned_supervision_group() {
        fakes.unassign("town");
        fixture.givenNoPriorActivity()
                .when(open(), SG_MEMBER)
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a look-back is conducted under a supervision group, and unit town has none "
                        + "assigned on 2014-05-12");
    }

    @Test
    void R_LBK_01_only_a_member_of_the_assigned_group_decides() {
        fixture.given(findings())
                .when(decide(new OutcomeTerms(LookBackOutcome.PASS, null, null, null, null, null)), OUTSIDER)
                .expectNoEvents()
                .expectExceptionMessage("only a member of the supervision group assigned to town decides its look-back");
    }

    @Test
    void R_LBK_01_only_a_member_of_the_assigned_group_concludes_or_confirms() {
        List<Object> history = decidedWith(rectify());
        history.add(new LookBackCorrectiveActionCompleted(ID, PARTICIPATION, "a1", List.of(), PersonId.of("sg-a")));
        fixture.given(history)
                .when(new ConcludeLookBack(ID), OUTSIDER)
                .expectNoEvents()
                .expectExceptionMessage("only a member of the supervision group assigned to town concludes its look-back");
        fixture.given(decidedWith(rectify()))
                .when(new CompleteCorrectiveAction(ID, "a1", List.of()), OUTSIDER)
                .expectNoEvents()
                .expectExceptionMessage("only a member of the supervision group assigned to town confirms a corrective action");
    }

    @Test
    void R_LBK_01_only_a_member_of_the_assigned_group_amends_or_proposes_a_downgrade() {
        fixture.given(decidedWith(rectify()))
                .when(new AmendLookBackOutcome(ID, LookBackOutcome.REDO, "worse than thought", null, null, null,
                        redo().redoScope(), null), OUTSIDER)
                .expectNoEvents()
                .expectExceptionMessage("only a member of the supervision group assigned to town amends the outcome");
        fixture.given(decidedWith(redo()))
                .when(propose(rectify(), "the redo was disproportionate"), OUTSIDER)
                .expectNoEvents()
                .expectExceptionMessage("only a member of the supervision group assigned to town proposes a downgrade");
    }

    @Test
    void R_LBK_02_all_six_items_are_recorded_before_an_outcome_is_decided() {
        List<Object> five = findings();
        five.remove(five.size() - 1);
        fixture.given(five)
                .when(decide(rectify()), SG_MEMBER)
                .expectNoEvents()
                .expectExceptionMessage("all six check items are recorded before an outcome is decided; missing "
                        + "[C6_FORMALISM_AGAINST_FORMALISM]");
    }

    @Test
    void R_LBK_03_an_issue_rules_out_a_pass() {
        fixture.given(findings(CheckItem.C3_OPINIONS_SHALLOW_UNFOCUSED))
                .when(decide(new OutcomeTerms(LookBackOutcome.PASS, null, null, null, null, null)), SG_MEMBER)
                .expectNoEvents()
                .expectExceptionMessage("an item was found to be an ISSUE ([C3_OPINIONS_SHALLOW_UNFOCUSED]), so the "
                        + "outcome must be at least RECTIFY_BY_DEADLINE, not PASS");
    }

    @Test
    void AS_15_a_redo_after_an_issue_is_decided_and_stays_undischarged() {
        fixture.given(findings(CheckItem.C3_OPINIONS_SHALLOW_UNFOCUSED))
                .when(decide(redo()), SG_MEMBER)
                .expectEvents(decided(redo()));
    }

    @Test
    void a_pass_concludes_at_once() {
        OutcomeTerms pass = new OutcomeTerms(LookBackOutcome.PASS, null, null, null, null, null);
        fixture.given(findings())
                .when(decide(pass), SG_MEMBER)
                .expectEvents(decided(pass), new LookBackConcluded(ID, PARTICIPATION, TOWN, 1, LookBackOutcome.PASS,
                        PersonId.of("sg-a")));
    }

    @Test
    void R_LBK_04_rectify_by_deadline_needs_a_deadline_and_an_action() {
        fixture.given(findings())
                .when(decide(new OutcomeTerms(LookBackOutcome.RECTIFY_BY_DEADLINE, DEADLINE, null, null, null, null)),
                        SG_MEMBER)
                .expectNoEvents()
                .expectExceptionMessage("RECTIFY_BY_DEADLINE needs a deadline and at least one corrective action");
    }

    @Test
    void R_LBK_04_extend_needs_a_later_end_of_the_current_stage_and_make_up_activities() {
        fixture.given(findings())
                .when(decide(new OutcomeTerms(LookBackOutcome.EXTEND_AND_MAKE_UP, null, LocalDate.of(2014, 7, 15),
                        null, null, null)), SG_MEMBER)
                .expectNoEvents()
                .expectExceptionMessage("EXTEND_AND_MAKE_UP needs a new stage end and at least one make-up activity");
        fixture.given(findings())
                .when(decide(new OutcomeTerms(LookBackOutcome.EXTEND_AND_MAKE_UP, null, LocalDate.of(2014, 6, 30),
                        List.of(MAKE_UP), null, null)), SG_MEMBER)
                .expectNoEvents()
                .expectExceptionMessage("the new stage end 2014-06-30 must be later than the current planned end "
                        + "2014-06-30");
    }

    @Test
    void R_LBK_04_redo_needs_a_scope_and_a_completed_stage() {
        fixture.given(findings())
                .when(decide(new OutcomeTerms(LookBackOutcome.REDO, null, null, null, null, null)), SG_MEMBER)
                .expectNoEvents()
                .expectExceptionMessage("REDO needs the redo scope: the gate facts to invalidate");
        fakes.inStage(PARTICIPATION, 1, null);
        fixture.given(findings())
                .when(decide(redo()), SG_MEMBER)
                .expectNoEvents()
                .expectExceptionMessage("REDO reopens a completed stage, and stage 1 is not completed");
    }

    @Test
    void R_LBK_05_AS_16_an_sg_member_cannot_lower_the_outcome_alone() {
        fixture.given(decidedWith(redo()))
                .when(new AmendLookBackOutcome(ID, LookBackOutcome.RECTIFY_BY_DEADLINE, "it was fixed", DEADLINE,
                        null, null, null, List.of(ACTION)), SG_MEMBER)
                .expectNoEvents()
                .expectExceptionMessage("lowering the outcome from REDO to RECTIFY_BY_DEADLINE needs a campaign office "
                        + "approver outside the supervision group: propose it with ProposeLookBackDowngrade");
    }

    @Test
    void R_LBK_05_a_downgrade_needs_a_justification() {
        fixture.given(decidedWith(redo()))
                .when(propose(rectify(), " "), SG_MEMBER)
                .expectNoEvents()
                .expectExceptionMessage("lowering a look-back outcome needs a justification");
    }

    @Test
    void R_LBK_05_SoD_9_the_downgrade_is_approved_by_the_office_outside_the_group() {
        List<Object> history = decidedWith(redo());
        history.add(proposed());
        fixture.given(history)
                .when(new ApproveLookBackDowngrade(ID, "D1"), OUTSIDER)
                .expectNoEvents()
                .expectExceptionMessage("a look-back downgrade is approved by a campaign office approver of rollout "
                        + "rollout:mlc:1:county");
        fixture.given(history)
                .when(new ApproveLookBackDowngrade(ID, "D1"), OFFICE_IN_SG)
                .expectNoEvents()
                .expectExceptionMessage("a member of the supervision group may not approve its own downgrade");
        fixture.given(history)
                .when(new ApproveLookBackDowngrade(ID, "D1"), OFFICE)
                .expectEvents(new LookBackOutcomeAmended(ID, PARTICIPATION, TOWN, 1, LookBackOutcome.REDO, rectify(),
                        "the redo was disproportionate", PersonId.of("sg-a"), PersonId.of("office-1")))
                .expectScheduledDeadlineWithName(Deadlines.firesAfter(DEADLINE), LookBackReview.CORRECTIVE_ACTION_DUE);
    }

    @Test
    void a_downgrade_is_proposed_by_the_group() {
        fixture.given(decidedWith(redo()))
                .when(propose(rectify(), "the redo was disproportionate"), SG_MEMBER)
                .expectEvents(proposed());
    }

    @Test
    void the_group_raises_an_outcome_alone() {
        OutcomeTerms extend = new OutcomeTerms(LookBackOutcome.EXTEND_AND_MAKE_UP, null, LocalDate.of(2014, 7, 15),
                List.of(MAKE_UP), null, null);
        fixture.given(decidedWith(rectify()))
                .when(new AmendLookBackOutcome(ID, extend.outcome(), "the study fell short", null,
                        extend.newStageEnd(), extend.makeUpActivities(), null, null), SG_MEMBER)
                .expectEvents(new LookBackOutcomeAmended(ID, PARTICIPATION, TOWN, 1,
                        LookBackOutcome.RECTIFY_BY_DEADLINE, extend, "the study fell short", PersonId.of("sg-a"),
                        PersonId.of("sg-a")));
    }

    @Test
    void R_LBK_06_a_rectification_concludes_only_when_every_action_is_done() {
        fixture.given(decidedWith(rectify()))
                .when(new ConcludeLookBack(ID), SG_MEMBER)
                .expectNoEvents()
                .expectExceptionMessage("the outcome RECTIFY_BY_DEADLINE is not discharged: corrective actions [a1] "
                        + "are not done");
        List<Object> done = decidedWith(rectify());
        done.add(new LookBackCorrectiveActionCompleted(ID, PARTICIPATION, "a1", List.of(), PersonId.of("sg-a")));
        fixture.given(done)
                .when(new ConcludeLookBack(ID), SG_MEMBER)
                .expectEvents(new LookBackConcluded(ID, PARTICIPATION, TOWN, 1, LookBackOutcome.RECTIFY_BY_DEADLINE,
                        PersonId.of("sg-a")));
    }

    @Test
    void R_LBK_06_B3_a_redo_concludes_from_outcome_decided_once_the_stage_is_completed_again() {
        fixture.given(decidedWith(redo()))
                .when(new ConcludeLookBack(ID), SG_MEMBER)
                .expectNoEvents()
                .expectExceptionMessage("the outcome REDO is not discharged: stage 1 has not been completed again");
        List<Object> redone = decidedWith(redo());
        redone.add(new LookBackRedoCompleted(ID, PARTICIPATION, TOWN, 1, LocalDate.of(2014, 6, 20)));
        fixture.given(redone)
                .when(new ConcludeLookBack(ID), SG_MEMBER)
                .expectEvents(new LookBackConcluded(ID, PARTICIPATION, TOWN, 1, LookBackOutcome.REDO,
                        PersonId.of("sg-a")));
    }

    @Test
    void R_LBK_06_B3_an_extension_concludes_once_every_make_up_activity_is_done() {
        OutcomeTerms extend = new OutcomeTerms(LookBackOutcome.EXTEND_AND_MAKE_UP, null, LocalDate.of(2014, 7, 15),
                List.of(MAKE_UP), null, null);
        fixture.given(decidedWith(extend))
                .when(new ConcludeLookBack(ID), SG_MEMBER)
                .expectNoEvents()
                .expectExceptionMessage("the outcome EXTEND_AND_MAKE_UP is not discharged: make-up activities [m1] "
                        + "are not done");
        fixture.given(decidedWith(extend))
                .when(new CompleteMakeUpActivity(ID, "m1", List.of("doc-1")), SG_MEMBER)
                .expectEvents(new LookBackMakeUpActivityCompleted(ID, PARTICIPATION, "m1", List.of("doc-1"),
                        PersonId.of("sg-a")));
    }

    @Test
    void the_redo_completion_is_recorded_once() {
        LookBackRedoCompleted redone = new LookBackRedoCompleted(ID, PARTICIPATION, TOWN, 1, LocalDate.of(2014, 6, 20));
        fixture.given(decidedWith(redo()))
                .when(new RecordRedoCompleted(ID, 1, LocalDate.of(2014, 6, 20)))
                .expectEvents(redone);
        List<Object> history = decidedWith(redo());
        history.add(redone);
        fixture.given(history)
                .when(new RecordRedoCompleted(ID, 1, LocalDate.of(2014, 6, 20)))
                .expectNoEvents();
    }

    @Test
    void R_LBK_07_a_city_level_look_back_outside_mid_may_raises_a_warning() {
        units.unit("city", Level.CITY, UnitType.LEADING_BODY);
        ParticipationId cityParticipation = ParticipationId.of(CAMPAIGN, 1, UnitId.of("city"));
        fakes.participation(cityParticipation).assign("city", "sg-1", "sg-a");
        ReviewWindow june = new ReviewWindow(LocalDate.of(2014, 6, 2), LocalDate.of(2014, 6, 16));
        LookBackId id = LookBackId.of("lb-city");
        fixture.givenNoPriorActivity()
                .when(new OpenLookBack(id, CAMPAIGN, 1, UnitId.of("city"), 1, june), SG_MEMBER)
                .expectEvents(new LookBackOpened(id, cityParticipation, UnitId.of("city"), 1, UnitId.of("city"), 1, SG,
                                june, PersonId.of("sg-a")),
                        new LookBackRuleWarningRaised(id, cityParticipation, "R-LBK-07", "a city-level look-back starts "
                                + "in mid-May (--05-11 to --05-20) and runs about half a month (at most 20 days); "
                                + "window 2014-06-02 to 2014-06-16"));
    }

    @Test
    void the_corrective_action_deadline_is_scheduled_for_the_day_after_its_due_date() {
        fixture.given(findings())
                .when(decide(rectify()), SG_MEMBER)
                .expectEvents(decided(rectify()))
                .expectScheduledDeadlineWithName(Deadlines.firesAfter(DEADLINE), LookBackReview.CORRECTIVE_ACTION_DUE);
    }

    @Test
    void an_action_still_open_when_due_becomes_overdue() {
        Instant firesAt = Deadlines.firesAfter(DEADLINE);
        fixture.given(findings())
                .andGivenCommands(bySgMember(decide(rectify())))
                .whenThenTimeAdvancesTo(firesAt)
                .expectDeadlinesMet(new LookBackReview.ActionDue("a1", DEADLINE))
                .expectEvents(new LookBackCorrectiveActionBecameOverdue(ID, PARTICIPATION, "a1", DEADLINE, firesAt));
    }

    @Test
    void a_completed_action_never_becomes_overdue() {
        fixture.given(findings())
                .andGivenCommands(bySgMember(decide(rectify())),
                        bySgMember(new CompleteCorrectiveAction(ID, "a1", List.of())))
                .whenThenTimeAdvancesTo(Deadlines.firesAfter(DEADLINE))
                .expectNoEvents();
    }

    @Test
    void concluding_cancels_the_pending_deadlines() {
        List<Object> done = decidedWith(rectify());
        done.add(new LookBackCorrectiveActionCompleted(ID, PARTICIPATION, "a1", List.of(), PersonId.of("sg-a")));
        fixture.given(done)
                .when(new ConcludeLookBack(ID), SG_MEMBER)
                .expectNoScheduledDeadlines();
    }

    @Test
    void findings_are_recorded_until_the_outcome_is_decided() {
        fixture.given(opened())
                .when(new RecordLookBackFinding(ID, CheckItem.C1_UNDERSTANDING_RESPONSIBILITY, FindingResult.OK, null,
                        null), SG_MEMBER)
                .expectEvents(new LookBackFindingRecorded(ID, PARTICIPATION, CheckItem.C1_UNDERSTANDING_RESPONSIBILITY,
                        FindingResult.OK, null, List.of(), PersonId.of("sg-a")));
        fixture.given(decidedWith(rectify()))
                .when(new RecordLookBackFinding(ID, CheckItem.C1_UNDERSTANDING_RESPONSIBILITY, FindingResult.ISSUE,
                        null, null), SG_MEMBER)
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    private static CommandMessage<?> bySgMember(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(SG_MEMBER);
    }
}
