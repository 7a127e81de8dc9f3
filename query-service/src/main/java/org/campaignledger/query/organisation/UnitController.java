package org.campaignledger.query.organisation;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/** The org tree (rm_org_tree, DOMAIN §5.1). */
@RestController
@RequestMapping("/api/units")
class UnitController {
    private final MongoTemplate mongo;
    private final ReadAccess access;

    UnitController(MongoTemplate mongo, ReadAccess access) {
        this.mongo = mongo;
        this.access = access;
    }

    @Operation(summary = "One unit of the org tree")
    @GetMapping("/{unitId}")
    Document unit(@PathVariable String unitId) {
        return access.detail(ReadEndpoint.UNIT,
                Paging.one(mongo.getCollection(OrgTreeProjection.COLLECTION), unitId, "unit"));
    }

    @Operation(summary = "The roster of a unit as of a date (R-ORG-04), or its whole history without asOf")
    @GetMapping("/{unitId}/roster")
    Map<String, Object> roster(@PathVariable String unitId, @RequestParam(required = false) String asOf) {
        access.requireUnit(ReadEndpoint.UNIT_ROSTER, unitId);
        Document roster = Paging.one(mongo.getCollection(RosterProjection.COLLECTION), unitId, "unit");
        List<Document> entries = roster.getList(RosterProjection.ENTRIES, Document.class, List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", unitId);
        body.put("asOf", asOf);
        body.put("items", asOf == null ? entries : RosterProjection.activeOn(entries, parseDate(asOf)));
        return body;
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("asOf", "must be a date YYYY-MM-DD");
        }
    }

    @Operation(summary = "Units, filtered by parent, ancestor, level or type")
    @GetMapping
    Map<String, Object> units(@RequestParam(required = false) String parentUnitId,
                              @RequestParam(required = false) String ancestorId,
                              @RequestParam(required = false) String level,
                              @RequestParam(required = false) String unitType,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        List<Bson> filters = new ArrayList<>();
        if (parentUnitId != null) {
            filters.add(Filters.eq("parentUnitId", parentUnitId));
        }
        if (ancestorId != null) {
            filters.add(Filters.eq("ancestorIds", ancestorId));
        }
        if (level != null) {
            filters.add(Filters.eq("level", level));
        }
        if (unitType != null) {
            filters.add(Filters.eq("unitType", unitType));
        }
        Bson filter = access.scope(ReadEndpoint.UNITS, filters.isEmpty() ? new Document() : Filters.and(filters),
                parentUnitId, ancestorId);
        return access.page(ReadEndpoint.UNITS, Paging.page(mongo.getCollection(OrgTreeProjection.COLLECTION), filter,
                Sorts.ascending("depth", "code"), page, size));
    }
}
