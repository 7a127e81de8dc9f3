package org.campaignledger.command.document.domain;

import static org.campaignledger.command.domain.StateGuard.requireState;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.campaignledger.command.campaign.domain.CampaignDirectory;
import org.campaignledger.command.campaign.domain.CampaignPolicy;
import org.campaignledger.command.domain.Deadlines;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.command.organisation.domain.RosterDirectory;
import org.campaignledger.command.organisation.domain.UnitDirectory;
import org.campaignledger.command.organisation.domain.UnitDirectory.UnitFacts;
import org.campaignledger.command.participation.domain.ParticipationDirectory;
import org.campaignledger.command.participation.domain.ParticipationDirectory.ParticipationFacts;
import org.campaignledger.command.rollout.domain.OfficeApprovers;
import org.campaignledger.command.supervision.domain.SupervisionDirectory;
import org.campaignledger.command.vault.Vault;
import org.campaignledger.kernel.document.DocType;
import org.campaignledger.kernel.document.DocumentCommand.AcknowledgeDocumentStep;
import org.campaignledger.kernel.document.DocumentCommand.ApproveDocumentStep;
import org.campaignledger.kernel.document.DocumentCommand.DeliverDocument;
import org.campaignledger.kernel.document.DocumentCommand.DraftDocument;
import org.campaignledger.kernel.document.DocumentCommand.FileDocument;
import org.campaignledger.kernel.document.DocumentCommand.ReturnDocument;
import org.campaignledger.kernel.document.DocumentCommand.ReviseDocument;
import org.campaignledger.kernel.document.DocumentCommand.SubmitDocument;
import org.campaignledger.kernel.document.DocumentEnums.RecipientKind;
import org.campaignledger.kernel.document.DocumentEnums.StepVerb;
import org.campaignledger.kernel.document.DocumentEvent.DocumentApproved;
import org.campaignledger.kernel.document.DocumentEvent.DocumentBecameOverdue;
import org.campaignledger.kernel.document.DocumentEvent.DocumentDelivered;
import org.campaignledger.kernel.document.DocumentEvent.DocumentDrafted;
import org.campaignledger.kernel.document.DocumentEvent.DocumentFiled;
import org.campaignledger.kernel.document.DocumentEvent.DocumentReturned;
import org.campaignledger.kernel.document.DocumentEvent.DocumentRevised;
import org.campaignledger.kernel.document.DocumentEvent.DocumentStepAcknowledged;
import org.campaignledger.kernel.document.DocumentEvent.DocumentStepApproved;
import org.campaignledger.kernel.document.DocumentEvent.DocumentSubmitted;
import org.campaignledger.kernel.document.ResolvedStep;
import org.campaignledger.kernel.document.SubjectRef;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.DocumentId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationId;

/**
 * A plan, circular or report with a light review chain (DOMAIN §4.11):
 * DRAFTING → IN_REVIEW → APPROVED (last REVIEW/READ step) or FILED (last FILE step); a return goes RETURNED and
 * the next revision DRAFTING again. The text lives in the vault; events carry its reference (DOMAIN §3.8).
 */
public class ReviewableDocument {
    enum State { DRAFTING, IN_REVIEW, RETURNED, APPROVED, FILED }

    static final String DOCUMENT_DUE = "documentDue";

    @AggregateIdentifier
    private DocumentId documentId;
    private DocType docType;
    private ParticipationId participationId;
    private int batchNo;
    private UnitId unitId;
    private SubjectRef subjectRef;
    private PersonId drafterPersonId;
    /** The drafter and everyone who revised the text: none of them may review it (SoD-1). */
    private final Set<PersonId> authors = new HashSet<>();
    private int version;
    private State state;
    private List<ResolvedStep> steps = List.of();
    private int currentStepNo;
    private Integer returnedAtStepNo;
    private boolean deliveredAtCurrentStep;
    private final Set<RecipientKind> filedWith = EnumSet.noneOf(RecipientKind.class);

    protected ReviewableDocument() {
        // for event sourcing
    }

    @CommandHandler
    public ReviewableDocument(DraftDocument command, UnitDirectory units, ParticipationDirectory participations,
                              Vault vault, DeadlineManager deadlines,
                              @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        if (units.find(command.unitId()).isEmpty()) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, "unit " + command.unitId() + " is not registered",
                    Map.of("field", "unitId"));
        }
        ParticipationId participation = ParticipationId.of(command.campaignId(), command.batchNo(), command.unitId());
        if (participations.find(command.campaignId(), command.unitId()).map(ParticipationFacts::participationId)
                .filter(participation::equals).isEmpty()) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, command.unitId() + " takes no part in batch "
                    + command.batchNo() + " of campaign " + command.campaignId(), Map.of("field", "batchNo"));
        }
        Content content = Content.store(vault, command.documentId(), command.content());
        apply(new DocumentDrafted(command.documentId(), command.docType(), participation, command.unitId(),
                command.subjectRef(), command.batchNo(), PersonId.of(actorId), 1, content.ref().token(),
                content.ref().sha256(), content.byteSize(), command.dueDate()));
        if (command.dueDate() != null) {
            deadlines.schedule(Deadlines.firesAfter(command.dueDate()), DOCUMENT_DUE, new Due(command.dueDate()));
        }
    }

    @CommandHandler
    void handle(ReviseDocument command, Vault vault, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        requireState("document", state, EnumSet.of(State.DRAFTING, State.RETURNED), "; only a document being drafted or sent back is revised");
        Content content = Content.store(vault, documentId, command.content());
        apply(new DocumentRevised(documentId, docType, participationId, unitId, subjectRef, version + 1,
                content.ref().token(), content.ref().sha256(), content.byteSize(), PersonId.of(actorId)));
    }

    /**
     * Fixes the chain: every step's eligible reviewers as of the submission date are copied into the event
     * (DOMAIN-ERRATA I4). R-REV-03: a step nobody can perform is never dropped, so the submission waits until
     * the SG or office exists. R-REV-07: after a return the chain restarts at step 1 unless the policy says
     * {@code restartChainOnReturn=false}, when it resumes at the returning step.
     */
    @CommandHandler
    void handle(SubmitDocument command, UnitDirectory units, RosterDirectory rosters,
                SupervisionDirectory supervision, OfficeApprovers offices, CampaignDirectory campaigns,
                @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        requireState("document", state, EnumSet.of(State.DRAFTING), returnedAtStepNo == null ? "" : "; revise the returned document first");
        LocalDate on = Deadlines.businessDate(occurredAt);
        Reviewers reviewers = new Reviewers(units, rosters, supervision, offices);
        List<DocumentChain.Step> templates = DocumentChain.of(docType).steps();
        List<ResolvedStep> resolved = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            DocumentChain.Step template = templates.get(i);
            List<PersonId> eligible = reviewers.eligible(template.selector(), scope(), on);
            if (eligible.isEmpty()) {
                throw new RuleViolation("R-REV-03", "step " + (i + 1) + " (" + template.code() + ") has no eligible "
                        + "reviewer on " + on + "; a step is never skipped, so the document cannot be submitted yet",
                        Map.of("stepNo", i + 1, "code", template.code()));
            }
            resolved.add(new ResolvedStep(i + 1, template.code(), template.verb(), template.selector(), eligible));
        }
        boolean restart = campaigns.policy(participationId.campaignId()).map(CampaignPolicy::restartChainOnReturn)
                .orElse(true);
        int startStepNo = returnedAtStepNo == null || restart ? 1 : returnedAtStepNo;
        apply(new DocumentSubmitted(documentId, docType, participationId, unitId, subjectRef, version, resolved,
                startStepNo, on, PersonId.of(actorId)));
    }

    @CommandHandler
    void handle(ApproveDocumentStep command, UnitDirectory units, RosterDirectory rosters,
                SupervisionDirectory supervision, OfficeApprovers offices, Vault vault, DeadlineManager deadlines,
                @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        LocalDate on = Deadlines.businessDate(occurredAt);
        ResolvedStep step = currentStep(command.stepNo(), StepVerb.REVIEW);
        PersonId reviewer = requireEligible(step, actorId, new Reviewers(units, rosters, supervision, offices), on);
        apply(new DocumentStepApproved(documentId, docType, participationId, unitId, subjectRef, step.stepNo(),
                reviewer, step.reviewerSelector().roleCode(), version, comments(vault, command.comments()), on));
        completeIfLast(step, on, deadlines);
    }

    @CommandHandler
    void handle(AcknowledgeDocumentStep command, UnitDirectory units, RosterDirectory rosters,
                SupervisionDirectory supervision, OfficeApprovers offices, Vault vault, DeadlineManager deadlines,
                @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        LocalDate on = Deadlines.businessDate(occurredAt);
        ResolvedStep step = currentStep(command.stepNo(), StepVerb.READ);
        PersonId reader = requireEligible(step, actorId, new Reviewers(units, rosters, supervision, offices), on);
        if (DocumentChain.isDelivery(step.reviewerSelector()) && !deliveredAtCurrentStep) {
            throw new RuleViolation(PlatformRules.STATE, "the SG delivers its feedback before the unit secretary "
                    + "takes note of it", Map.of("state", state.name(), "stepNo", step.stepNo()));
        }
        apply(new DocumentStepAcknowledged(documentId, docType, participationId, unitId, subjectRef, step.stepNo(),
                reader, version, comments(vault, command.comments()), on));
        completeIfLast(step, on, deadlines);
    }

    /** R-REV-06: a return names its mode and at least one reason, so the drafter knows what to change. */
    @CommandHandler
    void handle(ReturnDocument command, UnitDirectory units, RosterDirectory rosters,
                SupervisionDirectory supervision, OfficeApprovers offices, Vault vault,
                @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        LocalDate on = Deadlines.businessDate(occurredAt);
        requireState("document", state, EnumSet.of(State.IN_REVIEW), "");
        requireInOrder(command.stepNo());
        ResolvedStep step = steps.get(command.stepNo() - 1);
        if (!DocumentChain.mayReturn(step.reviewerSelector())) {
            throw new RuleViolation(PlatformRules.STATE, "step " + step.stepNo() + " (" + step.code()
                    + ") cannot send the document back", Map.of("field", "stepNo"));
        }
        PersonId reviewer = requireEligible(step, actorId, new Reviewers(units, rosters, supervision, offices), on);
        if (command.mode() == null) {
            throw new RuleViolation("R-REV-06", "a return says whether to revise or rewrite",
                    Map.of("field", "mode"));
        }
        if (command.reasons().isEmpty()) {
            throw new RuleViolation("R-REV-06", "a return names at least one reason", Map.of("field", "reasons"));
        }
        apply(new DocumentReturned(documentId, docType, participationId, unitId, subjectRef, step.stepNo(),
                command.mode(), command.reasons(), reviewer, comments(vault, command.comments()), version, on));
    }

    /**
     * Filing with the campaign office performs the chain's FILE step; the special report's copies to the
     * discipline commission and organisation department go out with it or afterwards, each once.
     */
    @CommandHandler
    void handle(FileDocument command, UnitDirectory units, RosterDirectory rosters, SupervisionDirectory supervision,
                OfficeApprovers offices, DeadlineManager deadlines,
                @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        LocalDate on = Deadlines.businessDate(occurredAt);
        RecipientKind kind = command.recipientKind();
        if (!DocumentChain.of(docType).recipients().contains(kind)) {
            throw new RuleViolation(PlatformRules.VALIDATION, docType + " is not filed with " + kind,
                    Map.of("field", "recipientKind"));
        }
        if (filedWith.contains(kind)) {
            throw new RuleViolation(PlatformRules.EXISTS, "the document is already filed with " + kind,
                    Map.of("field", "recipientKind"));
        }
        if (state != State.FILED) {
            requireState("document", state, EnumSet.of(State.IN_REVIEW), "");
        }
        ResolvedStep fileStep = steps.stream().filter(s -> s.verb() == StepVerb.FILE).findFirst().orElseThrow();
        if (state != State.FILED) {
            requireInOrder(fileStep.stepNo());
        }
        PersonId filer = requireEligible(fileStep, actorId, new Reviewers(units, rosters, supervision, offices), on);
        UnitId recipient = recipient(kind, command.recipientUnitId(), units);
        apply(new DocumentFiled(documentId, docType, participationId, unitId, subjectRef, version, recipient, kind,
                on, filer));
        if (kind == RecipientKind.CAMPAIGN_OFFICE) {
            deadlines.cancelAllWithinScope(DOCUMENT_DUE);
        }
    }

    @CommandHandler
    void handle(DeliverDocument command, UnitDirectory units, RosterDirectory rosters,
                SupervisionDirectory supervision, OfficeApprovers offices,
                @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        LocalDate on = Deadlines.businessDate(occurredAt);
        requireState("document", state, EnumSet.of(State.IN_REVIEW), "");
        ResolvedStep step = steps.get(currentStepNo - 1);
        if (!DocumentChain.isDelivery(step.reviewerSelector())) {
            throw new RuleViolation(PlatformRules.STATE, "step " + step.stepNo() + " (" + step.code()
                    + ") is not a delivery", Map.of("state", state.name()));
        }
        if (deliveredAtCurrentStep) {
            throw new RuleViolation(PlatformRules.EXISTS, "the document is already delivered",
                    Map.of("state", state.name()));
        }
        List<PersonId> recipients = new Reviewers(units, rosters, supervision, offices)
                .eligible(step.reviewerSelector(), scope(), on);
        PersonId to = command.toPersonId() != null ? command.toPersonId()
                : recipients.stream().findFirst().orElse(null);
        if (to == null || !recipients.contains(to)) {
            throw new RuleViolation("R-REV-02", "the feedback goes to the unit secretary on " + on + ", "
                    + recipients, Map.of("field", "toPersonId"));
        }
        apply(new DocumentDelivered(documentId, docType, participationId, unitId, subjectRef, version, to, on,
                PersonId.of(actorId)));
    }

    /**
     * The due date binds the whole chain: a document is on time when it is approved or reaches the campaign
     * office by then (DOMAIN-ERRATA I14 for the special report).
     */
    record Due(LocalDate dueDate) {
    }

    @DeadlineHandler(deadlineName = DOCUMENT_DUE)
    void on(Due due) {
        if (state != State.APPROVED && state != State.FILED) {
            apply(new DocumentBecameOverdue(documentId, docType, participationId, unitId, subjectRef, due.dueDate(),
                    Deadlines.firesAfter(due.dueDate())));
        }
    }

    /** R-REV-01 (steps in order) and R-REV-03 (no lenient pass: a REVIEW step is not merely read). */
    private ResolvedStep currentStep(int stepNo, StepVerb verb) {
        requireState("document", state, EnumSet.of(State.IN_REVIEW), "");
        requireInOrder(stepNo);
        ResolvedStep step = steps.get(stepNo - 1);
        if (step.verb() != verb) {
            throw new RuleViolation("R-REV-03", "step " + stepNo + " (" + step.code() + ") is a " + step.verb()
                    + " step and is not passed by a " + verb, Map.of("field", "stepNo", "verb", step.verb().name()));
        }
        return step;
    }

    private void requireInOrder(int stepNo) {
        if (stepNo != currentStepNo) {
            throw new RuleViolation("R-REV-01", "step " + currentStepNo + " (" + steps.get(currentStepNo - 1).code()
                    + ") is pending; steps are performed in order", Map.of("field", "stepNo",
                    "currentStepNo", currentStepNo));
        }
    }

    /**
     * R-REV-02: the actor satisfies the step's selector on the day they act, and never reviews a text they wrote
     * (SoD-1). Filing is the unit reporting its own document, not a review, so its drafter may file it.
     */
    private PersonId requireEligible(ResolvedStep step, String actorId, Reviewers reviewers, LocalDate on) {
        PersonId actor = PersonId.of(actorId);
        if (step.verb() != StepVerb.FILE && authors.contains(actor)) {
            throw new RuleViolation("R-REV-02", actor + " wrote this document and cannot review it (SoD-1)",
                    Map.of("field", "actorId", "sod", "SoD-1"));
        }
        if (!reviewers.eligible(step.reviewerSelector(), scope(), on).contains(actor)) {
            throw new RuleViolation("R-REV-02", actor + " is not " + describe(step) + " on " + on,
                    Map.of("field", "actorId", "stepNo", step.stepNo()));
        }
        return actor;
    }

    private void completeIfLast(ResolvedStep step, LocalDate on, DeadlineManager deadlines) {
        if (step.stepNo() == steps.size()) {
            apply(new DocumentApproved(documentId, docType, participationId, unitId, subjectRef, version, on));
            deadlines.cancelAllWithinScope(DOCUMENT_DUE);
        }
    }

    private UnitId recipient(RecipientKind kind, UnitId named, UnitDirectory units) {
        if (kind == RecipientKind.CAMPAIGN_OFFICE) {
            UnitId jurisdiction = units.find(unitId).map(UnitFacts::jurisdictionUnitId).orElseThrow(() ->
                    new RuleViolation(PlatformRules.NOT_FOUND, unitId + " has no jurisdiction",
                            Map.of("field", "recipientUnitId")));
            if (named != null && !named.equals(jurisdiction)) {
                throw new RuleViolation(PlatformRules.VALIDATION, "the campaign office of " + unitId + " is that of "
                        + jurisdiction, Map.of("field", "recipientUnitId"));
            }
            return jurisdiction;
        }
        if (named == null || units.find(named).isEmpty()) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, "name the registered unit of the " + kind,
                    Map.of("field", "recipientUnitId"));
        }
        return named;
    }

    private static String describe(ResolvedStep step) {
        return switch (step.reviewerSelector()) {
            case SG_OF_UNIT -> "a member of the SG assigned to the unit";
            case OFFICE_OF_JURISDICTION -> "an approver of the jurisdiction's campaign office";
            case UNIT_MAIN_LEADER -> "the unit's main leader";
            case UNIT_FILER -> "the unit's main leader or the drafter";
        };
    }

    private String comments(Vault vault, String comments) {
        return comments == null || comments.isBlank() ? null
                : vault.put("document:" + documentId, Vault.DataClass.INTERNAL, comments).token();
    }

    private Reviewers.Scope scope() {
        return new Reviewers.Scope(participationId.campaignId(), batchNo, unitId, drafterPersonId);
    }


    /** The text as stored: its vault reference and its size in UTF-8 bytes (DOMAIN §3.8). */
    private record Content(Vault.Ref ref, long byteSize) {
        static Content store(Vault vault, DocumentId documentId, String text) {
            return new Content(vault.put("document:" + documentId, Vault.DataClass.INTERNAL, text),
                    text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @EventSourcingHandler
    void on(DocumentDrafted event) {
        documentId = event.documentId();
        docType = event.docType();
        participationId = event.participationId();
        batchNo = event.batchNo();
        unitId = event.unitId();
        subjectRef = event.subjectRef();
        drafterPersonId = event.drafterPersonId();
        authors.add(event.drafterPersonId());
        version = event.version();
        state = State.DRAFTING;
    }

    @EventSourcingHandler
    void on(DocumentRevised event) {
        authors.add(event.revisedByPersonId());
        version = event.version();
        state = State.DRAFTING;
    }

    @EventSourcingHandler
    void on(DocumentSubmitted event) {
        steps = event.resolvedSteps();
        currentStepNo = event.startStepNo();
        returnedAtStepNo = null;
        deliveredAtCurrentStep = false;
        state = State.IN_REVIEW;
    }

    @EventSourcingHandler
    void on(DocumentStepApproved event) {
        currentStepNo = event.stepNo() + 1;
        deliveredAtCurrentStep = false;
    }

    @EventSourcingHandler
    void on(DocumentStepAcknowledged event) {
        currentStepNo = event.stepNo() + 1;
        deliveredAtCurrentStep = false;
    }

    @EventSourcingHandler
    void on(DocumentDelivered event) {
        deliveredAtCurrentStep = true;
    }

    @EventSourcingHandler
    void on(DocumentReturned event) {
        returnedAtStepNo = event.stepNo();
        state = State.RETURNED;
    }

    @EventSourcingHandler
    void on(DocumentApproved event) {
        state = State.APPROVED;
    }

    @EventSourcingHandler
    void on(DocumentFiled event) {
        filedWith.add(event.recipientKind());
        if (event.recipientKind() == RecipientKind.CAMPAIGN_OFFICE) {
            currentStepNo = steps.size() + 1;
            state = State.FILED;
        }
    }
}
