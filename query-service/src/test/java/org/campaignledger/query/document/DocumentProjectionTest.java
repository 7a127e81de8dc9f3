package org.campaignledger.query.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.campaignledger.kernel.document.DocType;
import org.campaignledger.kernel.document.DocumentEnums.ReturnMode;
import org.campaignledger.kernel.document.DocumentEnums.ReturnReason;
import org.campaignledger.kernel.document.DocumentEnums.ReviewerSelector;
import org.campaignledger.kernel.document.DocumentEnums.StepVerb;
import org.campaignledger.kernel.document.DocumentEvent.DocumentApproved;
import org.campaignledger.kernel.document.DocumentEvent.DocumentDrafted;
import org.campaignledger.kernel.document.DocumentEvent.DocumentReturned;
import org.campaignledger.kernel.document.DocumentEvent.DocumentRevised;
import org.campaignledger.kernel.document.DocumentEvent.DocumentStepApproved;
import org.campaignledger.kernel.document.DocumentEvent.DocumentSubmitted;
import org.campaignledger.kernel.document.ResolvedStep;
import org.campaignledger.kernel.document.SubjectRef;
import org.campaignledger.kernel.id.DocumentId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationId;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.campaignledger.query.ingest.ReadModelsForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class DocumentProjectionTest {
    private static final DocumentId ID = DocumentId.of("doc-1");
    private static final ParticipationId PARTICIPATION = ParticipationId.of("mlc:2:town");
    private static final UnitId TOWN = UnitId.of("town");
    private static final SubjectRef MEETING = new SubjectRef(SubjectRef.Kind.MEETING, "mlc:2:town:M:1");
    private static final LocalDate ON = LocalDate.of(2014, 3, 10);
    private static final List<ResolvedStep> STEPS = List.of(
            new ResolvedStep(1, "SG_REVIEW", StepVerb.REVIEW, ReviewerSelector.SG_OF_UNIT, List.of(PersonId.of("sg-a"))),
            new ResolvedStep(2, "OFFICE_REVIEW", StepVerb.REVIEW, ReviewerSelector.OFFICE_OF_JURISDICTION,
                    List.of(PersonId.of("off-1"))));

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
        projection = ReadModelsForTests.batched(readModels, new DocumentProjection(readModels));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    private static LedgerEvent event(long sequence, Object payload) {
        return new LedgerEvent("e" + sequence, payload.getClass().getSimpleName(), payload.getClass().getName(), "1",
                "ReviewableDocument", ID.value(), sequence, 100L + sequence, "2014-03-10T02:00:00Z", Map.of(),
                payload, ReadModelsForTests.nextPosition());
    }

    private static DocumentStepApproved approved(int stepNo, String by, int version) {
        return new DocumentStepApproved(ID, DocType.MEETING_PLAN, PARTICIPATION, TOWN, MEETING, stepNo,
                PersonId.of(by), "SG_MEMBER", version, null, ON);
    }

    @Test
    void the_document_follows_its_chain_and_redelivery_changes_nothing() {
        List<LedgerEvent> events = List.of(
                event(0, new DocumentDrafted(ID, DocType.MEETING_PLAN, PARTICIPATION, TOWN, MEETING, 2,
                        PersonId.of("sec-1"), 1, "vlt_1", "aa", 12, null)),
                event(1, new DocumentSubmitted(ID, DocType.MEETING_PLAN, PARTICIPATION, TOWN, MEETING, 1, STEPS, 1,
                        ON, PersonId.of("sec-1"))),
                event(2, approved(1, "sg-a", 1)),
                event(3, new DocumentReturned(ID, DocType.MEETING_PLAN, PARTICIPATION, TOWN, MEETING, 2,
                        ReturnMode.REVISE, List.of(ReturnReason.OTHER), PersonId.of("off-1"), null, 1, ON)),
                event(4, new DocumentRevised(ID, DocType.MEETING_PLAN, PARTICIPATION, TOWN, MEETING, 2, "vlt_2", "bb",
                        14, PersonId.of("sec-1"))),
                event(5, new DocumentSubmitted(ID, DocType.MEETING_PLAN, PARTICIPATION, TOWN, MEETING, 2, STEPS, 1,
                        ON, PersonId.of("sec-1"))),
                event(6, approved(1, "sg-a", 2)));
        events.forEach(projection::apply);
        events.forEach(projection::apply);

        Document document = mongo.getCollection(DocumentProjection.COLLECTION).find().first();
        assertThat(document.getString("state")).isEqualTo("IN_REVIEW");
        assertThat(document.getInteger("version")).isEqualTo(2);
        assertThat(document.getInteger("returnCount")).isEqualTo(1);
        assertThat(document.get("currentStep", Document.class).getString("code")).isEqualTo("OFFICE_REVIEW");
        assertThat(document.getList("resolvedSteps", Document.class).get(0).get("record", Document.class)
                .getInteger("version")).isEqualTo(2);

        projection.apply(event(7, approved(2, "off-1", 2)));
        projection.apply(event(8, new DocumentApproved(ID, DocType.MEETING_PLAN, PARTICIPATION, TOWN, MEETING, 2,
                ON)));
        Document done = mongo.getCollection(DocumentProjection.COLLECTION).find().first();
        assertThat(done.getString("state")).isEqualTo("APPROVED");
        assertThat(done.get("currentStep")).isNull();
        assertThat(done.get("content", Document.class).getString("contentRef")).isEqualTo("vlt_2");
    }
}
