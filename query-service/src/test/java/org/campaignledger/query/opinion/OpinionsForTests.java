package org.campaignledger.query.opinion;

import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.campaignledger.query.ingest.ReadModelsForTests;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Lets access tests project opinions as production does. */
public final class OpinionsForTests {
    private OpinionsForTests() {
    }

    public static Projection projection(MongoTemplate mongo) {
        ReadModels readModels = ReadModelsForTests.over(mongo);
        return ReadModelsForTests.batched(readModels, new OpinionProjection(readModels));
    }
}
