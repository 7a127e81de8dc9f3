package org.campaignledger.query.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationDimension;
import org.campaignledger.kernel.evaluation.EvaluationEnums.EvaluationPreconditionKey;
import org.campaignledger.kernel.evaluation.EvaluationEnums.Rating;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.evaluation.ParticipantGroup;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationBecameReady;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationFailed;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationFormRecorded;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPlanned;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationPreconditionCredited;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationReportFiled;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationResultsFedBack;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationSessionOpened;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationTallied;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationTallyCorrected;
import org.campaignledger.kernel.evaluation.RatingCounts;
import org.campaignledger.kernel.evaluation.SatisfactionRule;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationEnums.ReworkScope;
import org.campaignledger.kernel.participation.ParticipationEvent.ReworkCompleted;
import org.campaignledger.kernel.participation.ParticipationEvent.ReworkOrdered;
import org.campaignledger.kernel.participation.ParticipationId;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.campaignledger.query.ingest.ReadModelsForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class EvaluationProjectionTest {
    private static final UnitId TOWN = UnitId.of("town");
    private static final ParticipationId PARTICIPATION = ParticipationId.of(CampaignId.of("mlc"), 2, TOWN);
    private static final EvaluationId ID = EvaluationId.of(PARTICIPATION, EvaluationType.POST_MEETING, 1);
    private static final EvaluationType TYPE = EvaluationType.POST_MEETING;
    private static final LocalDate DAY = LocalDate.of(2014, 6, 20);

    private static MongoServer server;
    private static MongoClient client;
    private static MongoTemplate mongo;
    private static Projection projection;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "test");
        ReadModels readModels = ReadModelsForTests.over(mongo);
        projection = ReadModelsForTests.batched(readModels, new EvaluationProjection(readModels));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    private static LedgerEvent event(String aggregateId, long sequence, Object payload) {
        return new LedgerEvent(aggregateId + "#" + sequence, payload.getClass().getSimpleName(),
                payload.getClass().getName(), "1", "PublicEvaluation", aggregateId, sequence, 100L + sequence,
                "2014-06-2" + Math.min(sequence, 9) + "T00:00:00Z", Map.of(), payload, ReadModelsForTests.nextPosition());
    }

    private static LedgerEvent evaluation(long sequence, Object payload) {
        return event(ID.value(), sequence, payload);
    }

    private static Document document() {
        return mongo.getCollection(EvaluationProjection.EVALUATIONS).find(new Document("_id", ID.value())).first();
    }

    @Test
    void an_attempt_is_followed_from_plan_to_report_and_redelivery_changes_nothing() {
        List<LedgerEvent> events = List.of(
                evaluation(0, new EvaluationPlanned(ID, PARTICIPATION, TOWN, TYPE, 1, "mlc:2:town:M:1",
                        List.of(new ParticipantGroup("MASSES", 100)), List.of(EvaluationDimension.MEETINGS),
                        Set.of(EvaluationPreconditionKey.MEETING_HELD), null, null)),
                evaluation(1, new EvaluationPreconditionCredited(ID, PARTICIPATION, TOWN, TYPE, 1,
                        EvaluationPreconditionKey.MEETING_HELD, "mlc:2:town:M:1")),
                evaluation(2, new EvaluationBecameReady(ID, PARTICIPATION, TOWN, TYPE, 1)),
                evaluation(3, new EvaluationSessionOpened(ID, PARTICIPATION, TOWN, TYPE, 1, "mlc:2:town:M:1", DAY,
                        PersonId.of("secretary"), Map.of("MASSES", 98))),
                evaluation(4, new EvaluationFormRecorded(ID, PARTICIPATION, TOWN, TYPE, 1, "f-1", Rating.SATISFIED,
                        Map.of(EvaluationDimension.MEETINGS, Rating.SATISFIED), "MASSES")),
                evaluation(5, new EvaluationTallied(ID, PARTICIPATION, TOWN, TYPE, 1, 60, 20, 19, 21, 3, 39, 60,
                        false, Map.of(EvaluationDimension.MEETINGS, new RatingCounts(30, 10, 20)),
                        PersonId.of("clerk"), SatisfactionRule.TWO_THIRDS)),
                evaluation(6, new EvaluationFailed(ID, PARTICIPATION, TOWN, TYPE, 1, 39, 60, 1)));
        events.forEach(projection::apply);
        events.forEach(projection::apply);
        Document failed = document();
        assertThat(failed.getString("state")).isEqualTo("FAILED");
        assertThat(failed.get("preconditions", Document.class).getBoolean("MEETING_HELD")).isTrue();
        assertThat(failed.get("electronicForms", Document.class).getInteger("SATISFIED")).isEqualTo(1);
        assertThat(failed.getInteger("numerator")).isEqualTo(39);
        assertThat(failed.getInteger("denominator")).isEqualTo(60);
        assertThat(failed.getDouble("ratio")).isEqualTo(0.65);
        assertThat(failed.getBoolean("passed")).isFalse();
        assertThat(failed.getInteger("shortfallForms")).isEqualTo(1);
        assertThat(failed.get("perDimension", Document.class).get("MEETINGS", Document.class).getDouble("ratio"))
                .isEqualTo(0.6667);

        projection.apply(evaluation(7, new EvaluationTallyCorrected(ID, PARTICIPATION, TOWN, TYPE, 1,
                new RatingCounts(20, 19, 21), 3, new RatingCounts(21, 19, 20), 3, 40, 60, true, "miscount",
                PersonId.of("office"))));
        projection.apply(evaluation(8, new EvaluationResultsFedBack(ID, PARTICIPATION, TOWN, TYPE, 1,
                PersonId.of("secretary"), DAY.plusDays(1))));
        projection.apply(evaluation(9, new EvaluationReportFiled(ID, PARTICIPATION, TOWN, TYPE, 1, "doc-9")));
        projection.apply(evaluation(7, new EvaluationTallyCorrected(ID, PARTICIPATION, TOWN, TYPE, 1,
                new RatingCounts(20, 19, 21), 3, new RatingCounts(21, 19, 20), 3, 40, 60, true, "miscount",
                PersonId.of("office"))));
        Document reported = document();
        assertThat(reported.getString("state")).isEqualTo("REPORTED");
        assertThat(reported.getBoolean("passed")).isTrue();
        assertThat(reported.getDouble("ratio")).isEqualTo(0.6667);
        assertThat(reported.getInteger("corrections")).isEqualTo(1);
        assertThat(reported.getString("feedbackAt")).isEqualTo("2014-06-21");
    }

    @Test
    void reworks_ordered_after_an_attempt_are_kept_by_rework() {
        LedgerEvent ordered = event(PARTICIPATION.value(), 20, new ReworkOrdered(PARTICIPATION, "rw-1", ID.value(),
                Set.of(ReworkScope.REHOLD_MEETING), "below 2/3", PersonId.of("sg-1")));
        LedgerEvent completed = event(PARTICIPATION.value(), 21, new ReworkCompleted(PARTICIPATION, "rw-1", List.of(),
                PersonId.of("sg-1")));
        projection.apply(ordered);
        projection.apply(completed);
        projection.apply(ordered);
        Document rework = mongo.getCollection(EvaluationProjection.REWORKS)
                .find(new Document("_id", EvaluationProjection.reworkKey(PARTICIPATION.value(), "rw-1"))).first();
        assertThat(rework.getString("evaluationId")).isEqualTo(ID.value());
        assertThat(rework.getBoolean("completed")).isTrue();
    }
}
