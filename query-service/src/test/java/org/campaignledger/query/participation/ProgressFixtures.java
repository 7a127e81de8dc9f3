package org.campaignledger.query.participation;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import java.util.Map;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.participation.ParticipationEnums.MaterialRequirement;
import org.campaignledger.kernel.participation.ParticipationEnums.MeetingType;
import org.campaignledger.kernel.participation.ParticipationEnums.RectificationForm;
import org.campaignledger.kernel.participation.ParticipationEvent.ParticipationRegistered;
import org.campaignledger.kernel.participation.ParticipationId;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.campaignledger.query.ingest.ReadModelsForTests;
import org.campaignledger.query.organisation.AncestorPaths;
import org.springframework.data.mongodb.core.MongoTemplate;

/** An in-process MongoDB with the rm_unit_progress projections, and events to feed them. */
final class ProgressFixtures implements AutoCloseable {
    static final CampaignId CAMPAIGN = CampaignId.of("mlc");
    static final UnitId COUNTY = UnitId.of("county");

    final MongoServer server = new MongoServer(new MemoryBackend());
    final MongoClient client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
    final MongoTemplate mongo = new MongoTemplate(client, "test");
    final ReadModels readModels = ReadModelsForTests.over(mongo);
    final UnitProgressProjection progress = new UnitProgressProjection(readModels,
            new AncestorPaths(readModels), mongo);
    final ProgressCounters counters = new ProgressCounters(readModels);
    private final Projection both = ReadModelsForTests.batched(readModels, progress, counters);

    static ParticipationId participation(String unit) {
        return ParticipationId.of(CAMPAIGN, 2, UnitId.of(unit));
    }

    static ParticipationRegistered registered(String unit, UnitType type, Level level, int tier, String... ancestors) {
        return new ParticipationRegistered(participation(unit), CAMPAIGN, 2, UnitId.of(unit), type, level, tier,
                COUNTY, java.util.Arrays.stream(ancestors).map(UnitId::of).toList(), MeetingType.SPECIAL_OLM,
                MaterialRequirement.BRIEF, RectificationForm.PROBLEM_LIST);
    }

    static LedgerEvent event(String aggregateId, long sequence, Object payload) {
        return event(aggregateId, sequence, payload, Map.of());
    }

    static LedgerEvent event(String aggregateId, long sequence, Object payload, Map<String, String> metaData) {
        return new LedgerEvent(aggregateId + "#" + sequence, payload.getClass().getSimpleName(), null, "1",
                payload.getClass().getEnclosingClass().getSimpleName(), aggregateId, sequence, null,
                "2014-03-01T00:00:00Z", metaData, payload, ReadModelsForTests.nextPosition());
    }

    /** Every event goes to both projections, twice: at-least-once delivery must not change the outcome. */
    void deliver(LedgerEvent... events) {
        for (LedgerEvent event : List.of(events)) {
            for (int i = 0; i < 2; i++) {
                both.apply(event);
            }
        }
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
    }
}
