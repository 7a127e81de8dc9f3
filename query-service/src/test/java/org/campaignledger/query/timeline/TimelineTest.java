package org.campaignledger.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.campaignledger.kernel.Catalog;
import org.campaignledger.kernel.document.DocType;
import org.campaignledger.kernel.document.DocumentEvent.DocumentStepApproved;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.DocumentId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationEvent.StageStarted;
import org.campaignledger.kernel.participation.ParticipationId;
import org.campaignledger.query.access.TestReaders;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.campaignledger.query.ingest.ReadModelsForTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** rm_timeline: one entry per event of a unit, summarised in English, read back in business-time order. */
class TimelineTest {
    private static final ParticipationId TOWN = ParticipationId.of(CampaignId.of("mlc"), 2, UnitId.of("town"));

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
    private final MongoTemplate mongo = new MongoTemplate(client, "test");
    private final ReadModels readModels = ReadModelsForTests.over(mongo);
    private final Projection projection = ReadModelsForTests.batched(readModels,
            new TimelineProjection(readModels, Duration.ofDays(2)));
    private final TimelineController controller = new TimelineController(mongo, TestReaders.auditor());

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private static LedgerEvent event(String id, long global, Object payload, String occurredAt, String recordedAt,
                                     String actor) {
        return new LedgerEvent(id, payload.getClass().getSimpleName(), null, "1", "Agg", "agg-" + id, 1, global,
                recordedAt, Map.of(MetaDataKeys.UNIT_ID, "town", MetaDataKeys.OCCURRED_AT, occurredAt,
                MetaDataKeys.ACTOR_ID, actor, MetaDataKeys.ACTOR_ROLES, "SECRETARY"), payload, ReadModelsForTests.nextPosition());
    }

    @Test
    void every_catalogued_event_type_has_a_template_or_is_deliberately_generic() {
        assertThat(Catalog.events().values()).allSatisfy(type -> assertThat(
                TimelineSummaries.hasTemplate(type) ^ TimelineSummaries.GENERIC.contains(type))
                .as("%s needs a template in TimelineSummaries or a place in its GENERIC list (not both)",
                        type.getSimpleName()).isTrue());
    }

    @Test
    void entries_are_kept_once_summarised_marked_when_late_and_read_in_business_time_order() {
        LedgerEvent approved = event("e2", 20, new DocumentStepApproved(DocumentId.of("plan"), DocType.MEETING_PLAN,
                TOWN, UnitId.of("town"), null, 3, PersonId.of("chen"), "CITY_CAMPAIGN_OFFICE", 2, null,
                LocalDate.of(2014, 3, 10)), "2014-03-10T02:00:00Z", "2014-03-14T02:00:00.5Z", "chen");
        LedgerEvent started = event("e1", 10, new StageStarted(TOWN, 1, LocalDate.of(2014, 3, 12), null, null, null),
                "2014-03-12T00:00:00Z", "2014-03-12T00:00:00.123Z", "SYSTEM");
        LedgerEvent unknown = new LedgerEvent("e3", "SomethingNew", null, "1", "NewAggregate", "n-1", 0, 30L,
                "2014-03-13T00:00:00Z", Map.of(MetaDataKeys.UNIT_ID, "town"), null, ReadModelsForTests.nextPosition());
        LedgerEvent elsewhere = new LedgerEvent("e4", "SomethingNew", null, "1", "NewAggregate", "n-2", 0, 40L,
                "2014-03-13T00:00:00Z", Map.of(), null, ReadModelsForTests.nextPosition());
        for (LedgerEvent event : List.of(started, approved, unknown, elsewhere, approved)) {
            projection.apply(event);
        }

        List<?> items = (List<?>) controller.timeline("town", null, null, null, 0, 50).get("items");
        assertThat(items).extracting(i -> ((Document) i).getString("_id")).containsExactly("e2", "e1", "e3");
        Document first = (Document) items.get(0);
        assertThat(first.getString("summaryEn")).isEqualTo("Meeting plan v2 approved at step 3 (CITY_CAMPAIGN_OFFICE)");
        assertThat(first).containsEntry("recordedLate", true).containsEntry("actorPersonId", "chen")
                .containsEntry("actorRole", "SECRETARY").containsEntry("occurredAt", "2014-03-10T02:00:00Z");
        Document second = (Document) items.get(1);
        assertThat(second).containsEntry("recordedLate", false).containsEntry("actorPersonId", null);
        assertThat(second.getString("summaryEn")).isEqualTo("Stage 1 started on 2014-03-12");
        assertThat(((Document) items.get(2)).getString("summaryEn")).isEqualTo("SomethingNew on NewAggregate n-1");

        // 2014-03-12 in Asia/Shanghai starts at 2014-03-11T16:00Z.
        assertThat((List<?>) controller.timeline("town", LocalDate.of(2014, 3, 12), LocalDate.of(2014, 3, 13), null,
                0, 50).get("items")).extracting(i -> ((Document) i).getString("_id")).containsExactly("e1", "e3");
        assertThat((List<?>) controller.timeline("town", null, null, "StageStarted", 0, 50).get("items"))
                .hasSize(1);
    }
}
