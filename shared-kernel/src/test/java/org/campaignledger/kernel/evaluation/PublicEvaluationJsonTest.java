package org.campaignledger.kernel.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationDimension;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationPreconditionKey;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPlanned;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationTallied;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationId;
import org.junit.jupiter.api.Test;

class PublicEvaluationJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final UnitId TOWN = UnitId.of("town");
    private static final ParticipationId PARTICIPATION = ParticipationId.of(CampaignId.of("mlc"), 2, TOWN);
    private static final EvaluationId ID = EvaluationId.of(PARTICIPATION, EvaluationType.POST_MEETING, 2);

    @Test
    void evaluation_events_read_back_as_written() throws Exception {
        EvaluationPlanned planned = new EvaluationPlanned(ID, PARTICIPATION, TOWN, EvaluationType.POST_MEETING, 2,
                "mlc:2:town:M:1", List.of(new ParticipantGroup("MASSES", 80)),
                List.of(EvaluationDimension.MEETINGS), Set.of(EvaluationPreconditionKey.MEETING_HELD), null, null);
        EvaluationTallied tallied = new EvaluationTallied(ID, PARTICIPATION, TOWN, EvaluationType.POST_MEETING, 2, 60,
                20, 20, 20, 1, 40, 60, true, Map.of(EvaluationDimension.MEETINGS, new RatingCounts(1, 2, 3)),
                PersonId.of("clerk"), SatisfactionRule.TWO_THIRDS);
        assertThat(JSON.readValue(JSON.writeValueAsString(planned), EvaluationPlanned.class)).isEqualTo(planned);
        assertThat(JSON.readValue(JSON.writeValueAsString(tallied), EvaluationTallied.class)).isEqualTo(tallied);
        assertThat(JSON.writeValueAsString(ID)).isEqualTo("\"mlc:2:town:POST_MEETING:2\"");
    }

    @Test
    void an_evaluation_id_is_a_participation_id_type_and_attempt() {
        assertThat(ID.participationId()).isEqualTo(PARTICIPATION);
        assertThat(ID.type()).isEqualTo(EvaluationType.POST_MEETING);
        assertThat(ID.attemptNo()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EvaluationId.of("mlc:2:town:MEETING:1"))
                .hasMessageContaining("participationId:type:attemptNo");
    }
}
