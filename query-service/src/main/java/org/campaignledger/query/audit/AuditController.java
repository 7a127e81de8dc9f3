package org.campaignledger.query.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.kernel.envelope.ChainVerdict;
import org.campaignledger.kernel.envelope.HashChain;
import org.campaignledger.query.access.ReadAccess;
import org.campaignledger.query.access.ReadEndpoint;
import org.campaignledger.query.platform.NotFoundException;
import org.campaignledger.query.platform.Paging;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Audit queries (DOMAIN §6). */
@RestController
@RequestMapping("/api/audit")
class AuditController {
    private final EventStoreReader store;
    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final ReadAccess access;

    AuditController(EventStoreReader store, MongoTemplate mongo, ObjectMapper json, ReadAccess access) {
        this.store = store;
        this.mongo = mongo;
        this.json = json;
        this.access = access;
    }

    @Operation(summary = "AQ-1: the full history of one aggregate from the event store, with its hash-chain verdict")
    @GetMapping("/streams/{aggregateId}")
    Map<String, Object> stream(@PathVariable String aggregateId) {
        List<EventStoreReader.Row> rows = store.stream(aggregateId);
        if (rows.isEmpty()) {
            throw new NotFoundException("no events for aggregate " + aggregateId);
        }
        ChainVerdict verdict = HashChain.verify(rows.stream().map(EventStoreReader.Row::event).toList());
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var link = verdict.links().get(i);
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("sequence", row.event().sequence());
            event.put("globalSequence", row.globalIndex());
            event.put("eventId", row.event().eventId());
            event.put("eventType", simpleName(row.event().payloadType()));
            event.put("schemaVersion", row.event().payloadRevision());
            event.put("recordedAt", row.event().timestamp());
            event.put("envelope", new LinkedHashMap<String, Object>(row.event().metaData()));
            event.put("payload", payload(row.event().payloadJson()));
            access.redact(ReadEndpoint.AUDIT_STREAM, event, null);
            event.put("linkValid", link.valid());
            if (!link.valid()) {
                event.put("linkProblem", link.problem());
                event.put("recomputedHash", link.recomputedHash());
            }
            events.add(event);
        }
        Map<String, Object> verdictBody = new LinkedHashMap<>();
        verdictBody.put("intact", verdict.intact());
        verdictBody.put("firstBrokenSequence", verdict.firstBrokenSequence());
        verdictBody.put("problem", verdict.problem());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("aggregateId", aggregateId);
        body.put("aggregateType", rows.get(0).event().aggregateType());
        body.put("eventCount", rows.size());
        body.put("verdict", verdictBody);
        body.put("events", events);
        return body;
    }

    @Operation(summary = "AQ-9: separation-of-duties violations over the whole event history; expected: none")
    @GetMapping("/separation-of-duties")
    Map<String, Object> separationOfDuties(@RequestParam(required = false) String jurisdictionId) {
        SeparationOfDuties check = new SeparationOfDuties(json);
        store.forEachInGlobalOrder(2_000, row -> check.accept(row.event()));
        return check.result(jurisdictionId);
    }

    @Operation(summary = "Who asked which audit question, and when (DOMAIN §6: every audit query is logged)")
    @GetMapping("/access-log")
    Map<String, Object> accessLog(@RequestParam(required = false) String auditorId,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "50") int size) {
        return Paging.page(mongo.getCollection(AuditAccessLog.COLLECTION),
                auditorId == null ? new Document() : Filters.eq("auditorId", auditorId), Sorts.descending("at"),
                page, size);
    }

    @Operation(summary = "AQ-2 (index only): the events of a unit in global order, from rm_audit_index")
    @GetMapping("/units/{unitId}/events")
    Map<String, Object> unitEvents(@PathVariable String unitId,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        return access.page(ReadEndpoint.AUDIT_UNIT_EVENTS, Paging.page(mongo.getCollection(
                AuditIndexProjection.COLLECTION), Filters.eq("unitId", unitId), Sorts.ascending("globalSequence"),
                page, size));
    }

    @Operation(summary = "Command outcomes (rm_command_audit), e.g. outcome=REJECTED for attempted violations (AQ-11)")
    @GetMapping("/commands")
    Map<String, Object> commands(@RequestParam(required = false) String outcome,
                                 @RequestParam(required = false) String ruleId,
                                 @RequestParam(required = false) String actorId,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        List<Bson> filters = new ArrayList<>();
        if (outcome != null) {
            filters.add(Filters.eq("outcome", outcome));
        }
        if (ruleId != null) {
            filters.add(Filters.eq("ruleId", ruleId));
        }
        if (actorId != null) {
            filters.add(Filters.eq("actor.personId", actorId));
        }
        return access.page(ReadEndpoint.AUDIT_COMMANDS, Paging.page(mongo.getCollection(
                CommandAuditConsumer.COLLECTION), filters.isEmpty() ? new Document() : Filters.and(filters),
                Sorts.descending("at"), page, size));
    }

    /** The payload as a map, so its classified fields can be redacted like any read-model field. */
    private Object payload(byte[] bytes) {
        try {
            JsonNode node = json.readTree(bytes);
            return node.isObject() ? json.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() {
            }) : node;
        } catch (IOException e) {
            return "(unreadable payload)";
        }
    }

    private static String simpleName(String payloadType) {
        int cut = Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$'));
        return payloadType.substring(cut + 1);
    }
}
