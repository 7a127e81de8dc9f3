package org.campaignledger.query.document;

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

/** Plans, circulars and reports with their review chains (rm_documents, DOMAIN §4.11). */
@RestController
@RequestMapping("/api/documents")
class DocumentController {
    private final MongoTemplate mongo;
    private final ReadAccess access;

    DocumentController(MongoTemplate mongo, ReadAccess access) {
        this.mongo = mongo;
        this.access = access;
    }

    @Operation(summary = "One document: its state, the step awaiting action and the resolved chain")
    @GetMapping("/{documentId}")
    Document document(@PathVariable String documentId) {
        return access.detail(ReadEndpoint.DOCUMENT,
                Paging.one(mongo.getCollection(DocumentProjection.COLLECTION), documentId, "document"));
    }

    @Operation(summary = "Documents, filtered by unit, type or state")
    @GetMapping
    Map<String, Object> documents(@RequestParam(required = false) String unitId,
                                  @RequestParam(required = false) String docType,
                                  @RequestParam(required = false) String state,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "50") int size) {
        List<Bson> filters = new ArrayList<>();
        if (unitId != null) {
            filters.add(Filters.eq("unitId", unitId));
        }
        if (docType != null) {
            filters.add(Filters.eq("docType", docType));
        }
        if (state != null) {
            filters.add(Filters.eq("state", state));
        }
        Bson filter = access.scope(ReadEndpoint.DOCUMENTS, filters.isEmpty() ? new Document() : Filters.and(filters),
                unitId);
        return access.page(ReadEndpoint.DOCUMENTS, Paging.page(mongo.getCollection(DocumentProjection.COLLECTION),
                filter, Sorts.ascending("_id"), page, size));
    }
}
