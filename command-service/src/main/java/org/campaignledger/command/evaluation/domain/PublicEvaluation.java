package org.campaignledger.command.evaluation.domain;

import static org.campaignledger.command.domain.StateGuard.requireState;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.campaignledger.command.campaign.domain.CampaignDirectory;
import org.campaignledger.command.campaign.domain.CampaignPolicy;
import org.campaignledger.command.domain.Deadlines;
import org.campaignledger.command.domain.Guards;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.command.evaluation.domain.EvaluationAttempts.Attempt;
import org.campaignledger.command.organisation.domain.RosterDirectory;
import org.campaignledger.command.organisation.domain.UnitDirectory;
import org.campaignledger.command.participation.domain.ParticipationDirectory;
import org.campaignledger.command.rollout.domain.OfficeApprovers;
import org.campaignledger.command.rollout.domain.PolicyExceptions;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationDimension;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationPreconditionKey;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationState;
import org.campaignledger.kernel.evaluation.EvaluationEnums.NotificationSection;
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
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationId;

/**
 * One public evaluation attempt (DOMAIN §4.13): PLANNED → READY → IN_SESSION → PASSED or FAILED → REPORTED.
 * TALLIED is never a resting state (DOMAIN-ERRATA M3): closing decides the outcome at once, and a correction may
 * flip it later. A new attempt after a failure is a new aggregate with the next attempt number.
 */
public class PublicEvaluation {
    static final Set<EvaluationDimension> POST_MEETING_DIMENSIONS = EnumSet.allOf(EvaluationDimension.class);
    private static final Set<NotificationSection> NOTIFICATION_SECTIONS = EnumSet.allOf(NotificationSection.class);

    @AggregateIdentifier
    private EvaluationId evaluationId;
    private ParticipationId participationId;
    private UnitId unitId;
    private EvaluationType type;
    private int attemptNo;
    private String meetingId;
    private Set<String> categories;
    private Set<EvaluationDimension> dimensions;
    private final Set<EvaluationPreconditionKey> required = EnumSet.noneOf(EvaluationPreconditionKey.class);
    private final Set<EvaluationPreconditionKey> credited = EnumSet.noneOf(EvaluationPreconditionKey.class);
    private final Set<String> formIds = new HashSet<>();
    private RatingCounts formCounts = RatingCounts.NONE;
    private final Map<EvaluationDimension, RatingCounts> formDimensions = new EnumMap<>(EvaluationDimension.class);
    private final Map<String, PaperTally> paperTallies = new LinkedHashMap<>();
    private RatingCounts counts;
    private int invalid;
    private boolean passed;
    private SatisfactionRule rule;
    private final Set<PersonId> tallyRecorders = new HashSet<>();
    private boolean fedBack;
    private EvaluationState state;

    private record PaperTally(RatingCounts counts, int invalid, Map<EvaluationDimension, RatingCounts> dimensionCounts,
                              PersonId enteredBy, boolean confirmed) {
    }

    protected PublicEvaluation() {
        // for event sourcing
    }

    /**
     * R-EVL-05: a POST_MEETING form rates all five dimensions. R-EVL-11: attempt n+1 follows the completed rework
     * of failed attempt n. R-EVL-06 (DOMAIN-ERRATA B8): a POST_MEETING scope is copied from the unit's latest
     * Stage-1 scope, else from the jurisdiction's {@code defaultEvaluationScope}; one the planner names keeps those
     * categories unless the office approved others. The preconditions READY waits for depend on the type
     * (DOMAIN-ERRATA I6); REWORK_COMPLETED is checked here already, so it is credited at once, and an SG_ASSESSMENT
     * is ready at planning (R-EVL-12).
     */
    @CommandHandler
    public PublicEvaluation(PlanEvaluation command, ParticipationDirectory participations,
                            EvaluationAttempts attempts, PolicyExceptions exceptions, UnitDirectory units,
                            CampaignDirectory campaigns, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        ParticipationId participation = command.participationId();
        UnitId unit = participation.unitId();
        if (participations.find(participation.campaignId(), unit)
                .filter(p -> p.participationId().equals(participation)).isEmpty()) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, "participation " + participation + " is not registered",
                    Map.of("field", "participationId"));
        }
        if (command.type() == EvaluationType.POST_MEETING
                && !command.dimensions().containsAll(POST_MEETING_DIMENSIONS)) {
            throw new RuleViolation("R-EVL-05", "a POST_MEETING form rates " + POST_MEETING_DIMENSIONS
                    + " besides the overall rating; planned " + command.dimensions(), Map.of("field", "dimensions"));
        }
        Attempt previous = attempts.latest(participation, command.type()).orElse(null);
        requireAttemptMayFollow(command.attemptNo(), previous);
        EvaluationId scopeSource = null;
        List<ParticipantGroup> scope = command.participantScope();
        if (command.type() == EvaluationType.POST_MEETING) {
            Attempt stage1 = attempts.latest(participation, EvaluationType.STAGE_1).orElse(null);
            scopeSource = stage1 == null ? null : stage1.evaluationId();
            List<ParticipantGroup> copied = stage1 != null ? stage1.participantScope()
                    : policyOf(participation, units, campaigns).defaultEvaluationScope();
            String origin = stage1 != null ? stage1.evaluationId().value()
                    : "the defaultEvaluationScope of the unit's jurisdiction";
            if (scope.isEmpty()) {
                if (copied.isEmpty()) {
                    throw new RuleViolation("R-EVL-06", "there is no Stage-1 evaluation and no "
                            + "defaultEvaluationScope to copy the POST_MEETING scope from; name the scope",
                            Map.of("field", "participantScope"));
                }
                scope = copied;
            } else if (!copied.isEmpty()) {
                requireCopiedCategories(command, copied, origin, unit, exceptions, occurredAt);
            }
        }
        EvaluationId id = command.evaluationId();
        EvaluationType evaluationType = command.type();
        int attempt = command.attemptNo();
        Set<EvaluationPreconditionKey> keys = requiredKeys(evaluationType, attempt);
        // The aggregate's fields are set only once the constructor returns, so the follow-up events use locals.
        apply(new EvaluationPlanned(id, participation, unit, evaluationType, attempt, command.meetingId(),
                scope, command.dimensions(), keys, scopeSource, command.scopeExceptionId()));
        Set<EvaluationPreconditionKey> missing = EnumSet.noneOf(EvaluationPreconditionKey.class);
        missing.addAll(keys);
        if (previous != null) {
            apply(new EvaluationPreconditionCredited(id, participation, unit, evaluationType, attempt,
                    EvaluationPreconditionKey.REWORK_COMPLETED, previous.evaluationId().value()));
            missing.remove(EvaluationPreconditionKey.REWORK_COMPLETED);
        }
        if (missing.isEmpty()) {
            apply(new EvaluationBecameReady(id, participation, unit, evaluationType, attempt));
        }
    }

    private static void requireAttemptMayFollow(int attemptNo, Attempt previous) {
        int previousNo = previous == null ? 0 : previous.evaluationId().attemptNo();
        if (attemptNo == 1 && previous == null) {
            return;
        }
        String why;
        if (attemptNo != previousNo + 1) {
            why = "the next attempt is " + (previousNo + 1);
        } else if (previous.outcome() != EvaluationAttempts.Outcome.FAILED) {
            why = "attempt " + previousNo + " has " + (previous.outcome() == EvaluationAttempts.Outcome.PASSED
                    ? "passed" : "not been closed");
        } else if (!previous.reworkCompleted()) {
            why = "the rework ordered after attempt " + previousNo + " is not completed";
        } else {
            return;
        }
        throw new RuleViolation("R-EVL-11", "attempt " + attemptNo + " cannot be planned: " + why,
                Map.of("field", "attemptNo"));
    }

    private static void requireCopiedCategories(PlanEvaluation command, List<ParticipantGroup> copied, String origin,
                                                UnitId unit, PolicyExceptions exceptions, String occurredAt) {
        Set<String> planned = categoriesOf(command.participantScope());
        Set<String> copiedCategories = new TreeSet<>(categoriesOf(copied));
        if (planned.equals(copiedCategories)) {
            return;
        }
        if (command.scopeExceptionId() != null && exceptions.isValidFor(command.scopeExceptionId(), unit, "R-EVL-06",
                Deadlines.businessDate(occurredAt))) {
            return;
        }
        throw new RuleViolation("R-EVL-06", "the POST_MEETING scope copies the categories " + copiedCategories
                + " of " + origin + "; other categories need the office's approval",
                Map.of("field", "participantScope"));
    }

    private static Set<String> categoriesOf(List<ParticipantGroup> scope) {
        Set<String> categories = new HashSet<>();
        scope.forEach(group -> categories.add(group.category()));
        return categories;
    }

    /**
     * The policy in force in the rollout of the unit's jurisdiction, so a jurisdiction's overrides apply (DOMAIN §2).
     */
    private static CampaignPolicy policyOf(ParticipationId participation, UnitDirectory units,
                                           CampaignDirectory campaigns) {
        UnitId jurisdiction = units.find(participation.unitId()).map(UnitDirectory.UnitFacts::jurisdictionUnitId)
                .orElse(null);
        Optional<CampaignPolicy> policy = jurisdiction == null ? campaigns.policy(participation.campaignId())
                : campaigns.policy(participation.campaignId(), batchNo(participation), jurisdiction);
        return policy.orElseThrow(() -> new RuleViolation(PlatformRules.STATE, "campaign "
                + participation.campaignId() + " has adopted no policy"));
    }

    static Set<EvaluationPreconditionKey> requiredKeys(EvaluationType type, int attemptNo) {
        Set<EvaluationPreconditionKey> keys = switch (type) {
            case STAGE_1, OVERALL -> EnumSet.of(EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED);
            case POST_MEETING -> EnumSet.of(EvaluationPreconditionKey.NOTIFICATION_APPROVED,
                    EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED, EvaluationPreconditionKey.MEETING_HELD,
                    EvaluationPreconditionKey.SG_FEEDBACK_DELIVERED);
            case SG_ASSESSMENT -> EnumSet.noneOf(EvaluationPreconditionKey.class);
        };
        if (attemptNo > 1) {
            keys.add(EvaluationPreconditionKey.REWORK_COMPLETED);
        }
        return keys;
    }

    /**
     * Saga-sent; a key already credited, one this type does not wait for, or one arriving after the session opened
     * changes nothing, so re-deliveries are harmless. R-EVL-04: approved notification material covers all three
     * mandatory sections.
     */
    @CommandHandler
    void handle(CreditEvaluationPrecondition command) {
        EvaluationPreconditionKey key = command.key();
        if (!required.contains(key) || credited.contains(key) || !EnumSet.of(EvaluationState.PLANNED,
                EvaluationState.READY).contains(state)) {
            return;
        }
        if (key == EvaluationPreconditionKey.NOTIFICATION_APPROVED
                && !command.notificationSections().containsAll(NOTIFICATION_SECTIONS)) {
            Set<NotificationSection> missing = EnumSet.copyOf(NOTIFICATION_SECTIONS);
            missing.removeAll(command.notificationSections());
            throw new RuleViolation("R-EVL-04", "the notification material lacks the sections " + missing,
                    Map.of("field", "notificationSections"));
        }
        apply(new EvaluationPreconditionCredited(evaluationId, participationId, unitId, type, attemptNo, key,
                command.sourceRef()));
        if (credited.containsAll(required)) {
            apply(new EvaluationBecameReady(evaluationId, participationId, unitId, type, attemptNo));
        }
    }

    /**
     * Saga-sent. R-EVL-01: a re-hold order takes MEETING_HELD back, and a READY evaluation waits again. Once the
     * session has opened, history is not rolled back (as R-MTG-19 for meetings), so a late revocation changes nothing.
     */
    @CommandHandler
    void handle(RevokeEvaluationPrecondition command) {
        if (!credited.contains(command.key()) || !EnumSet.of(EvaluationState.PLANNED, EvaluationState.READY)
                .contains(state)) {
            return;
        }
        apply(new EvaluationPreconditionRevoked(evaluationId, participationId, unitId, type, attemptNo,
                command.key(), command.reason()));
    }

    /**
     * Checked from PLANNED too, so the unit learns which precondition is missing (DOMAIN-ERRATA B10). R-EVL-01: the
     * meeting is held (I1: or closed) with no re-hold order. R-EVL-02: the host is the unit's main leader on the
     * session date. R-EVL-03: the SG approved the notification material and the plan, and for POST_MEETING
     * delivered its feedback. R-EVL-11: a repeated attempt follows the completed rework.
     */
    @CommandHandler
    void handle(OpenEvaluationSession command, RosterDirectory rosters) {
        requireState("evaluation", state, EnumSet.of(EvaluationState.PLANNED, EvaluationState.READY));
        PersonId mainLeader = rosters.mainLeaderAsOf(unitId, command.date()).orElse(null);
        new Guards()
                .check(!required.contains(EvaluationPreconditionKey.MEETING_HELD)
                                || credited.contains(EvaluationPreconditionKey.MEETING_HELD), "R-EVL-01",
                        "meeting " + meetingId + " has not been held")
                .check(command.hostPersonId().equals(mainLeader), "R-EVL-02", "the host is the unit's main leader ("
                        + (mainLeader == null ? "none" : mainLeader) + " on " + command.date() + "), not "
                        + command.hostPersonId())
                .check(missing(EnumSet.of(EvaluationPreconditionKey.NOTIFICATION_APPROVED,
                                EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED,
                                EvaluationPreconditionKey.SG_FEEDBACK_DELIVERED)).isEmpty(), "R-EVL-03",
                        "the session needs " + missing(EnumSet.of(EvaluationPreconditionKey.NOTIFICATION_APPROVED,
                                EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED,
                                EvaluationPreconditionKey.SG_FEEDBACK_DELIVERED)))
                .check(missing(EnumSet.of(EvaluationPreconditionKey.REWORK_COMPLETED)).isEmpty(), "R-EVL-11",
                        "the rework after the previous attempt is not completed")
                .enforce();
        apply(new EvaluationSessionOpened(evaluationId, participationId, unitId, type, attemptNo, meetingId,
                command.date(), command.hostPersonId(), command.participantsByCategory()));
    }

    private Set<EvaluationPreconditionKey> missing(Set<EvaluationPreconditionKey> keys) {
        Set<EvaluationPreconditionKey> missing = EnumSet.noneOf(EvaluationPreconditionKey.class);
        keys.stream().filter(required::contains).filter(k -> !credited.contains(k)).forEach(missing::add);
        return missing;
    }

    /** R-EVL-10: a form names one of the scope's participant categories and never a person. */
    @CommandHandler
    void handle(RecordEvaluationForm command) {
        requireState("evaluation", state, EnumSet.of(EvaluationState.IN_SESSION));
        if (formIds.contains(command.formId())) {
            throw new RuleViolation(PlatformRules.EXISTS, "form " + command.formId() + " is recorded already",
                    Map.of("field", "formId"));
        }
        if (!categories.contains(command.participantCategory())) {
            throw new RuleViolation("R-EVL-10", "a form names one of the participant categories "
                    + new TreeSet<>(categories)
                    + ", not '" + command.participantCategory() + "'", Map.of("field", "participantCategory"));
        }
        requirePlannedDimensions(command.dimensionRatings().keySet(), true, "dimensionRatings");
        apply(new EvaluationFormRecorded(evaluationId, participationId, unitId, type, attemptNo, command.formId(),
                command.overall(), command.dimensionRatings(), command.participantCategory()));
    }

    private void requirePlannedDimensions(Set<EvaluationDimension> given, boolean all, String field) {
        boolean fits = dimensions.containsAll(given) && (!all || given.containsAll(dimensions));
        if (!fits) {
            throw new RuleViolation(type == EvaluationType.POST_MEETING ? "R-EVL-05" : PlatformRules.VALIDATION,
                    "the form's dimensions are " + dimensions + ", not " + given, Map.of("field", field));
        }
    }

    /** R-EVL-09: a recorded tally is never re-entered; it changes only through CorrectEvaluationTally. */
    @CommandHandler
    void handle(RecordPaperTally command, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        requireState("evaluation", state, EnumSet.of(EvaluationState.IN_SESSION));
        if (paperTallies.containsKey(command.tallyId())) {
            throw new RuleViolation("R-EVL-09", "paper tally " + command.tallyId()
                    + " is recorded already; tallies are immutable", Map.of("field", "tallyId"));
        }
        requirePlannedDimensions(command.dimensionCounts().keySet(), false, "dimensionCounts");
        apply(new EvaluationPaperTallyRecorded(evaluationId, participationId, unitId, type, attemptNo,
                command.tallyId(), command.counts(), command.invalid(), command.dimensionCounts(),
                PersonId.of(actorId)));
    }

    /** R-EVL-13 (SoD-7): a second staff member confirms the paper tally. */
    @CommandHandler
    void handle(ConfirmPaperTally command, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        requireState("evaluation", state, EnumSet.of(EvaluationState.IN_SESSION));
        PaperTally tally = paperTallies.get(command.tallyId());
        if (tally == null) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, "no paper tally " + command.tallyId(),
                    Map.of("field", "tallyId"));
        }
        if (tally.confirmed()) {
            return;
        }
        if (tally.enteredBy().equals(PersonId.of(actorId))) {
            throw new RuleViolation("R-EVL-13", "the paper tally is confirmed by someone other than "
                    + tally.enteredBy() + ", who entered it", Map.of("confirmedByPersonId", actorId));
        }
        apply(new EvaluationPaperTallyConfirmed(evaluationId, participationId, unitId, type, attemptNo,
                command.tallyId(), PersonId.of(actorId)));
    }

    /**
     * R-EVL-13: every paper tally is confirmed. R-EVL-07: at least {@code minValidForms} valid forms (DOMAIN-ERRATA
     * I6), and the pass rule of the policy in force ({@code satisfiedOptions}, {@code satisfactionThreshold}) over
     * the valid forms; the rule travels in EvaluationTallied, so corrections are judged by it too.
     */
    @CommandHandler
    void handle(CloseEvaluation command, UnitDirectory units, CampaignDirectory campaigns,
                @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        requireState("evaluation", state, EnumSet.of(EvaluationState.IN_SESSION));
        CampaignPolicy policy = policyOf(participationId, units, campaigns);
        int minValidForms = policy.minValidForms();
        SatisfactionRule rule = policy.satisfactionRule();
        RatingCounts total = formCounts;
        int totalInvalid = 0;
        Map<EvaluationDimension, RatingCounts> perDimension = new EnumMap<>(formDimensions);
        for (PaperTally tally : paperTallies.values()) {
            total = total.plus(tally.counts());
            totalInvalid += tally.invalid();
            tally.dimensionCounts().forEach((dimension, c) -> perDimension.merge(dimension, c, RatingCounts::plus));
        }
        List<String> unconfirmed = paperTallies.entrySet().stream().filter(e -> !e.getValue().confirmed())
                .map(Map.Entry::getKey).toList();
        int valid = total.valid();
        new Guards()
                .check(unconfirmed.isEmpty(), "R-EVL-13", "paper tallies " + unconfirmed + " are not confirmed")
                .check(valid >= Math.max(1, minValidForms), "R-EVL-07",
                        valid + " valid forms, fewer than minValidForms " + minValidForms)
                .enforce();
        int satisfied = rule.satisfied(total);
        boolean pass = rule.passes(satisfied, valid);
        apply(new EvaluationTallied(evaluationId, participationId, unitId, type, attemptNo, valid, total.satisfied(),
                total.basicallySatisfied(), total.dissatisfied(), totalInvalid, satisfied, valid, pass,
                perDimension, PersonId.of(actorId), rule));
        if (pass) {
            apply(new EvaluationPassed(evaluationId, participationId, unitId, type, attemptNo, satisfied, valid));
        } else {
            apply(new EvaluationFailed(evaluationId, participationId, unitId, type, attemptNo, satisfied, valid,
                    rule.shortfall(satisfied, valid)));
        }
    }

    /** R-EVL-08: the results go back to the secretary, the unit's main leader on the feedback date. */
    @CommandHandler
    void handle(FeedBackEvaluationResults command, RosterDirectory rosters) {
        requireState("evaluation", state, EnumSet.of(EvaluationState.PASSED, EvaluationState.FAILED));
        if (fedBack) {
            throw new RuleViolation(PlatformRules.EXISTS, "the results were fed back already");
        }
        PersonId secretary = rosters.mainLeaderAsOf(unitId, command.date()).orElseThrow(() -> new RuleViolation(
                "R-EVL-08", "unit " + unitId + " has no secretary on " + command.date() + " to feed the results back to",
                Map.of("field", "date")));
        apply(new EvaluationResultsFedBack(evaluationId, participationId, unitId, type, attemptNo, secretary,
                command.date()));
    }

    /** R-EVL-08: the report is filed only after the results were fed back. */
    @CommandHandler
    void handle(RecordEvaluationReportFiled command) {
        requireState("evaluation", state, EnumSet.of(EvaluationState.PASSED, EvaluationState.FAILED));
        if (!fedBack) {
            throw new RuleViolation("R-EVL-08", "the results are fed back to the secretary before the report is filed");
        }
        apply(new EvaluationReportFiled(evaluationId, participationId, unitId, type, attemptNo, command.documentId()));
    }

    /**
     * R-EVL-09 (DOMAIN §3.5, SoD-7): the correction is approved by an approver of the campaign office of the unit's
     * jurisdiction who recorded none of the tally; the outcome is recomputed and a flip is announced.
     */
    @CommandHandler
    void handle(CorrectEvaluationTally command, UnitDirectory units, OfficeApprovers approvers,
                @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        requireState("evaluation", state, EnumSet.of(EvaluationState.PASSED, EvaluationState.FAILED, EvaluationState.REPORTED));
        PersonId approver = PersonId.of(actorId);
        if (tallyRecorders.contains(approver)) {
            throw new RuleViolation("R-EVL-09", "the correction is approved by someone other than those who "
                    + "recorded the tally " + tallyRecorders.stream().map(PersonId::value).sorted().toList(),
                    Map.of("approvedByPersonId", actorId));
        }
        UnitId jurisdiction = units.find(unitId).map(UnitDirectory.UnitFacts::jurisdictionUnitId).orElse(null);
        RolloutId rollout = jurisdiction == null ? null
                : RolloutId.of(participationId.campaignId(), batchNo(participationId), jurisdiction);
        if (rollout == null || !approvers.isApprover(rollout, approver)) {
            throw new RuleViolation("R-EVL-09", "a tally correction is approved by the campaign office of "
                    + jurisdiction + "; " + actorId + " is not one of its approvers",
                    Map.of("approvedByPersonId", actorId));
        }
        RatingCounts corrected = command.counts();
        int valid = corrected.valid();
        int satisfied = rule.satisfied(corrected);
        boolean pass = rule.passes(satisfied, valid);
        boolean flipped = pass != passed;
        apply(new EvaluationTallyCorrected(evaluationId, participationId, unitId, type, attemptNo, counts, invalid,
                corrected, command.invalid(), satisfied, valid, pass, command.reason(), approver));
        if (flipped) {
            apply(new EvaluationOutcomeChanged(evaluationId, participationId, unitId, type, attemptNo, pass,
                    satisfied, valid));
        }
    }

    private static int batchNo(ParticipationId participationId) {
        String value = participationId.value();
        int first = value.indexOf(':');
        return Integer.parseInt(value.substring(first + 1, value.indexOf(':', first + 1)));
    }


    @EventSourcingHandler
    void on(EvaluationPlanned event) {
        evaluationId = event.evaluationId();
        participationId = event.participationId();
        unitId = event.unitId();
        type = event.type();
        attemptNo = event.attemptNo();
        meetingId = event.meetingId();
        categories = categoriesOf(event.participantScope());
        dimensions = event.dimensions().isEmpty() ? EnumSet.noneOf(EvaluationDimension.class)
                : EnumSet.copyOf(event.dimensions());
        required.addAll(event.requiredPreconditions());
        state = EvaluationState.PLANNED;
    }

    @EventSourcingHandler
    void on(EvaluationPreconditionCredited event) {
        credited.add(event.key());
    }

    @EventSourcingHandler
    void on(EvaluationPreconditionRevoked event) {
        credited.remove(event.key());
        state = EvaluationState.PLANNED;
    }

    @EventSourcingHandler
    void on(EvaluationBecameReady event) {
        state = EvaluationState.READY;
    }

    @EventSourcingHandler
    void on(EvaluationSessionOpened event) {
        state = EvaluationState.IN_SESSION;
    }

    @EventSourcingHandler
    void on(EvaluationFormRecorded event) {
        formIds.add(event.formId());
        formCounts = formCounts.plus(RatingCounts.one(event.overall()));
        event.dimensionRatings().forEach((dimension, rating) ->
                formDimensions.merge(dimension, RatingCounts.one(rating), RatingCounts::plus));
    }

    @EventSourcingHandler
    void on(EvaluationPaperTallyRecorded event) {
        paperTallies.put(event.tallyId(), new PaperTally(event.counts(), event.invalid(), event.dimensionCounts(),
                event.enteredByPersonId(), false));
        tallyRecorders.add(event.enteredByPersonId());
    }

    @EventSourcingHandler
    void on(EvaluationPaperTallyConfirmed event) {
        paperTallies.computeIfPresent(event.tallyId(), (id, t) ->
                new PaperTally(t.counts(), t.invalid(), t.dimensionCounts(), t.enteredBy(), true));
    }

    @EventSourcingHandler
    void on(EvaluationTallied event) {
        counts = new RatingCounts(event.satisfied(), event.basicallySatisfied(), event.dissatisfied());
        invalid = event.invalid();
        passed = event.passed();
        rule = event.ruleApplied();
        tallyRecorders.add(event.talliedByPersonId());
        state = passed ? EvaluationState.PASSED : EvaluationState.FAILED;
    }

    @EventSourcingHandler
    void on(EvaluationResultsFedBack event) {
        fedBack = true;
    }

    @EventSourcingHandler
    void on(EvaluationReportFiled event) {
        state = EvaluationState.REPORTED;
    }

    @EventSourcingHandler
    void on(EvaluationTallyCorrected event) {
        counts = event.newCounts();
        invalid = event.newInvalid();
        passed = event.passed();
        if (state != EvaluationState.REPORTED) {
            state = passed ? EvaluationState.PASSED : EvaluationState.FAILED;
        }
    }
}
