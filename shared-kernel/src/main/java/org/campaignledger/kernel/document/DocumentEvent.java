package org.campaignledger.kernel.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.campaignledger.kernel.command.LedgerEvent;
import org.campaignledger.kernel.command.SystemTriggered;
import org.campaignledger.kernel.document.DocumentEnums.RecipientKind;
import org.campaignledger.kernel.document.DocumentEnums.ReturnMode;
import org.campaignledger.kernel.document.DocumentEnums.ReturnReason;
import org.campaignledger.kernel.id.DocumentId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationId;

/**
 * Events of the {@code ReviewableDocument} aggregate (DOMAIN §4.11). Every event carries the document's type,
 * unit, subject and participation, so gate handlers and sagas can filter and associate on the payload alone
 * (DOMAIN-ERRATA B2). Content is in the vault; events carry its reference, SHA-256 and size (DOMAIN §3.8).
 */
public sealed interface DocumentEvent extends LedgerEvent {
    DocumentId documentId();

    DocType docType();

    ParticipationId participationId();

    UnitId unitId();

    /** Null when the document is about no meeting or evaluation. */
    SubjectRef subjectRef();

    @Override
    default String concernsUnitId() {
        return unitId().value();
    }

    @Override
    default String concernsCampaignId() {
        return participationId().campaignId().value();
    }

    @Revision("1")
    record DocumentDrafted(DocumentId documentId, DocType docType, ParticipationId participationId, UnitId unitId,
                           SubjectRef subjectRef, int batchNo, PersonId drafterPersonId, int version,
                           String contentRef, String sha256, long byteSize, LocalDate dueDate)
            implements DocumentEvent {
    }

    @Revision("1")
    record DocumentRevised(DocumentId documentId, DocType docType, ParticipationId participationId, UnitId unitId,
                           SubjectRef subjectRef, int version, String contentRef, String sha256, long byteSize,
                           PersonId revisedByPersonId) implements DocumentEvent {
    }

    /** {@code startStepNo} is where review begins: 1, or the returning step when the chain resumes (R-REV-07). */
    @Revision("1")
    record DocumentSubmitted(DocumentId documentId, DocType docType, ParticipationId participationId, UnitId unitId,
                             SubjectRef subjectRef, int version, List<ResolvedStep> resolvedSteps, int startStepNo,
                             LocalDate submittedOn, PersonId submittedByPersonId) implements DocumentEvent {
        public DocumentSubmitted {
            resolvedSteps = List.copyOf(resolvedSteps);
        }
    }

    @Revision("1")
    record DocumentStepApproved(DocumentId documentId, DocType docType, ParticipationId participationId,
                                UnitId unitId, SubjectRef subjectRef, int stepNo, PersonId byPersonId, String byRole,
                                int version, String commentsRef, LocalDate approvedOn) implements DocumentEvent {
    }

    @Revision("1")
    record DocumentStepAcknowledged(DocumentId documentId, DocType docType, ParticipationId participationId,
                                    UnitId unitId, SubjectRef subjectRef, int stepNo, PersonId byPersonId,
                                    int version, String commentsRef, LocalDate acknowledgedOn)
            implements DocumentEvent {
    }

    @Revision("1")
    record DocumentReturned(DocumentId documentId, DocType docType, ParticipationId participationId, UnitId unitId,
                            SubjectRef subjectRef, int stepNo, ReturnMode mode, List<ReturnReason> reasons,
                            PersonId byPersonId, String commentsRef, int version, LocalDate returnedOn)
            implements DocumentEvent {
        public DocumentReturned {
            reasons = List.copyOf(reasons);
        }
    }

    /** The last REVIEW or READ step is done. */
    @Revision("1")
    record DocumentApproved(DocumentId documentId, DocType docType, ParticipationId participationId, UnitId unitId,
                            SubjectRef subjectRef, int version, LocalDate approvedOn) implements DocumentEvent {
    }

    /** {@code filedOn} is the business date the recipient received it (DOMAIN-ERRATA I14). */
    @Revision("1")
    record DocumentFiled(DocumentId documentId, DocType docType, ParticipationId participationId, UnitId unitId,
                         SubjectRef subjectRef, int version, UnitId recipientUnitId, RecipientKind recipientKind,
                         LocalDate filedOn, PersonId byPersonId) implements DocumentEvent {
    }

    @Revision("1")
    record DocumentDelivered(DocumentId documentId, DocType docType, ParticipationId participationId,
                             UnitId unitId, SubjectRef subjectRef, int version, PersonId toPersonId,
                             LocalDate deliveredOn, PersonId byPersonId) implements DocumentEvent {
    }

    /** The document's chain was not completed by its due date. */
    @Revision("1")
    record DocumentBecameOverdue(DocumentId documentId, DocType docType, ParticipationId participationId,
                                 UnitId unitId, SubjectRef subjectRef, LocalDate dueDate, Instant triggeredAt)
            implements DocumentEvent, SystemTriggered {
    }
}
