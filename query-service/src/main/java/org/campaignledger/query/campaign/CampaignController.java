package org.campaignledger.query.campaign;

import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
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

    CampaignController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Operation(summary = "One campaign with its batches and the policy in force")
    @GetMapping("/{campaignId}")
    Document campaign(@PathVariable String campaignId) {
        Document campaign = Paging.one(mongo.getCollection(CampaignProjection.COLLECTION), campaignId, "campaign");
        return campaign;
    }
}
