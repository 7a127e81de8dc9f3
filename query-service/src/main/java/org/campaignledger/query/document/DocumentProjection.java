package org.campaignledger.query.document;

import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.kernel.document.DocumentEvent;
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
import org.campaignledger.kernel.document.DocumentEnums.RecipientKind;
import org.campaignledger.kernel.document.ResolvedStep;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.springframework.stereotype.Component;

/**
 * {@code rm_documents}: one document per reviewable document (DOMAIN §4.11) with its type, unit, state, the step
 * awaiting action and the chain resolved at submission, each step with its outcome. The text stays in the
 * vault; only its reference and digest are shown.
 */
@Component
class DocumentProjection implements Projection {
    static final String COLLECTION = "rm_documents";
    private final ReadModels readModels;

    DocumentProjection(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void apply(LedgerEvent event) {
        if (event.payload() instanceof DocumentDrafted e) {
            readModels.insertOnce(COLLECTION, event, drafted(e, event));
            return;
        }
        if (!(event.payload() instanceof DocumentEvent e)) {
            return;
        }
        String id = e.documentId().value();
        Bson[] updates = updatesFor(e, id);
        if (updates.length > 0) {
            readModels.updateInOrder(COLLECTION, id, event, updates);
        }
    }

    private static Document drafted(DocumentDrafted e, LedgerEvent event) {
        return new Document("_id", e.documentId().value())
                .append("documentId", e.documentId().value())
                .append("docType", e.docType().name())
                .append("unitId", e.unitId().value())
                .append("participationId", e.participationId().value())
                .append("campaignId", e.participationId().campaignId().value())
                .append("subjectRef", e.subjectRef() == null ? null
                        : new Document("kind", e.subjectRef().kind().name()).append("id", e.subjectRef().id()))
                .append("drafterPersonId", e.drafterPersonId().value())
                .append("version", e.version())
                .append("content", content(e.contentRef(), e.sha256(), e.byteSize()))
                .append("dueDate", e.dueDate() == null ? null : e.dueDate().toString())
                .append("overdue", false)
                .append("state", "DRAFTING")
                .append("currentStep", null)
                .append("resolvedSteps", List.of())
                .append("returnCount", 0)
                .append("filings", List.of())
                .append("draftedAt", event.recordedAt());
    }

    private Bson[] updatesFor(DocumentEvent e, String id) {
        if (e instanceof DocumentRevised r) {
            return new Bson[] {Updates.set("version", r.version()), Updates.set("state", "DRAFTING"),
                    Updates.set("content", content(r.contentRef(), r.sha256(), r.byteSize()))};
        }
        if (e instanceof DocumentSubmitted s) {
            List<Document> steps = s.resolvedSteps().stream().map(DocumentProjection::step).toList();
            return new Bson[] {Updates.set("state", "IN_REVIEW"), Updates.set("resolvedSteps", steps),
                    Updates.set("currentStep", steps.get(s.startStepNo() - 1)),
                    Updates.set("submittedOn", s.submittedOn().toString())};
        }
        if (e instanceof DocumentStepApproved a) {
            return stepDone(id, a.stepNo(), new Document("outcome", "APPROVED")
                    .append("byPersonId", a.byPersonId().value()).append("on", a.approvedOn().toString())
                    .append("version", a.version()));
        }
        if (e instanceof DocumentStepAcknowledged a) {
            return stepDone(id, a.stepNo(), new Document("outcome", "ACKNOWLEDGED")
                    .append("byPersonId", a.byPersonId().value()).append("on", a.acknowledgedOn().toString())
                    .append("version", a.version()));
        }
        if (e instanceof DocumentReturned r) {
            Document existing = readModels.find(COLLECTION, id);
            return new Bson[] {Updates.set("state", "RETURNED"), Updates.set("currentStep", null),
                    Updates.set("returnCount", existing == null ? 1 : existing.getInteger("returnCount", 0) + 1),
                    Updates.set("lastReturn", new Document("stepNo", r.stepNo()).append("mode", r.mode().name())
                            .append("reasons", r.reasons().stream().map(Enum::name).toList())
                            .append("byPersonId", r.byPersonId().value()).append("on", r.returnedOn().toString()))};
        }
        if (e instanceof DocumentApproved a) {
            return new Bson[] {Updates.set("state", "APPROVED"), Updates.set("currentStep", null),
                    Updates.set("approvedOn", a.approvedOn().toString())};
        }
        if (e instanceof DocumentFiled f) {
            List<Bson> updates = new ArrayList<>(List.of(Updates.push("filings",
                    new Document("recipientKind", f.recipientKind().name())
                            .append("recipientUnitId", f.recipientUnitId().value())
                            .append("filedOn", f.filedOn().toString()))));
            if (f.recipientKind() == RecipientKind.CAMPAIGN_OFFICE) {
                updates.add(Updates.set("state", "FILED"));
                updates.add(Updates.set("currentStep", null));
                updates.add(Updates.set("filedOn", f.filedOn().toString()));
            }
            return updates.toArray(Bson[]::new);
        }
        if (e instanceof DocumentDelivered d) {
            return new Bson[] {Updates.set("delivered", new Document("toPersonId", d.toPersonId().value())
                    .append("on", d.deliveredOn().toString()))};
        }
        if (e instanceof DocumentBecameOverdue) {
            return new Bson[] {Updates.set("overdue", true)};
        }
        return new Bson[0];
    }

    /** Records the step's outcome and moves the pending step on to the next one of the resolved chain. */
    private Bson[] stepDone(String id, int stepNo, Document outcome) {
        Document existing = readModels.find(COLLECTION, id);
        List<Document> steps = existing == null ? List.of() : existing.getList("resolvedSteps", Document.class);
        Document next = stepNo < steps.size() ? steps.get(stepNo) : null;
        return new Bson[] {Updates.set("resolvedSteps." + (stepNo - 1) + ".record", outcome),
                Updates.set("currentStep", next)};
    }

    private static Document step(ResolvedStep step) {
        return new Document("stepNo", step.stepNo()).append("code", step.code()).append("verb", step.verb().name())
                .append("reviewerSelector", step.reviewerSelector().name())
                .append("eligibleReviewerIds", step.eligibleReviewerIds().stream().map(PersonId::value).toList());
    }

    private static Document content(String ref, String sha256, long byteSize) {
        return new Document("contentRef", ref).append("sha256", sha256).append("byteSize", byteSize);
    }
}
