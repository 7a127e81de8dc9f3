package org.campaignledger.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.OpinionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.opinion.OpinionChannel;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionRecorded;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionRouted;
import org.campaignledger.kernel.opinion.OpinionMode;
import org.campaignledger.kernel.opinion.OpinionTarget;
import org.campaignledger.kernel.opinion.SubmitterCategory;
import org.campaignledger.query.audit.AuditIndexForTests;
import org.campaignledger.query.ingest.LedgerEvent;
import org.campaignledger.query.ingest.ReadModelsForTests;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.opinion.OpinionsForTests;
import org.campaignledger.query.platform.ForbiddenException;
import org.campaignledger.query.platform.Paging;
import org.campaignledger.query.timeline.TimelineForTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R-OPN-02 (AS-24): no path from an anonymous opinion to its submitter on any endpoint that returns opinions or
 * their events. The opinion came through the portal, so its recorder is the submitter: the submitter's person id
 * and vault token may reach only readers with PII in their audience (the PII officer, an auditor with PII_ACCESS).
 */
class OpinionAnonymityTest {
    private static final String SUBMITTER = "citizen-7";
    private static final String VAULT_TOKEN = "vault:pii-3f9a";
    private static final List<ReadEndpoint> RETURNING_OPINIONS = List.of(ReadEndpoint.OPINION, ReadEndpoint.OPINIONS,
            ReadEndpoint.UNIT_TIMELINE, ReadEndpoint.AUDIT_STREAM, ReadEndpoint.AUDIT_UNIT_EVENTS,
            ReadEndpoint.AUDIT_COMMANDS);
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final ReadAccessFixtures fixtures = new ReadAccessFixtures();
    private final List<LedgerEvent> events = new ArrayList<>();

    @BeforeEach
    void anonymousOpinionRoutedToTheTown() {
        OpinionId opinion = OpinionId.of("op-anon");
        List<Object> payloads = List.of(
                new OpinionRecorded(opinion, CampaignId.of("mlc"), LocalDate.of(2014, 2, 20), OpinionChannel.ONLINE_PLATFORM,
                        new OpinionMode(OpinionMode.Naming.ANONYMOUS, OpinionMode.Setting.INDIVIDUAL,
                                OpinionMode.Approach.DELIVERED_TO_DOOR), SubmitterCategory.SERVICE_OBJECT,
                        VAULT_TOKEN, "vault:text-1", "h", PersonId.of(SUBMITTER), UnitId.of(ReadAccessFixtures.IN),
                        null, false),
                new OpinionRouted(opinion, new OpinionTarget(OpinionTarget.Level.UNIT,
                        UnitId.of(ReadAccessFixtures.IN), null), PersonId.of("p-CAMPAIGN_OFFICE_STAFF")));
        List<String> actors = List.of(SUBMITTER, "p-CAMPAIGN_OFFICE_STAFF");
        List<String> roles = List.of("PUBLIC", "CAMPAIGN_OFFICE_STAFF");
        for (int i = 0; i < payloads.size(); i++) {
            events.add(new LedgerEvent("op-anon-e" + i, payloads.get(i).getClass().getSimpleName(), null, "1",
                    "Opinion", "op-anon", i, 200L + i, "2014-02-20T02:00:00Z", Map.of(MetaDataKeys.ACTOR_ID,
                    actors.get(i), MetaDataKeys.ACTOR_ROLES, roles.get(i), MetaDataKeys.UNIT_ID, ReadAccessFixtures.IN, MetaDataKeys.OCCURRED_AT,
                    "2014-02-20T02:00:00Z"), payloads.get(i), ReadModelsForTests.nextPosition()));
        }
        for (Projection projection : List.of(OpinionsForTests.projection(fixtures.mongo),
                TimelineForTests.projection(fixtures.mongo), AuditIndexForTests.projection(fixtures.mongo))) {
            events.forEach(projection::apply);
        }
        fixtures.mongo.getCollection("rm_command_audit").insertOne(new Document("_id", "cmd-1")
                .append("commandType", "RecordOpinion").append("outcome", "ACCEPTED")
                .append("actor", new Document("personId", SUBMITTER).append("roleCodes", List.of("PUBLIC"))));
    }

    @AfterEach
    void stop() {
        fixtures.close();
    }

    @Test
    void R_OPN_02_no_reader_without_PII_reaches_the_submitter_on_any_endpoint_returning_opinions() {
        int checked = 0;
        for (ReadEndpoint endpoint : RETURNING_OPINIONS) {
            for (ReadRole role : ReadRole.values()) {
                for (String[] clearances : List.of(new String[0], new String[] {ReadRole.AUDITOR_CONFIDENTIAL},
                        new String[] {ReadRole.PII_ACCESS})) {
                    Reader reader = fixtures.reader(role, ReadAccessFixtures.ON, clearances);
                    if (ReadAccess.granting(endpoint, reader, List.of(ReadAccessFixtures.IN)).isEmpty()) {
                        continue;
                    }
                    String body = answer(endpoint, new ReadAccess(() -> reader));
                    boolean mayResolve = reader.audienceOf(ReadAccess.granting(endpoint, reader,
                            List.of(ReadAccessFixtures.IN))).contains(DataClass.PII);
                    String as = endpoint.route() + " as " + role + " " + List.of(clearances);
                    if (mayResolve && !stored(endpoint)) {
                        // the events carry the submitter; a reader who may resolve it sees it (the test can tell)
                        assertThat(body).as(as).containsAnyOf(SUBMITTER, VAULT_TOKEN);
                    } else if (mayResolve) {
                        assertThat(body).as(as).doesNotContain(SUBMITTER).doesNotContain(VAULT_TOKEN);
                    } else {
                        assertThat(body).as(as).doesNotContain(SUBMITTER).doesNotContain(VAULT_TOKEN);
                    }
                    checked++;
                }
            }
        }
        System.out.printf("R-OPN-02: %d endpoint x reader answers checked%n", checked);
        assertThat(checked).isGreaterThan(RETURNING_OPINIONS.size());
    }

    @Test
    void R_OPN_02_the_opinion_read_model_never_holds_the_submitter() {
        Document stored = fixtures.mongo.getCollection("rm_opinions").find(Filters.eq("_id", "op-anon")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(SUBMITTER).doesNotContain(VAULT_TOKEN);
    }

    /** What the endpoint's controller answers, by the same ReadAccess calls. */
    private String answer(ReadEndpoint endpoint, ReadAccess access) {
        try {
            return switch (endpoint) {
                case OPINION -> JSON.writeValueAsString(access.detail(endpoint, first("rm_opinions")));
                case OPINIONS -> JSON.writeValueAsString(access.page(endpoint, Paging.page(
                        fixtures.mongo.getCollection("rm_opinions"), access.scope(endpoint, new Document()),
                        Sorts.ascending("_id"), 0, 50)));
                case UNIT_TIMELINE -> page(endpoint, access, "rm_timeline");
                case AUDIT_UNIT_EVENTS -> page(endpoint, access, "rm_audit_index");
                case AUDIT_COMMANDS -> page(endpoint, access, "rm_command_audit");
                case AUDIT_STREAM -> {
                    List<Map<String, Object>> stream = new ArrayList<>();
                    for (LedgerEvent event : events) {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("eventType", event.eventType());
                        entry.put("envelope", new LinkedHashMap<String, Object>(event.metaData()));
                        entry.put("payload", JSON.convertValue(event.payload(),
                                new TypeReference<LinkedHashMap<String, Object>>() {
                                }));
                        stream.add(access.redact(endpoint, entry, null));
                    }
                    yield JSON.writeValueAsString(stream);
                }
                default -> throw new IllegalArgumentException(endpoint.route());
            };
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (ForbiddenException refused) {
            // a reader whose role covers only some opinions (PlatformLimits) is refused this one: nothing shown
            return refused.getMessage();
        }
    }

    private String page(ReadEndpoint endpoint, ReadAccess access, String collection)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        return JSON.writeValueAsString(access.page(endpoint, Paging.page(fixtures.mongo.getCollection(collection),
                new Document(), Sorts.ascending("_id"), 0, 50)));
    }

    /** rm_opinions holds no submitter at all, whoever reads it. */
    private static boolean stored(ReadEndpoint endpoint) {
        return endpoint == ReadEndpoint.OPINION || endpoint == ReadEndpoint.OPINIONS;
    }

    private Document first(String collection) {
        return fixtures.mongo.getCollection(collection).find().first();
    }

    @Test
    void the_marker_shows_what_was_withheld() {
        Reader auditor = fixtures.reader(ReadRole.AUDITOR, ReadAccessFixtures.ON);
        Map<String, Object> entry = new LinkedHashMap<>(Map.of("eventType", "OpinionRecorded",
                "envelope", new LinkedHashMap<>(Map.of("actorId", SUBMITTER, "actorRoles", "PUBLIC")),
                "payload", new LinkedHashMap<>(Map.of("submitterPiiRef", VAULT_TOKEN, "channel", "ONLINE_PLATFORM"))));
        new ReadAccess(() -> auditor).redact(ReadEndpoint.AUDIT_STREAM, entry, null);
        assertThat(entry.get("payload")).isEqualTo(Map.of("submitterPiiRef", DataClasses.marker(DataClass.PII),
                "channel", "ONLINE_PLATFORM"));
        assertThat(entry.get("envelope")).isEqualTo(Map.of("actorId", DataClasses.marker(DataClass.PII),
                "actorRoles", "PUBLIC"));
    }

    @Test
    void an_opinion_entered_by_office_staff_names_the_staff_member_not_a_submitter() {
        Reader auditor = fixtures.reader(ReadRole.AUDITOR, ReadAccessFixtures.ON);
        Map<String, Object> entry = new LinkedHashMap<>(Map.of("eventType", "OpinionRecorded",
                "envelope", new LinkedHashMap<>(Map.of("actorId", "clerk", "actorRoles", "UNIT_OFFICE_STAFF")),
                "payload", new LinkedHashMap<>(Map.of("collectedByPersonId", "clerk"))));
        new ReadAccess(() -> auditor).redact(ReadEndpoint.AUDIT_STREAM, entry, null);
        assertThat(entry.get("envelope")).isEqualTo(Map.of("actorId", "clerk", "actorRoles", "UNIT_OFFICE_STAFF"));
        assertThat(entry.get("payload")).isEqualTo(Map.of("collectedByPersonId", "clerk"));
    }
}
