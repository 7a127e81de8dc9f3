package org.campaignledger.query.timeline;

import java.time.Duration;
import org.campaignledger.query.ingest.Projection;
import org.campaignledger.query.ingest.ReadModels;
import org.campaignledger.query.ingest.ReadModelsForTests;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Lets access tests project timelines as production does. */
public final class TimelineForTests {
    private TimelineForTests() {
    }

    public static Projection projection(MongoTemplate mongo) {
        ReadModels readModels = ReadModelsForTests.over(mongo);
        return ReadModelsForTests.batched(readModels, new TimelineProjection(readModels, Duration.ofDays(2)));
    }
}
