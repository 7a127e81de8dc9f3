package org.campaignledger.query.timeline;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.conversions.Bson;
import org.campaignledger.query.access.ReadAccess;
import org.campaignledger.query.access.ReadEndpoint;
import org.campaignledger.query.platform.Paging;
import org.campaignledger.query.platform.ReadModelIndexes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A unit's timeline (rm_timeline, DOMAIN §5.11). */
@RestController
class TimelineController {
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private final MongoTemplate mongo;
    private final ReadAccess access;

    TimelineController(MongoTemplate mongo, ReadAccess access) {
        this.mongo = mongo;
        this.access = access;
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexes() {
        ReadModelIndexes.ensure(mongo, TimelineProjection.COLLECTION, Indexes.ascending("unitId", "at"));
    }

    @Operation(summary = "A unit's events in business-time order with an English summary each, optionally between "
            + "two business dates (Asia/Shanghai, both included) and of one event type")
    @GetMapping("/api/units/{unitId}/timeline")
    Map<String, Object> timeline(@PathVariable String unitId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate to,
                                 @RequestParam(required = false) String eventType,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        access.requireUnit(ReadEndpoint.UNIT_TIMELINE, unitId);
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("unitId", unitId)));
        if (from != null) {
            filters.add(Filters.gte("at", Date.from(from.atStartOfDay(BUSINESS_ZONE).toInstant())));
        }
        if (to != null) {
            filters.add(Filters.lt("at", Date.from(to.plusDays(1).atStartOfDay(BUSINESS_ZONE).toInstant())));
        }
        if (eventType != null) {
            filters.add(Filters.eq("eventType", eventType));
        }
        return access.page(ReadEndpoint.UNIT_TIMELINE, Paging.page(mongo.getCollection(TimelineProjection.COLLECTION),
                Filters.and(filters), Sorts.ascending("at", "lastGlobalSequence"), page, size));
    }
}
