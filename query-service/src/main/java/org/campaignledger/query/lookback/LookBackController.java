package org.campaignledger.query.lookback;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.query.access.ReadAccess;
import org.campaignledger.query.access.ReadEndpoint;
import org.campaignledger.query.platform.Paging;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Look-backs (rm_lookbacks, DOMAIN §4.14). */
@RestController
@RequestMapping("/api/lookbacks")
class LookBackController {
    private final MongoTemplate mongo;
    private final ReadAccess access;

    LookBackController(MongoTemplate mongo, ReadAccess access) {
        this.mongo = mongo;
        this.access = access;
    }

    @Operation(summary = "One look-back with its findings, outcome and how far the outcome is discharged")
    @GetMapping("/{lookBackId}")
    Document lookBack(@PathVariable String lookBackId) {
        return access.detail(ReadEndpoint.LOOKBACK,
                Paging.one(mongo.getCollection(LookBackProjection.LOOKBACKS), lookBackId, "look-back"));
    }

    @Operation(summary = "Look-backs, filtered by unit, status or outcome")
    @GetMapping
    Map<String, Object> lookBacks(@RequestParam(required = false) String unitId,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String outcome,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "50") int size) {
        List<Bson> filters = new ArrayList<>();
        if (unitId != null) {
            filters.add(Filters.eq("unitId", unitId));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status));
        }
        if (outcome != null) {
            filters.add(Filters.eq("outcome", outcome));
        }
        Bson filter = access.scope(ReadEndpoint.LOOKBACKS, filters.isEmpty() ? new Document() : Filters.and(filters),
                unitId);
        return access.page(ReadEndpoint.LOOKBACKS, Paging.page(mongo.getCollection(LookBackProjection.LOOKBACKS),
                filter, Sorts.descending("openedAt"), page, size));
    }
}
