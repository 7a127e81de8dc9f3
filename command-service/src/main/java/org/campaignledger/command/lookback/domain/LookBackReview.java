package org.campaignledger.command.lookback.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.campaignledger.command.domain.Deadlines;
import org.campaignledger.command.domain.Guards;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.command.organisation.domain.UnitDirectory;
import org.campaignledger.command.organisation.domain.UnitDirectory.UnitFacts;
import org.campaignledger.command.participation.domain.ParticipationDirectory;
import org.campaignledger.command.rollout.domain.OfficeApprovers;
import org.campaignledger.command.supervision.domain.SupervisionDirectory;
import org.campaignledger.command.vault.Vault;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.id.LookBackId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;
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
import org.campaignledger.kernel.participation.ParticipationId;

/**
 * A look-back ("回头看") of one stage of a unit's participation, conducted under its supervision group
 * (DOMAIN §4.14 with DOMAIN-ERRATA B3 and I9): OPENED → FINDINGS_RECORDED → OUTCOME_DECIDED → CORRECTING →
 * CONCLUDED, straight to CONCLUDED on PASS. The outcome acts on the participation through
 * {@code lookback.LookBackEffects} (R-UNP-23), never from here.
 */
public class LookBackReview {
    enum Status { OPENED, FINDINGS_RECORDED, OUTCOME_DECIDED, CORRECTING, CONCLUDED }

    static final String CORRECTIVE_ACTION_DUE = "correctiveActionDue";
    /** R-LBK-07's "from mid-May, for about half a month" for city-level look-backs, read as [ASM] bounds. */
    static final MonthDay CITY_EARLIEST_START = MonthDay.of(5, 11);
    static final MonthDay CITY_LATEST_START = MonthDay.of(5, 20);
    static final int CITY_MAX_DAYS = 20;
    private static final Set<Status> DECIDED = EnumSet.of(Status.OUTCOME_DECIDED, Status.CORRECTING);

    @AggregateIdentifier
    private LookBackId lookBackId;
    private ParticipationId participationId;
    private UnitId unitId;
    private RolloutId rolloutId;
    private int reviewedStage;
    private Status status;
    private final Map<CheckItem, FindingResult> findings = new EnumMap<>(CheckItem.class);
    private OutcomeTerms terms;
    private final Set<String> doneActions = new HashSet<>();
    private final Set<String> doneActivities = new HashSet<>();
    private boolean redoCompleted;
    private int proposals;
    private LookBackDowngradeProposed pendingDowngrade;

    protected LookBackReview() {
        // for event sourcing
    }

    /** R-LBK-01: a look-back is opened only for a unit that has a supervision group to conduct it. */
    @CommandHandler
    public LookBackReview(OpenLookBack command, UnitDirectory units, ParticipationDirectory participations,
                          SupervisionDirectory supervision, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId,
                          @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        UnitFacts unit = units.find(command.unitId()).orElseThrow(() -> new RuleViolation(PlatformRules.NOT_FOUND,
                "unit " + command.unitId() + " is not registered", Map.of("field", "unitId")));
        ParticipationId participation = ParticipationId.of(command.campaignId(), command.batchNo(), command.unitId());
        boolean participating = participations.find(command.campaignId(), command.unitId())
                .filter(p -> p.participationId().equals(participation)).isPresent();
        if (!participating) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, "unit " + command.unitId()
                    + " takes no part in batch " + command.batchNo() + " of campaign " + command.campaignId(),
                    Map.of("field", "unitId"));
        }
        LocalDate on = businessDate(occurredAt);
        SgId sgId = supervision.supervisingGroupOf(command.unitId(), on).map(SupervisionDirectory.Assignment::sgId)
                .orElseThrow(() -> new RuleViolation("R-LBK-01", "a look-back is conducted under a supervision "
                        + "group, and unit " + command.unitId() + " has none assigned on " + on,
                        Map.of("field", "unitId")));
        apply(new LookBackOpened(command.lookBackId(), participation, command.unitId(), command.batchNo(),
                unit.jurisdictionUnitId(), command.reviewedStage(), sgId, command.window(), PersonId.of(actorId)));
        if (unit.level() == Level.CITY && !cityTiming(command.window())) {
            apply(new LookBackRuleWarningRaised(command.lookBackId(), participation, "R-LBK-07",
                    "a city-level look-back starts in mid-May (" + CITY_EARLIEST_START + " to " + CITY_LATEST_START
                            + ") and runs about half a month (at most " + CITY_MAX_DAYS + " days); window "
                            + command.window().from() + " to " + command.window().to()));
        }
    }

    private static boolean cityTiming(ReviewWindow window) {
        MonthDay start = MonthDay.from(window.from());
        return !start.isBefore(CITY_EARLIEST_START) && !start.isAfter(CITY_LATEST_START)
                && ChronoUnit.DAYS.between(window.from(), window.to()) + 1 <= CITY_MAX_DAYS;
    }

    @CommandHandler
    void handle(RecordLookBackFinding command, Vault vault, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        requireStatus(EnumSet.of(Status.OPENED, Status.FINDINGS_RECORDED));
        String notesRef = command.notes() == null || command.notes().isBlank() ? null
                : vault.put("lookback:" + lookBackId + ":" + command.checkItem(), Vault.DataClass.INTERNAL,
                command.notes()).token();
        apply(new LookBackFindingRecorded(lookBackId, participationId, command.checkItem(), command.result(),
                notesRef, command.evidenceRefs(), PersonId.of(actorId)));
    }

    /** R-LBK-01..04, in that order (DOMAIN-ERRATA B10); a PASS concludes the look-back at once. */
    @CommandHandler
    void handle(DecideLookBackOutcome command, SupervisionDirectory supervision, StagePlans plans,
                DeadlineManager deadlines, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        requireStatus(EnumSet.of(Status.OPENED, Status.FINDINGS_RECORDED));
        PersonId actor = PersonId.of(actorId);
        Set<CheckItem> missing = EnumSet.allOf(CheckItem.class);
        missing.removeAll(findings.keySet());
        Guards guards = new Guards()
                .check(isSgMember(supervision, actor, businessDate(occurredAt)), "R-LBK-01",
                        "only a member of the supervision group assigned to " + unitId + " decides its look-back")
                .check(missing.isEmpty(), "R-LBK-02", "all six check items are recorded before an outcome is "
                        + "decided; missing " + missing);
        checkTerms(guards, command.terms(), plans).enforce();
        apply(new LookBackOutcomeDecided(lookBackId, participationId, unitId, reviewedStage, command.terms(), actor));
        if (command.outcome() == LookBackOutcome.PASS) {
            apply(new LookBackConcluded(lookBackId, participationId, unitId, reviewedStage, LookBackOutcome.PASS,
                    actor));
        }
        scheduleActionDeadlines(deadlines, command.terms());
    }

    /** R-LBK-03 and R-LBK-04: what any outcome, decided or amended, must satisfy. */
    private Guards checkTerms(Guards guards, OutcomeTerms proposed, StagePlans plans) {
        boolean anyIssue = findings.containsValue(FindingResult.ISSUE);
        String missing = missingParameters(proposed, plans);
        return guards
                .check(!anyIssue || !proposed.outcome().isLessSevereThan(LookBackOutcome.RECTIFY_BY_DEADLINE),
                        "R-LBK-03", "an item was found to be an ISSUE (" + issues() + "), so the outcome must be "
                                + "at least RECTIFY_BY_DEADLINE, not " + proposed.outcome())
                .check(missing == null, "R-LBK-04", String.valueOf(missing));
    }

    private String missingParameters(OutcomeTerms proposed, StagePlans plans) {
        return switch (proposed.outcome()) {
            case PASS -> null;
            case RECTIFY_BY_DEADLINE -> proposed.deadline() == null || proposed.correctiveActions().isEmpty()
                    ? "RECTIFY_BY_DEADLINE needs a deadline and at least one corrective action" : null;
            case EXTEND_AND_MAKE_UP -> {
                if (proposed.newStageEnd() == null || proposed.makeUpActivities().isEmpty()) {
                    yield "EXTEND_AND_MAKE_UP needs a new stage end and at least one make-up activity";
                }
                // DOMAIN-ERRATA B3: once the reviewed stage is completed, the unit's current stage is extended.
                LocalDate currentEnd = plans.currentStage(participationId).map(StagePlans.StagePlan::plannedTo)
                        .orElse(null);
                yield currentEnd != null && !proposed.newStageEnd().isAfter(currentEnd)
                        ? "the new stage end " + proposed.newStageEnd() + " must be later than the current planned end "
                        + currentEnd : null;
            }
            case REDO -> {
                if (proposed.redoScope().isEmpty()) {
                    yield "REDO needs the redo scope: the gate facts to invalidate";
                }
                // Only a completed stage can be reopened (R-UNP-23); a REDO that cannot act could never discharge.
                // A stage the lookup has not seen is left to the participation to judge.
                int current = plans.currentStage(participationId).map(StagePlans.StagePlan::stage)
                        .orElse(Integer.MAX_VALUE);
                yield current > reviewedStage ? null
                        : "REDO reopens a completed stage, and stage " + reviewedStage + " is not completed";
            }
        };
    }

    @CommandHandler
    void handle(CompleteCorrectiveAction command, SupervisionDirectory supervision,
                @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        requireStatus(DECIDED);
        PersonId actor = requireSgMember(supervision, actorId, occurredAt, "confirms a corrective action");
        boolean known = terms.correctiveActions().stream().anyMatch(a -> a.actionId().equals(command.actionId()));
        requireOpenItem(known, doneActions.contains(command.actionId()), "corrective action " + command.actionId(),
                "actionId");
        apply(new LookBackCorrectiveActionCompleted(lookBackId, participationId, command.actionId(),
                command.evidenceRefs(), actor));
    }

    @CommandHandler
    void handle(CompleteMakeUpActivity command, SupervisionDirectory supervision,
                @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        requireStatus(DECIDED);
        PersonId actor = requireSgMember(supervision, actorId, occurredAt, "confirms a make-up activity");
        boolean known = terms.makeUpActivities().stream().anyMatch(a -> a.activityId().equals(command.activityId()));
        requireOpenItem(known, doneActivities.contains(command.activityId()), "make-up activity "
                + command.activityId(), "activityId");
        apply(new LookBackMakeUpActivityCompleted(lookBackId, participationId, command.activityId(),
                command.evidenceRefs(), actor));
    }

    private static void requireOpenItem(boolean known, boolean done, String what, String field) {
        if (!known) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, "the outcome has no " + what, Map.of("field", field));
        }
        if (done) {
            throw new RuleViolation(PlatformRules.EXISTS, what + " is already completed", Map.of("field", field));
        }
    }

    /** R-LBK-01: the SG raises an outcome alone; R-LBK-05: lowering it needs the office (DOMAIN-ERRATA I9). */
    @CommandHandler
    void handle(AmendLookBackOutcome command, SupervisionDirectory supervision, StagePlans plans,
                DeadlineManager deadlines, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        requireStatus(DECIDED);
        PersonId actor = requireSgMember(supervision, actorId, occurredAt, "amends the outcome");
        if (command.newOutcome().isLessSevereThan(terms.outcome())) {
            throw new RuleViolation("R-LBK-05", "lowering the outcome from " + terms.outcome() + " to "
                    + command.newOutcome() + " needs a campaign office approver outside the supervision group: "
                    + "propose it with ProposeLookBackDowngrade", Map.of("field", "newOutcome"));
        }
        checkTerms(new Guards(), command.terms(), plans).enforce();
        amend(command.terms(), command.justification(), actor, actor, deadlines);
    }

    @CommandHandler
    void handle(ProposeLookBackDowngrade command, SupervisionDirectory supervision, StagePlans plans,
                @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        requireStatus(DECIDED);
        PersonId actor = requireSgMember(supervision, actorId, occurredAt, "proposes a downgrade");
        if (!command.newOutcome().isLessSevereThan(terms.outcome())) {
            throw new RuleViolation(PlatformRules.VALIDATION, command.newOutcome() + " is not below the current "
                    + "outcome " + terms.outcome() + "; raise it with AmendLookBackOutcome",
                    Map.of("field", "newOutcome"));
        }
        Guards guards = new Guards().check(command.justification() != null && !command.justification().isBlank(),
                "R-LBK-05", "lowering a look-back outcome needs a justification");
        checkTerms(guards, command.terms(), plans).enforce();
        apply(new LookBackDowngradeProposed(lookBackId, participationId, "D" + (proposals + 1), terms.outcome(),
                command.terms(), command.justification(), actor));
    }

    /** R-LBK-05, SoD-9: the approver is a campaign office approver of the jurisdiction and not in the SG. */
    @CommandHandler
    void handle(ApproveLookBackDowngrade command, SupervisionDirectory supervision, OfficeApprovers approvers,
                DeadlineManager deadlines, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        requireStatus(DECIDED);
        if (pendingDowngrade == null || !pendingDowngrade.proposalId().equals(command.proposalId())) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, "no pending downgrade proposal " + command.proposalId(),
                    Map.of("field", "proposalId"));
        }
        PersonId actor = PersonId.of(actorId);
        new Guards()
                .check(approvers.isApprover(rolloutId, actor), "R-LBK-05", "a look-back downgrade is approved by a "
                        + "campaign office approver of rollout " + rolloutId)
                .check(!isSgMember(supervision, actor, businessDate(occurredAt)), "R-LBK-05",
                        "a member of the supervision group may not approve its own downgrade")
                .enforce();
        amend(pendingDowngrade.terms(), pendingDowngrade.justification(), pendingDowngrade.proposedByPersonId(), actor,
                deadlines);
    }

    private void amend(OutcomeTerms newTerms, String justification, PersonId proposedBy, PersonId approvedBy,
                       DeadlineManager deadlines) {
        apply(new LookBackOutcomeAmended(lookBackId, participationId, unitId, reviewedStage, terms.outcome(),
                newTerms, justification, proposedBy, approvedBy));
        deadlines.cancelAllWithinScope(CORRECTIVE_ACTION_DUE);
        scheduleActionDeadlines(deadlines, newTerms);
    }

    /** R-LBK-01, and R-LBK-06 as DOMAIN-ERRATA B3 words it: only a discharged outcome concludes. */
    @CommandHandler
    void handle(ConcludeLookBack command, SupervisionDirectory supervision, DeadlineManager deadlines,
                @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        requireStatus(DECIDED);
        PersonId actor = PersonId.of(actorId);
        new Guards()
                .check(isSgMember(supervision, actor, businessDate(occurredAt)), "R-LBK-01",
                        "only a member of the supervision group assigned to " + unitId + " concludes its look-back")
                .check(undischarged() == null, "R-LBK-06", "the outcome " + terms.outcome()
                        + " is not discharged: " + undischarged())
                .enforce();
        apply(new LookBackConcluded(lookBackId, participationId, unitId, reviewedStage, terms.outcome(), actor));
        deadlines.cancelAllWithinScope(CORRECTIVE_ACTION_DUE);
    }

    private String undischarged() {
        return switch (terms.outcome()) {
            case PASS -> null;
            case RECTIFY_BY_DEADLINE -> pending(terms.correctiveActions().stream().map(CorrectiveAction::actionId)
                    .filter(id -> !doneActions.contains(id)).toList(), "corrective actions");
            case EXTEND_AND_MAKE_UP -> pending(terms.makeUpActivities().stream().map(MakeUpActivity::activityId)
                    .filter(id -> !doneActivities.contains(id)).toList(), "make-up activities");
            case REDO -> redoCompleted ? null : "stage " + reviewedStage + " has not been completed again";
        };
    }

    private static String pending(List<String> ids, String what) {
        return ids.isEmpty() ? null : what + " " + ids + " are not done";
    }

    /** Saga-sent; a re-delivered completion changes nothing. */
    @CommandHandler
    void handle(RecordRedoCompleted command) {
        if (redoCompleted) {
            return;
        }
        requireStatus(DECIDED);
        if (command.stage() != reviewedStage) {
            throw new RuleViolation(PlatformRules.VALIDATION, "the look-back reviews stage " + reviewedStage
                    + ", not " + command.stage(), Map.of("field", "stage"));
        }
        apply(new LookBackRedoCompleted(lookBackId, participationId, unitId, reviewedStage, command.completedOn()));
    }

    /** A corrective action's due date (DOMAIN §4.19 correctiveActionDue). */
    record ActionDue(String actionId, LocalDate dueDate) {
    }

    private void scheduleActionDeadlines(DeadlineManager deadlines, OutcomeTerms scheduled) {
        if (scheduled.outcome() != LookBackOutcome.RECTIFY_BY_DEADLINE) {
            return;
        }
        for (CorrectiveAction action : scheduled.correctiveActions()) {
            if (!doneActions.contains(action.actionId())) {
                deadlines.schedule(Deadlines.firesAfter(action.dueDate()), CORRECTIVE_ACTION_DUE,
                        new ActionDue(action.actionId(), action.dueDate()));
            }
        }
    }

    /** Checked when it fires rather than cancelled per action: completing an action needs no bookkeeping. */
    @DeadlineHandler(deadlineName = CORRECTIVE_ACTION_DUE)
    void on(ActionDue due) {
        boolean stillDue = DECIDED.contains(status) && !doneActions.contains(due.actionId())
                && terms.outcome() == LookBackOutcome.RECTIFY_BY_DEADLINE
                && terms.correctiveActions().stream().anyMatch(a -> a.actionId().equals(due.actionId())
                && a.dueDate().equals(due.dueDate()));
        if (stillDue) {
            apply(new LookBackCorrectiveActionBecameOverdue(lookBackId, participationId, due.actionId(),
                    due.dueDate(), Deadlines.firesAfter(due.dueDate())));
        }
    }

    private PersonId requireSgMember(SupervisionDirectory supervision, String actorId, String occurredAt,
                                     String what) {
        PersonId actor = PersonId.of(actorId);
        if (!isSgMember(supervision, actor, businessDate(occurredAt))) {
            throw new RuleViolation("R-LBK-01", "only a member of the supervision group assigned to " + unitId
                    + " " + what, Map.of("actorId", actorId));
        }
        return actor;
    }

    /** The group assigned on the business date, so a reassigned unit's look-back passes to its new group. */
    private boolean isSgMember(SupervisionDirectory supervision, PersonId person, LocalDate on) {
        return supervision.supervisingGroupOf(unitId, on)
                .map(group -> supervision.isMember(group.sgId(), person, on)).orElse(false);
    }

    private static LocalDate businessDate(String occurredAt) {
        if (occurredAt == null) {
            throw new RuleViolation(PlatformRules.VALIDATION, "the command carries no occurredAt",
                    Map.of("field", "occurredAt"));
        }
        return Deadlines.businessDate(occurredAt);
    }

    private List<CheckItem> issues() {
        return findings.entrySet().stream().filter(e -> e.getValue() == FindingResult.ISSUE)
                .map(Map.Entry::getKey).toList();
    }

    private void requireStatus(Set<Status> allowed) {
        if (!allowed.contains(status)) {
            throw new RuleViolation(PlatformRules.STATE, "not allowed while the look-back is " + status
                    + " (allowed: " + allowed + ")", Map.of("state", status.name()));
        }
    }

    @EventSourcingHandler
    void on(LookBackOpened event) {
        lookBackId = event.lookBackId();
        participationId = event.participationId();
        unitId = event.unitId();
        rolloutId = RolloutId.of(participationId.campaignId(), event.batchNo(), event.jurisdictionUnitId());
        reviewedStage = event.reviewedStage();
        status = Status.OPENED;
    }

    @EventSourcingHandler
    void on(LookBackFindingRecorded event) {
        findings.put(event.checkItem(), event.result());
        if (findings.size() == CheckItem.values().length) {
            status = Status.FINDINGS_RECORDED;
        }
    }

    @EventSourcingHandler
    void on(LookBackOutcomeDecided event) {
        terms = event.terms();
        status = Status.OUTCOME_DECIDED;
    }

    @EventSourcingHandler
    void on(LookBackCorrectiveActionCompleted event) {
        doneActions.add(event.actionId());
        status = Status.CORRECTING;
    }

    @EventSourcingHandler
    void on(LookBackMakeUpActivityCompleted event) {
        doneActivities.add(event.activityId());
        status = Status.CORRECTING;
    }

    @EventSourcingHandler
    void on(LookBackDowngradeProposed event) {
        proposals++;
        pendingDowngrade = event;
    }

    @EventSourcingHandler
    void on(LookBackOutcomeAmended event) {
        terms = event.terms();
        pendingDowngrade = null;
    }

    @EventSourcingHandler
    void on(LookBackRedoCompleted event) {
        redoCompleted = true;
    }

    @EventSourcingHandler
    void on(LookBackConcluded event) {
        status = Status.CONCLUDED;
    }
}
