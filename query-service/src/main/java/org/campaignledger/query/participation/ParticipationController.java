package org.campaignledger.query.participation;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
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
    private final ProgressReads reads;

    ParticipationController(MongoTemplate mongo, ProgressReads reads) {
        this.mongo = mongo;
        this.reads = reads;
    }

    @Operation(summary = "One unit's progress through the campaign: state, stages, gate facts, study, warnings")
    @GetMapping("/{participationId}")
    Document participation(@PathVariable String participationId) {
        Document progress = Paging.one(mongo.getCollection(UnitProgressProjection.COLLECTION), participationId, "participation");
        return reads.complete(progress);
    }

    @Operation(summary = "Participations filtered by campaign, jurisdiction, ancestor, state, unit type or tier")
    @GetMapping
    Map<String, Object> participations(@RequestParam(required = false) String campaignId,
                                       @RequestParam(required = false) String jurisdictionId,
                                       @RequestParam(required = false) String ancestorId,
                                       @RequestParam(required = false) String state,
                                       @RequestParam(required = false) String unitType,
                                       @RequestParam(required = false) Integer tierNo,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size) {
        List<Bson> filters = new ArrayList<>();
        addEq(filters, "campaignId", campaignId);
        addEq(filters, "jurisdictionId", jurisdictionId);
        addEq(filters, "ancestorIds", ancestorId);
        addEq(filters, "state", state);
        addEq(filters, "unitType", unitType);
        addEq(filters, "tierNo", tierNo);
        Map<String, Object> body = Paging.page(mongo.getCollection(UnitProgressProjection.COLLECTION),
                filters.isEmpty() ? new Document() : Filters.and(filters), Sorts.ascending("tierNo", "unitId"),
                page, size);
        reads.completeAll(Paging.items(body));
        return body;
    }

    private static void addEq(List<Bson> filters, String field, Object value) {
        if (value != null) {
            filters.add(Filters.eq(field, value));
        }
    }
}
