package org.campaignledger.query.timeline;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.campaignledger.kernel.campaign.CampaignEvent;
import org.campaignledger.kernel.document.DocumentEvent;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent;
import org.campaignledger.kernel.lookback.LookBackEvent;
import org.campaignledger.kernel.opinion.OpinionEvent;
import org.campaignledger.kernel.organisation.OrgUnitEvent;
import org.campaignledger.kernel.participation.ParticipationEvent;
import org.campaignledger.kernel.person.PersonEvent;
import org.campaignledger.kernel.rollout.RolloutEvent;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent;
import org.campaignledger.query.ingest.LedgerEvent;

/**
 * The English summary of each timeline entry (DOMAIN §5.11), one template per event type, all in this class.
 * Summaries name people by id only. An event type without a template gets the generic "{@code <EventType> on
 * <aggregateType> <id>}"; the types that do so on purpose are listed in {@link #GENERIC}, and a test checks that
 * every catalogued event type is in exactly one of the two, so a new type cannot fall back unnoticed.
 */
final class TimelineSummaries {
    /** Jurisdiction-, campaign- and group-wide events: they name no unit, so they reach no unit's timeline. */
    static final Set<Class<?>> GENERIC = Set.of(
            CampaignEvent.CampaignDefined.class, CampaignEvent.BatchDefined.class,
            CampaignEvent.PolicyProfileAdopted.class, CampaignEvent.CampaignStarted.class,
            RolloutEvent.RolloutOpened.class, RolloutEvent.LeadingGroupEstablished.class,
            RolloutEvent.CampaignOfficeEstablished.class, RolloutEvent.TierDefined.class,
            RolloutEvent.TypeGuidanceIssued.class, RolloutEvent.PolicyOverridden.class,
            RolloutEvent.MobilisationConferenceHeld.class, RolloutEvent.LowerLevelReportHeard.class,
            RolloutEvent.RolloutClosed.class,
            SupervisionGroupEvent.SupervisionGroupFormed.class, SupervisionGroupEvent.SupervisionGroupMemberAdded.class,
            SupervisionGroupEvent.SupervisionGroupMemberRemoved.class,
            SupervisionGroupEvent.SupervisionGroupDisbanded.class);

    private static final Map<Class<?>, Function<Object, String>> TEMPLATES = new HashMap<>();

    static {
        participation();
        documents();
        evaluations();
        lookBacks();
        opinions();
        organisation();
        on(RolloutEvent.PolicyExceptionGranted.class, e -> "Exception " + e.exceptionId().value() + " to "
                + e.ruleId() + " granted" + (e.validUntil() == null ? "" : ", valid until " + e.validUntil()));
        on(RolloutEvent.ReportHearingMissed.class, e -> "Secretary " + e.secretaryPersonId().value() + " heard "
                + e.hearings() + " of " + e.required() + " lower-level reports in " + e.month() + " (R-UNP-24)");
        on(SupervisionGroupEvent.UnitAssignedToSupervisionGroup.class,
                e -> "Assigned to supervision group " + e.sgId().value() + " from " + e.from());
        on(SupervisionGroupEvent.UnitUnassignedFromSupervisionGroup.class,
                e -> "Unassigned from supervision group " + e.sgId().value() + " on " + e.to() + ": " + e.reason());
        on(PersonEvent.PersonRegistered.class, e -> "Person " + e.personId().value() + " registered here");
        on(OpinionEvent.SubmitterIdentityShredded.class, e -> "Submitter identity of opinion "
                + e.opinionId().value() + " shredded (" + e.reason() + ")");
        on(PersonEvent.PersonalDataShredded.class, e -> "Personal data of " + e.personId().value() + " shredded ("
                + e.reason() + "); the history stays, unreadable where it named them");
        on(PersonEvent.MobileMemberStatusChanged.class, e -> "Mobile member " + e.personId().value()
                + " takes part here" + (e.outflowBranchUnitId() == null ? ""
                : " (outflow branch " + e.outflowBranchUnitId().value() + ")"));
    }

    private TimelineSummaries() {
    }

    static String summary(LedgerEvent event) {
        Object payload = event.payload();
        Function<Object, String> template = payload == null ? null : TEMPLATES.get(payload.getClass());
        return template != null ? template.apply(payload)
                : event.eventType() + " on " + event.aggregateType() + " " + event.aggregateId();
    }

    static boolean hasTemplate(Class<?> eventType) {
        return TEMPLATES.containsKey(eventType);
    }

    private static <E> void on(Class<E> type, Function<E, String> template) {
        TEMPLATES.put(type, payload -> template.apply(type.cast(payload)));
    }

    /** STAGE_1 reads "Stage 1", POST_MEETING "Post meeting". */
    private static String words(Enum<?> value) {
        String words = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static void participation() {
        on(ParticipationEvent.ParticipationRegistered.class, e -> "Registered for campaign " + e.campaignId().value()
                + ", batch " + e.batchNo() + ", tier " + e.tierNo() + " (" + lower(e.meetingType()) + ")");
        on(ParticipationEvent.PreparationStarted.class, e -> "Preparation started on " + e.date());
        on(ParticipationEvent.WeakOrganisationFlagged.class, e -> "Flagged as a weak and lax organisation: " + e.reason());
        on(ParticipationEvent.OrganisationalRectificationCompleted.class,
                e -> "Organisational rectification completed");
        on(ParticipationEvent.UnitLeadingGroupFormed.class,
                e -> "Unit leading group formed with " + e.memberIds().size() + " members"
                        + (e.date() == null ? "" : " on " + e.date()));
        on(ParticipationEvent.UnitMobilisationHeld.class, e -> "Unit mobilisation meeting held on " + e.date());
        on(ParticipationEvent.GateFactCredited.class, e -> "Gate fact " + e.fact() + " credited by "
                + e.sourceAggregateType() + " " + e.sourceAggregateId());
        on(ParticipationEvent.GateFactRevoked.class, e -> "Gate fact " + e.fact() + " revoked: " + e.reason());
        on(ParticipationEvent.StageStarted.class, e -> "Stage " + e.stage() + " started on " + e.date()
                + (e.plannedTo() == null ? "" : ", planned to end on " + e.plannedTo()));
        on(ParticipationEvent.StageCompleted.class, e -> "Stage " + e.stage() + " completed on " + e.date());
        on(ParticipationEvent.StudyActivityRecorded.class, e -> words(e.activityType()) + " recorded: "
                + e.halfDays() + " half-days, " + e.participantCount() + " participants");
        on(ParticipationEvent.GrassrootsListeningRecorded.class, e -> "Grassroots listening by "
                + e.leaderPersonId().value() + " recorded: " + e.days() + " days from " + e.from());
        on(ParticipationEvent.SymposiumRecorded.class,
                e -> "Symposium held on " + e.date() + " with " + e.attendeeCount() + " attendees");
        on(ParticipationEvent.ReworkOrdered.class, e -> "Rework " + e.reworkId() + " ordered ("
                + e.scope().stream().map(TimelineSummaries::lower).sorted().collect(Collectors.joining(", "))
                + "): " + e.reason());
        on(ParticipationEvent.ReworkCompleted.class, e -> "Rework " + e.reworkId() + " completed");
        on(ParticipationEvent.StageExtended.class, e -> "Stage " + e.stage() + " extended from " + e.oldPlannedTo()
                + " to " + e.newPlannedTo() + " after look-back " + e.lookBackId());
        on(ParticipationEvent.StageReopened.class,
                e -> "Stage " + e.stage() + " reopened by look-back " + e.lookBackId());
        on(ParticipationEvent.ParticipationConcluded.class, e -> "Participation concluded on " + e.date() + ", "
                + e.daysSinceStage1Start() + " days after Stage 1 started");
        on(ParticipationEvent.ParticipationWithdrawn.class,
                e -> "Participation withdrawn on " + e.date() + ": " + e.reason());
        on(ParticipationEvent.AccountabilityMeasureRecorded.class, e -> words(e.measure()) + " recorded for person "
                + e.personId().value());
        on(ParticipationEvent.RuleWarningRaised.class, e -> "Warning " + e.ruleId() + ": " + e.details());
        on(ParticipationEvent.StageWindowExceeded.class, e -> "Stage " + e.stage() + " still open after its window "
                + "ended on " + e.plannedTo());
    }

    private static String document(DocumentEvent e, int version) {
        return words(e.docType()) + " v" + version;
    }

    private static void documents() {
        on(DocumentEvent.DocumentDrafted.class, e -> document(e, e.version()) + " drafted by " + e.drafterPersonId().value()
                + (e.dueDate() == null ? "" : ", due " + e.dueDate()));
        on(DocumentEvent.DocumentRevised.class, e -> document(e, e.version()) + " revised");
        on(DocumentEvent.DocumentSubmitted.class, e -> document(e, e.version()) + " submitted for review on "
                + e.submittedOn() + " (" + e.resolvedSteps().size() + " steps, from step " + e.startStepNo() + ")");
        on(DocumentEvent.DocumentStepApproved.class, e -> document(e, e.version()) + " approved at step " + e.stepNo()
                + " (" + e.byRole() + ")");
        on(DocumentEvent.DocumentStepAcknowledged.class,
                e -> document(e, e.version()) + " acknowledged at step " + e.stepNo());
        on(DocumentEvent.DocumentReturned.class, e -> document(e, e.version()) + " returned at step " + e.stepNo()
                + " (" + e.reasons().stream().map(TimelineSummaries::lower).collect(Collectors.joining(", ")) + ")");
        on(DocumentEvent.DocumentApproved.class, e -> document(e, e.version()) + " approved on " + e.approvedOn());
        on(DocumentEvent.DocumentFiled.class, e -> document(e, e.version()) + " filed with "
                + lower(e.recipientKind()) + " " + e.recipientUnitId().value() + " on " + e.filedOn());
        on(DocumentEvent.DocumentDelivered.class, e -> document(e, e.version()) + " delivered to "
                + e.toPersonId().value() + " on " + e.deliveredOn());
        on(DocumentEvent.DocumentBecameOverdue.class, e -> words(e.docType()) + " not completed by its due date "
                + e.dueDate());
    }

    private static String attempt(PublicEvaluationEvent e) {
        return words(e.type()) + " evaluation attempt " + e.attemptNo();
    }

    private static void evaluations() {
        on(PublicEvaluationEvent.EvaluationPlanned.class, e -> attempt(e) + " planned");
        on(PublicEvaluationEvent.EvaluationPreconditionCredited.class,
                e -> attempt(e) + ": precondition " + e.key() + " met");
        on(PublicEvaluationEvent.EvaluationPreconditionRevoked.class,
                e -> attempt(e) + ": precondition " + e.key() + " revoked: " + e.reason());
        on(PublicEvaluationEvent.EvaluationBecameReady.class, e -> attempt(e) + " ready to hold");
        on(PublicEvaluationEvent.EvaluationSessionOpened.class, e -> attempt(e) + " session held on " + e.date());
        on(PublicEvaluationEvent.EvaluationFormRecorded.class, e -> attempt(e) + ": a form recorded");
        on(PublicEvaluationEvent.EvaluationPaperTallyRecorded.class,
                e -> attempt(e) + ": paper tally " + e.tallyId() + " entered");
        on(PublicEvaluationEvent.EvaluationPaperTallyConfirmed.class,
                e -> attempt(e) + ": paper tally " + e.tallyId() + " confirmed");
        on(PublicEvaluationEvent.EvaluationTallied.class, e -> attempt(e) + " tallied: " + e.numerator() + " of "
                + e.denominator() + " valid forms satisfied");
        on(PublicEvaluationEvent.EvaluationPassed.class,
                e -> attempt(e) + " passed with " + e.numerator() + "/" + e.denominator());
        on(PublicEvaluationEvent.EvaluationFailed.class, e -> attempt(e) + " failed with " + e.numerator() + "/"
                + e.denominator() + ", " + e.shortfallForms() + " satisfied forms short");
        on(PublicEvaluationEvent.EvaluationResultsFedBack.class,
                e -> attempt(e) + " results fed back to " + e.toPersonId().value() + " on " + e.date());
        on(PublicEvaluationEvent.EvaluationReportFiled.class, e -> attempt(e) + " report filed");
        on(PublicEvaluationEvent.EvaluationTallyCorrected.class, e -> attempt(e) + " tally corrected to "
                + e.numerator() + "/" + e.denominator() + ": " + e.reason());
        on(PublicEvaluationEvent.EvaluationOutcomeChanged.class,
                e -> attempt(e) + " outcome changed to " + (e.passed() ? "passed" : "failed"));
    }

    private static void lookBacks() {
        on(LookBackEvent.LookBackOpened.class, e -> "Look-back of Stage " + e.reviewedStage() + " opened by "
                + e.sgId().value());
        on(LookBackEvent.LookBackFindingRecorded.class,
                e -> "Look-back finding on " + lower(e.checkItem()) + ": " + lower(e.result()));
        on(LookBackEvent.LookBackOutcomeDecided.class, e -> "Look-back outcome for Stage " + e.reviewedStage() + ": "
                + lower(e.terms().outcome()));
        on(LookBackEvent.LookBackCorrectiveActionCompleted.class,
                e -> "Look-back corrective action " + e.actionId() + " completed");
        on(LookBackEvent.LookBackMakeUpActivityCompleted.class,
                e -> "Look-back make-up activity " + e.activityId() + " completed");
        on(LookBackEvent.LookBackDowngradeProposed.class, e -> "Look-back outcome downgrade from "
                + lower(e.currentOutcome()) + " to " + lower(e.terms().outcome()) + " proposed");
        on(LookBackEvent.LookBackOutcomeAmended.class, e -> "Look-back outcome for Stage " + e.reviewedStage()
                + " amended from " + lower(e.oldOutcome()) + " to " + lower(e.terms().outcome()));
        on(LookBackEvent.LookBackRedoCompleted.class,
                e -> "Redo of Stage " + e.reviewedStage() + " completed on " + e.completedOn());
        on(LookBackEvent.LookBackConcluded.class, e -> "Look-back of Stage " + e.reviewedStage() + " concluded: "
                + lower(e.finalOutcome()));
        on(LookBackEvent.LookBackCorrectiveActionBecameOverdue.class, e -> "Look-back corrective action "
                + e.actionId() + " not done by " + e.dueDate());
        on(LookBackEvent.LookBackRuleWarningRaised.class, e -> "Look-back warning " + e.ruleId() + ": " + e.details());
    }

    private static String opinion(OpinionEvent e) {
        return "Opinion " + e.opinionId().value();
    }

    private static void opinions() {
        on(OpinionEvent.OpinionRecorded.class, e -> opinion(e) + " received on " + e.receivedOn() + " by "
                + lower(e.channel()));
        on(OpinionEvent.OpinionClassified.class, e -> opinion(e) + " classified as " + lower(e.family()));
        on(OpinionEvent.OpinionClassificationCorrected.class,
                e -> opinion(e) + " reclassified as " + lower(e.newClassification().family()));
        on(OpinionEvent.OpinionRouted.class, e -> opinion(e) + " routed to " + lower(e.target().level()) + " unit "
                + e.target().unitId().value());
        on(OpinionEvent.OpinionCopied.class, e -> opinion(e) + " copied to unit " + e.unitId().value());
        on(OpinionEvent.OpinionAcknowledged.class, e -> opinion(e) + " acknowledged");
        on(OpinionEvent.OpinionExplained.class, e -> opinion(e) + " explained (" + lower(e.reason()) + ")");
        on(OpinionEvent.OpinionAddressed.class, e -> opinion(e) + " addressed by " + lower(e.by()));
        on(OpinionEvent.OpinionEscalated.class, e -> opinion(e) + " escalated from unit " + e.fromUnitId().value()
                + " to unit " + e.toUnitId().value());
        on(OpinionEvent.OpinionReferred.class, e -> opinion(e) + " referred to " + lower(e.to()));
        on(OpinionEvent.OpinionMergedAsDuplicate.class,
                e -> opinion(e) + " merged into " + e.intoOpinionId().value() + " as a duplicate");
        on(OpinionEvent.OpinionResolved.class, e -> opinion(e) + " resolved by " + e.itemIds().size() + " items");
        on(OpinionEvent.SubmitterFeedbackRecorded.class, e -> opinion(e) + ": submitter feedback recorded");
        on(OpinionEvent.OpinionClosed.class, e -> opinion(e) + " closed");
        on(OpinionEvent.OpinionFollowUpOverdue.class, e -> opinion(e) + " not addressed by " + e.dueOn());
    }

    private static void organisation() {
        on(OrgUnitEvent.UnitRegistered.class, e -> "Unit " + e.code() + " (" + e.name() + ") registered as "
                + lower(e.unitType()));
        on(OrgUnitEvent.RosterMemberAppointed.class, e -> "Person " + e.personId().value() + " appointed "
                + lower(e.position()) + (e.mainLeader() ? " and main leader" : "") + " from " + e.effectiveFrom());
        on(OrgUnitEvent.RosterMembershipEnded.class, e -> "Person " + e.personId().value() + " left the roster on "
                + e.effectiveTo() + " (" + lower(e.reason()) + ")");
        on(OrgUnitEvent.PortfolioAssigned.class, e -> "Portfolio of person " + e.memberPersonId().value() + " set to "
                + e.departmentUnitIds().size() + " departments from " + e.effectiveFrom());
        on(OrgUnitEvent.DepartmentHeadAppointed.class, e -> "Person " + e.personId().value()
                + " appointed head of department " + e.departmentUnitId().value());
        on(OrgUnitEvent.ContactPointDesignated.class, e -> words(e.leaderLevel()) + " leader "
                + e.leaderPersonId().value() + " took this unit as contact point");
        on(OrgUnitEvent.UnitFlagged.class, e -> "Flag " + lower(e.flag()) + " " + (e.value() ? "set" : "cleared")
                + (e.reason() == null ? "" : ": " + e.reason()));
        on(OrgUnitEvent.UnitReparented.class, e -> "Moved from " + e.oldParentUnitId().value() + " to "
                + e.newParentUnitId().value() + " on " + e.effectiveDate());
        on(OrgUnitEvent.UnitMerged.class, e -> "Merged into " + e.intoUnitId().value() + " on " + e.effectiveDate());
        on(OrgUnitEvent.UnitDissolved.class, e -> "Dissolved on " + e.effectiveDate() + ": " + e.reason());
        on(OrgUnitEvent.UnitReclassified.class,
                e -> "Reclassified from " + lower(e.oldType()) + " to " + lower(e.newType()));
    }
}
