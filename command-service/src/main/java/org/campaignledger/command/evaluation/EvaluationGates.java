package org.campaignledger.command.evaluation;

import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationFailed;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationOutcomeChanged;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPassed;
import org.campaignledger.kernel.participation.ParticipationCommand.CreditGateFact;
import org.campaignledger.kernel.participation.ParticipationCommand.RevokeGateFact;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationEnums.GateFact;
import org.springframework.stereotype.Component;

/**
 * The evaluation part of the participation gate saga (DOMAIN §4.19): a pass credits the type's gate fact, a failure
 * revokes it (R-UNP-13, 14, 21); after a failure the SG orders rework on the participation (R-UNP-22), which keeps
 * the unit in its stage until the rework is completed. SG_ASSESSMENT is never a gate (R-EVL-12).
 */
@Component
@ProcessingGroup("evaluation-gates")
public class EvaluationGates {
    private static final MetaData SYSTEM = MetaData.with(MetaDataKeys.ACTOR_ID, "SYSTEM")
            .and(MetaDataKeys.ACTOR_ROLES, "SYSTEM").and(MetaDataKeys.ACTOR_CHANNEL, "SYSTEM");

    private final CommandGateway commands;

    public EvaluationGates(CommandGateway commands) {
        this.commands = commands;
    }

    static Optional<GateFact> gateFactOf(EvaluationType type) {
        return switch (type) {
            case STAGE_1 -> Optional.of(GateFact.STAGE1_EVALUATION_PASSED);
            case POST_MEETING -> Optional.of(GateFact.POST_MEETING_EVALUATION_PASSED);
            case OVERALL -> Optional.of(GateFact.OVERALL_EVALUATION_PASSED);
            case SG_ASSESSMENT -> Optional.empty();
        };
    }

    @EventHandler
    void on(EvaluationPassed event, EventMessage<?> message) {
        credit(event, message.getIdentifier());
    }

    @EventHandler
    void on(EvaluationFailed event, EventMessage<?> message) {
        revoke(event, "evaluation " + event.evaluationId() + " failed: " + event.numerator() + " of "
                + event.denominator() + " satisfied", message.getIdentifier());
    }

    @EventHandler
    void on(EvaluationOutcomeChanged event, EventMessage<?> message) {
        if (event.passed()) {
            credit(event, message.getIdentifier());
        } else {
            revoke(event, "a tally correction failed evaluation " + event.evaluationId() + ": " + event.numerator()
                    + " of " + event.denominator() + " satisfied", message.getIdentifier());
        }
    }

    private void credit(PublicEvaluationEvent event, String eventId) {
        gateFactOf(event.type()).ifPresent(fact -> commands.sendAndWait(new CreditGateFact(event.participationId(),
                fact, "PublicEvaluation", event.evaluationId().value(), eventId), SYSTEM));
    }

    private void revoke(PublicEvaluationEvent event, String reason, String eventId) {
        gateFactOf(event.type()).ifPresent(fact -> commands.sendAndWait(new RevokeGateFact(event.participationId(),
                fact, reason, eventId), SYSTEM));
    }
}
