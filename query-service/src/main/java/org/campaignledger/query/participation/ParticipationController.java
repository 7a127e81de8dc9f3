package org.campaignledger.query.participation;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.query.access.ReadAccess;
import org.campaignledger.query.access.ReadEndpoint;
import org.campaignledger.query.platform.BadRequestException;
import org.campaignledger.query.platform.Paging;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Progress per unit (rm_unit_progress, DOMAIN §5.2). */
@RestController
@RequestMapping("/api/participations")
class ParticipationController {
    private final MongoTemplate mongo;
    private final BlockingRules blockingRules;
    private final ProgressReads reads;
    private final ReadAccess access;

    ParticipationController(MongoTemplate mongo, BlockingRules blockingRules, ProgressReads reads, ReadAccess access) {
        this.mongo = mongo;
        this.blockingRules = blockingRules;
        this.reads = reads;
        this.access = access;
    }

    @Operation(summary = "One unit's progress through the campaign: state, stages, gate facts, study, warnings, and "
            + "blockingRules: the rules that would reject its next stage transition on asOf (default today)")
    @GetMapping("/{participationId}")
    Document participation(@PathVariable String participationId, @RequestParam(required = false) String asOf) {
        Document progress = access.detail(ReadEndpoint.PARTICIPATION, Paging.one(
                mongo.getCollection(UnitProgressProjection.COLLECTION), participationId, "participation"));
        Document completed = reads.complete(progress);
        blockingRules.addTo(List.of(completed), businessDate(asOf));
        return completed;
    }

    @Operation(summary = "Participations filtered by campaign, jurisdiction, ancestor, state, unit type or tier, each "
            + "with its blockingRules on asOf (default today)")
    @GetMapping
    Map<String, Object> participations(@RequestParam(required = false) String campaignId,
                                       @RequestParam(required = false) String jurisdictionId,
                                       @RequestParam(required = false) String ancestorId,
                                       @RequestParam(required = false) String state,
                                       @RequestParam(required = false) String unitType,
                                       @RequestParam(required = false) Integer tierNo,
                                       @RequestParam(required = false) String asOf,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size) {
        List<Bson> filters = new ArrayList<>();
        addEq(filters, "campaignId", campaignId);
        addEq(filters, "jurisdictionId", jurisdictionId);
        addEq(filters, "ancestorIds", ancestorId);
        addEq(filters, "state", state);
        addEq(filters, "unitType", unitType);
        addEq(filters, "tierNo", tierNo);
        LocalDate date = businessDate(asOf);
        Bson filter = access.scope(ReadEndpoint.PARTICIPATIONS,
                filters.isEmpty() ? new Document() : Filters.and(filters), jurisdictionId, ancestorId);
        Map<String, Object> body = access.page(ReadEndpoint.PARTICIPATIONS, Paging.page(
                mongo.getCollection(UnitProgressProjection.COLLECTION), filter, Sorts.ascending("tierNo", "unitId"),
                page, size));
        List<Document> items = Paging.items(body);
        reads.completeAll(items);
        blockingRules.addTo(items, date);
        return body;
    }

    /** The business date blockingRules are computed for: {@code asOf}, or today by the business clock. */
    private LocalDate businessDate(String asOf) {
        if (asOf == null) {
            return reads.today();
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("asOf", "must be a date, YYYY-MM-DD");
        }
    }

    private static void addEq(List<Bson> filters, String field, Object value) {
        if (value != null) {
            filters.add(Filters.eq(field, value));
        }
    }
}
