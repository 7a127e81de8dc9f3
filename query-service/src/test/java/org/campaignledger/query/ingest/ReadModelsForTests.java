package org.campaignledger.query.ingest;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Lets projection tests in other packages build the read-model writer Spring builds in production. */
public final class ReadModelsForTests {
    private ReadModelsForTests() {
    }

    public static ReadModels over(MongoTemplate mongo) {
        return new ReadModels(mongo);
    }
}
