package org.campaignledger.command.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.campaignledger.kernel.document.DocType;
import org.campaignledger.kernel.document.DocumentCommand.ApproveDocumentStep;
import org.campaignledger.kernel.document.DocumentCommand.DraftDocument;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.DocumentId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationId;
import org.junit.jupiter.api.Test;

class CommandScopeTest {
    private final AccessFakes lookups = new AccessFakes().subject("op-1", "town-a", "town-b");
    private final CommandScope scope = new CommandScope(lookups);

    @Test
    void idsThatNameTheirUnitAnswerWithoutALookup() {
        ParticipationId participation = ParticipationId.of("mlc:2:kl:t1");
        assertThat(scope.unitsOf(null, participation)).containsExactly(UnitId.of("kl:t1"));
        assertThat(scope.unitsOf(null, EvaluationId.of(participation, EvaluationType.STAGE_1, 2)))
                .containsExactly(UnitId.of("kl:t1"));
        assertThat(scope.unitsOf(null, RolloutId.of(CampaignId.of("mlc"), 2, UnitId.of("kl"))))
                .containsExactly(UnitId.of("kl"));
        assertThat(scope.unitsOf(null, UnitId.of("kl"))).containsExactly(UnitId.of("kl"));
    }

    @Test
    void anExistingAggregateAnswersWithEveryUnitItConcerns() {
        assertThat(scope.unitsOf(null, "op-1")).containsExactlyInAnyOrder(UnitId.of("town-a"), UnitId.of("town-b"));
    }

    @Test
    void aCreatingCommandIsPlacedByItsPayload() {
        DraftDocument draft = new DraftDocument(DocumentId.of("doc-1"), DocType.IMPLEMENTATION_PLAN,
                CampaignId.of("mlc"), 2, UnitId.of("town-c"), null, "plan", LocalDate.of(2014, 3, 1));
        assertThat(scope.unitsOf(draft, draft.documentId())).containsExactly(UnitId.of("town-c"));
    }

    @Test
    void anUnknownAggregateWithNoPlacingFieldConcernsNoUnit() {
        ApproveDocumentStep approve = new ApproveDocumentStep(DocumentId.of("doc-unknown"), 1, "ok");
        assertThat(scope.unitsOf(approve, approve.documentId())).isEmpty();
    }
}
