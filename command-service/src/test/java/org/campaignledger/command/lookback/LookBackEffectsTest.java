package org.campaignledger.command.lookback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.LookBackId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.lookback.CorrectiveAction;
import org.campaignledger.kernel.lookback.LookBackCommand.RecordRedoCompleted;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOutcomeAmended;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOutcomeDecided;
import org.campaignledger.kernel.lookback.LookBackOutcome;
import org.campaignledger.kernel.lookback.MakeUpActivity;
import org.campaignledger.kernel.lookback.OutcomeTerms;
import org.campaignledger.kernel.participation.ParticipationCommand.ExtendStage;
import org.campaignledger.kernel.participation.ParticipationCommand.ReopenStage;
import org.campaignledger.kernel.participation.ParticipationEnums.GateFact;
import org.campaignledger.kernel.participation.ParticipationEvent.StageCompleted;
import org.campaignledger.kernel.participation.ParticipationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class LookBackEffectsTest {
    private static final LookBackId ID = LookBackId.of("lb-1");
    private static final UnitId TOWN = UnitId.of("town");
    private static final ParticipationId PARTICIPATION = ParticipationId.of(CampaignId.of("mlc"), 1, TOWN);
    private static final String AT = "2014-05-20T02:00:00Z";

    private CommandGateway gateway;
    private JdbcLookBackLookups lookups;
    private LookBackEffects effects;

    @BeforeEach
    void setUp() {
        gateway = mock(CommandGateway.class);
        lookups = mock(JdbcLookBackLookups.class);
        when(gateway.send(any(), any(MetaData.class))).thenReturn(CompletableFuture.completedFuture(null));
        effects = new LookBackEffects(gateway, lookups);
    }

    private static LookBackOutcomeDecided decided(OutcomeTerms terms) {
        return new LookBackOutcomeDecided(ID, PARTICIPATION, TOWN, 1, terms, PersonId.of("sg-a"));
    }

    private Object sent() {
        ArgumentCaptor<Object> command = ArgumentCaptor.forClass(Object.class);
        ArgumentCaptor<MetaData> metaData = ArgumentCaptor.forClass(MetaData.class);
        verify(gateway).send(command.capture(), metaData.capture());
        assertThat(metaData.getValue()).containsEntry("actorId", "SYSTEM").containsEntry("actorRoles", "SYSTEM")
                .containsEntry("actorChannel", "SYSTEM").containsEntry("occurredAt", AT);
        return command.getValue();
    }

    @Test
    void R_UNP_23_an_extension_extends_the_stage_with_its_make_up_activities() {
        effects.on(decided(new OutcomeTerms(LookBackOutcome.EXTEND_AND_MAKE_UP, null, LocalDate.of(2014, 7, 15),
                List.of(new MakeUpActivity("m1", "Second study week")), null, null)), AT);
        assertThat(sent()).isEqualTo(new ExtendStage(PARTICIPATION, 1, LocalDate.of(2014, 7, 15), "lb-1",
                List.of("Second study week")));
    }

    @Test
    void R_UNP_23_a_redo_reopens_the_stage_and_invalidates_its_scope() {
        effects.on(decided(new OutcomeTerms(LookBackOutcome.REDO, null, null, null,
                Set.of(GateFact.STAGE1_EVALUATION_PASSED), null)), AT);
        assertThat(sent()).isEqualTo(new ReopenStage(PARTICIPATION, 1, "lb-1",
                Set.of(GateFact.STAGE1_EVALUATION_PASSED)));
    }

    @Test
    void an_amendment_to_a_redo_reopens_the_stage() {
        OutcomeTerms redo = new OutcomeTerms(LookBackOutcome.REDO, null, null, null,
                Set.of(GateFact.STAGE1_EVALUATION_PASSED), null);
        effects.on(new LookBackOutcomeAmended(ID, PARTICIPATION, TOWN, 1, LookBackOutcome.RECTIFY_BY_DEADLINE, redo,
                "worse than thought", PersonId.of("sg-a"), PersonId.of("sg-a")), AT);
        assertThat(sent()).isInstanceOf(ReopenStage.class);
    }

    @Test
    void a_rectification_leaves_the_participation_alone() {
        effects.on(decided(new OutcomeTerms(LookBackOutcome.RECTIFY_BY_DEADLINE, LocalDate.of(2014, 6, 10), null,
                null, null, List.of(new CorrectiveAction("a1", "Fix it", LocalDate.of(2014, 6, 10))))), AT);
        verifyNoInteractions(gateway);
    }

    @Test
    void B3_the_completion_of_a_reopened_stage_completes_the_redo() {
        when(lookups.redoEndedBy(PARTICIPATION, 1, 42L)).thenReturn(Optional.of(ID));
        effects.on(new StageCompleted(PARTICIPATION, 1, LocalDate.of(2014, 6, 20)), 42L, AT);
        assertThat(sent()).isEqualTo(new RecordRedoCompleted(ID, 1, LocalDate.of(2014, 6, 20)));
    }

    @Test
    void the_completion_of_a_stage_no_redo_reopened_is_ignored() {
        when(lookups.redoEndedBy(PARTICIPATION, 1, 7L)).thenReturn(Optional.empty());
        effects.on(new StageCompleted(PARTICIPATION, 1, LocalDate.of(2014, 4, 1)), 7L, AT);
        verifyNoInteractions(gateway);
    }
}
