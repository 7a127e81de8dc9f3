package org.campaignledger.query.campaign;

import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.campaignledger.query.access.ReadAccess;
import org.campaignledger.query.access.ReadEndpoint;
import org.campaignledger.query.platform.Paging;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/campaigns")
class CampaignController {
    private final MongoTemplate mongo;
    private final ReadAccess access;

    CampaignController(MongoTemplate mongo, ReadAccess access) {
        this.mongo = mongo;
        this.access = access;
    }

    @Operation(summary = "One campaign with its batches and the policy in force")
    @GetMapping("/{campaignId}")
    Document campaign(@PathVariable String campaignId) {
        return access.detail(ReadEndpoint.CAMPAIGN,
                Paging.one(mongo.getCollection(CampaignProjection.COLLECTION), campaignId, "campaign"));
    }
}
