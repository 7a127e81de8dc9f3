package org.campaignledger.kernel.document;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.kernel.command.CreationCommand;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.command.LedgerCommand;
import org.campaignledger.kernel.document.DocumentEnums.RecipientKind;
import org.campaignledger.kernel.document.DocumentEnums.ReturnMode;
import org.campaignledger.kernel.document.DocumentEnums.ReturnReason;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.DocumentId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;

/** Commands of the {@code ReviewableDocument} aggregate (DOMAIN §4.11). */
public sealed interface DocumentCommand extends LedgerCommand {
    /** Plans and reports are long; the vault holds them, the events only their reference (DOMAIN §3.8). */
    int MAX_CONTENT_CHARS = 1_000_000;

    static int requireStepNo(int stepNo) {
        if (stepNo < 1) {
            throw new InvalidCommandException("stepNo", "must be 1 or more");
        }
        return stepNo;
    }

    /**
     * Every document belongs to one unit's participation ({@code campaignId:batchNo:unitId}), whose gate facts it
     * may credit.
     */
    record DraftDocument(@TargetAggregateIdentifier DocumentId documentId, DocType docType, CampaignId campaignId,
                         int batchNo, UnitId unitId, SubjectRef subjectRef, String content, LocalDate dueDate)
            implements DocumentCommand, CreationCommand {
        public DraftDocument {
            InvalidCommandException.required(documentId, "documentId");
            InvalidCommandException.required(docType, "docType");
            InvalidCommandException.required(campaignId, "campaignId");
            if (batchNo < 1) {
                throw new InvalidCommandException("batchNo", "must be 1 or more");
            }
            InvalidCommandException.required(unitId, "unitId");
            if (subjectRef != null && subjectRef.kind() != docType.subjectKind()) {
                throw new InvalidCommandException("subjectRef.kind", docType + " may only name a subject of kind "
                        + docType.subjectKind());
            }
            InvalidCommandException.requiredText(content, "content", MAX_CONTENT_CHARS);
        }
    }

    record ReviseDocument(@TargetAggregateIdentifier DocumentId documentId, String content)
            implements DocumentCommand {
        public ReviseDocument {
            InvalidCommandException.required(documentId, "documentId");
            InvalidCommandException.requiredText(content, "content", MAX_CONTENT_CHARS);
        }
    }

    record SubmitDocument(@TargetAggregateIdentifier DocumentId documentId) implements DocumentCommand {
        public SubmitDocument {
            InvalidCommandException.required(documentId, "documentId");
        }
    }

    record ApproveDocumentStep(@TargetAggregateIdentifier DocumentId documentId, int stepNo, String comments)
            implements DocumentCommand {
        public ApproveDocumentStep {
            InvalidCommandException.required(documentId, "documentId");
            requireStepNo(stepNo);
        }
    }

    record AcknowledgeDocumentStep(@TargetAggregateIdentifier DocumentId documentId, int stepNo, String comments)
            implements DocumentCommand {
        public AcknowledgeDocumentStep {
            InvalidCommandException.required(documentId, "documentId");
            requireStepNo(stepNo);
        }
    }

    /** {@code mode} and {@code reasons} are checked by the aggregate, so a bare return is rejected as R-REV-06. */
    record ReturnDocument(@TargetAggregateIdentifier DocumentId documentId, int stepNo, ReturnMode mode,
                          List<ReturnReason> reasons, String comments) implements DocumentCommand {
        public ReturnDocument {
            InvalidCommandException.required(documentId, "documentId");
            requireStepNo(stepNo);
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    /**
     * Lodges the document with a recipient. For the campaign office the recipient is the unit's jurisdiction,
     * so {@code recipientUnitId} may be left out; the discipline commission and organisation department are named.
     */
    record FileDocument(@TargetAggregateIdentifier DocumentId documentId, RecipientKind recipientKind,
                        UnitId recipientUnitId) implements DocumentCommand {
        public FileDocument {
            InvalidCommandException.required(documentId, "documentId");
            InvalidCommandException.required(recipientKind, "recipientKind");
        }
    }

    /** The SG hands its feedback to the unit secretary; left out, {@code toPersonId} is the unit's main leader. */
    record DeliverDocument(@TargetAggregateIdentifier DocumentId documentId, PersonId toPersonId)
            implements DocumentCommand {
        public DeliverDocument {
            InvalidCommandException.required(documentId, "documentId");
        }
    }
}
