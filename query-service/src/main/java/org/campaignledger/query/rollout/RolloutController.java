package org.campaignledger.query.rollout;

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
@RequestMapping("/api/rollouts")
class RolloutController {
    private final MongoTemplate mongo;
    private final ReadAccess access;

    RolloutController(MongoTemplate mongo, ReadAccess access) {
        this.mongo = mongo;
        this.access = access;
    }

    @Operation(summary = "One jurisdiction rollout with its tiers' planned windows, office and exceptions")
    @GetMapping("/{rolloutId}")
    Document rollout(@PathVariable String rolloutId) {
        return access.detail(ReadEndpoint.ROLLOUT,
                Paging.one(mongo.getCollection(RolloutProjection.COLLECTION), rolloutId, "rollout"));
    }
}
