package org.campaignledger.command.evaluation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationFailed;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationOutcomeChanged;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPassed;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationCommand.CreditGateFact;
import org.campaignledger.kernel.participation.ParticipationCommand.RevokeGateFact;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationEnums.GateFact;
import org.campaignledger.kernel.participation.ParticipationId;
import org.junit.jupiter.api.Test;

class EvaluationGatesTest {
    private static final UnitId TOWN = UnitId.of("town");
    private static final ParticipationId PARTICIPATION = ParticipationId.of(CampaignId.of("mlc"), 2, TOWN);
    private static final MetaData SYSTEM = MetaData.with("actorId", "SYSTEM").and("actorRoles", "SYSTEM")
            .and("actorChannel", "SYSTEM");

    private final CommandGateway commands = mock(CommandGateway.class);
    private final EvaluationGates gates = new EvaluationGates(commands);

    private static EvaluationId id(EvaluationType type) {
        return EvaluationId.of(PARTICIPATION, type, 1);
    }

    private static EventMessage<?> message(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    @Test
    void a_passed_post_meeting_evaluation_credits_its_gate_fact() {
        EvaluationPassed passed = new EvaluationPassed(id(EvaluationType.POST_MEETING), PARTICIPATION, TOWN,
                EvaluationType.POST_MEETING, 1, 67, 100);
        EventMessage<?> message = message(passed);
        gates.on(passed, message);
        verify(commands).sendAndWait(new CreditGateFact(PARTICIPATION, GateFact.POST_MEETING_EVALUATION_PASSED,
                "PublicEvaluation", id(EvaluationType.POST_MEETING).value(), message.getIdentifier()), SYSTEM);
    }

    @Test
    void a_failed_evaluation_revokes_its_gate_fact() {
        EvaluationFailed failed = new EvaluationFailed(id(EvaluationType.STAGE_1), PARTICIPATION, TOWN,
                EvaluationType.STAGE_1, 1, 66, 100, 1);
        EventMessage<?> message = message(failed);
        gates.on(failed, message);
        verify(commands).sendAndWait(new RevokeGateFact(PARTICIPATION, GateFact.STAGE1_EVALUATION_PASSED,
                "evaluation " + id(EvaluationType.STAGE_1) + " failed: 66 of 100 satisfied", message.getIdentifier()),
                SYSTEM);
    }

    @Test
    void a_correction_that_fails_an_overall_evaluation_revokes_its_gate_fact() {
        EvaluationOutcomeChanged changed = new EvaluationOutcomeChanged(id(EvaluationType.OVERALL), PARTICIPATION,
                TOWN, EvaluationType.OVERALL, 1, false, 60, 100);
        gates.on(changed, message(changed));
        verify(commands).sendAndWait(any(RevokeGateFact.class), eq(SYSTEM));
    }

    @Test
    void R_EVL_12_an_sg_assessment_is_never_a_gate() {
        EvaluationPassed passed = new EvaluationPassed(id(EvaluationType.SG_ASSESSMENT), PARTICIPATION, TOWN,
                EvaluationType.SG_ASSESSMENT, 1, 67, 100);
        gates.on(passed, message(passed));
        EvaluationFailed failed = new EvaluationFailed(id(EvaluationType.SG_ASSESSMENT), PARTICIPATION, TOWN,
                EvaluationType.SG_ASSESSMENT, 1, 10, 100, 57);
        gates.on(failed, message(failed));
        verifyNoInteractions(commands);
    }
}
