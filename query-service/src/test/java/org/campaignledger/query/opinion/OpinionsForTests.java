package org.campaignledger.query.opinion;

import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModelsForTests;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Lets access tests project opinions as production does. */
public final class OpinionsForTests {
    private OpinionsForTests() {
    }

    public static Projection projection(MongoTemplate mongo) {
        return new OpinionProjection(ReadModelsForTests.over(mongo));
    }
}
