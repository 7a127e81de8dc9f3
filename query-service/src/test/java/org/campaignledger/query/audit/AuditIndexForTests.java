package org.campaignledger.query.audit;

import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.campaignledger.query.ingest.ReadModelsForTests;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Lets access tests project the audit index as production does. */
public final class AuditIndexForTests {
    private AuditIndexForTests() {
    }

    public static Projection projection(MongoTemplate mongo) {
        ReadModels readModels = ReadModelsForTests.over(mongo);
        return ReadModelsForTests.batched(readModels, new AuditIndexProjection(readModels));
    }
}
