package org.campaignledger.command.evaluation;

import java.util.Optional;
import org.campaignledger.kernel.document.DocType;
import org.campaignledger.kernel.document.DocumentEvent.DocumentApproved;
import org.campaignledger.kernel.document.SubjectRef;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationPreconditionKey;

/**
 * A fact that satisfies an evaluation precondition (DOMAIN-ERRATA I6), about the evaluation it names or about a
 * meeting, whose POST_MEETING evaluations it then satisfies. {@code sourceRef} names what established it.
 */
record PreconditionFact(SubjectRef subject, EvaluationPreconditionKey key, String sourceRef) {

    /**
     * DOMAIN §4.11: the SG-approved notification material and evaluation plan credit the evaluation they name. A
     * document that names no evaluation cannot tell which attempt of which type it prepares, so it credits none.
     */
    static Optional<PreconditionFact> of(DocumentApproved event) {
        if (event.subjectRef() == null || event.subjectRef().kind() != SubjectRef.Kind.EVALUATION) {
            return Optional.empty();
        }
        EvaluationPreconditionKey key = event.docType() == DocType.NOTIFICATION_MATERIAL
                ? EvaluationPreconditionKey.NOTIFICATION_APPROVED
                : event.docType() == DocType.EVALUATION_PLAN ? EvaluationPreconditionKey.EVALUATION_PLAN_APPROVED : null;
        return Optional.ofNullable(key)
                .map(k -> new PreconditionFact(event.subjectRef(), k, event.documentId().value()));
    }
}
