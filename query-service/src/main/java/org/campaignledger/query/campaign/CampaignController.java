package org.campaignledger.query.campaign;

import com.mongodb.client.model.Filters;
import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.campaignledger.query.platform.NotFoundException;
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
        Document campaign = mongo.getCollection(CampaignProjection.COLLECTION).find(Filters.eq("_id", campaignId)).first();
        if (campaign == null) {
            throw new NotFoundException("no campaign " + campaignId);
        }
        return campaign;
    }
}
