package org.campaignledger.command.evaluation;

import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.campaignledger.command.pipeline.SystemMetaData;
import org.campaignledger.kernel.document.DocumentEvent.DocumentApproved;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationPreconditionKey;
import org.campaignledger.kernel.evaluation.EvaluationEnums.NotificationSection;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.evaluation.PublicEvaluationCommand.CreditEvaluationPrecondition;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPlanned;
import org.springframework.stereotype.Component;

/**
 * The EvaluationPreconditionSaga of DOMAIN §4.19, stateless (ADR 0007): every fact it reacts to names its
 * evaluation or meeting in the payload (DOMAIN-ERRATA B2), and the facts that came first are in the command-side
 * lookup (JdbcEvaluationPreconditionFacts), so nothing needs remembering between events. On EvaluationPlanned it
 * first credits every fact already recorded (DOMAIN-ERRATA B1 seeding); afterwards each new fact credits the
 * planned evaluations it is about. Both paths may credit the same fact; the aggregate ignores a key already
 * credited. REWORK_COMPLETED needs neither path: R-EVL-11 lets a next attempt be planned only after the rework is
 * completed, so the aggregate credits it at planning.
 */
@Component
@ProcessingGroup("evaluation-preconditions")
class EvaluationPreconditions {
    /**
     * R-EVL-04 is the SG's to check when it reviews the material (DOMAIN §4.11); the document does not record its
     * sections, so its approval stands for all three.
     */
    private static final Set<NotificationSection> APPROVED_SECTIONS = EnumSet.allOf(NotificationSection.class);

    private final CommandGateway commands;
    private final JdbcEvaluationPreconditionFacts facts;

    EvaluationPreconditions(CommandGateway commands, JdbcEvaluationPreconditionFacts facts) {
        this.commands = commands;
        this.facts = facts;
    }

    @EventHandler
    void on(EvaluationPlanned event, @MessageIdentifier String eventId, MetaData source) {
        facts.satisfying(event.evaluationId(), event.meetingId()).stream()
                .filter(fact -> event.requiredPreconditions().contains(fact.key()))
                .forEach(fact -> credit(event.evaluationId(), fact, eventId, source));
    }

    @EventHandler
    void on(DocumentApproved event, @MessageIdentifier String eventId, MetaData source) {
        PreconditionFact.of(event).ifPresent(fact -> credit(fact, eventId, source));
    }

    /** A new fact credits each planned evaluation it is about; one not planned yet is seeded when it is. */
    private void credit(PreconditionFact fact, String eventId, MetaData source) {
        facts.evaluationsOf(fact.subject()).forEach(evaluationId -> credit(evaluationId, fact, eventId, source));
    }

    private void credit(EvaluationId evaluationId, PreconditionFact fact, String eventId, MetaData source) {
        commands.sendAndWait(new CreditEvaluationPrecondition(evaluationId, fact.key(), fact.sourceRef(),
                fact.key() == EvaluationPreconditionKey.NOTIFICATION_APPROVED ? APPROVED_SECTIONS : Set.of()),
                SystemMetaData.causedBy(eventId, source));
    }
}
