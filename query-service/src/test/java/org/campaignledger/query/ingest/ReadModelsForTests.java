package org.campaignledger.query.ingest;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Lets projection tests in other packages build and drive the read-model writer as the consumer does. */
public final class ReadModelsForTests {
    private static final AtomicLong OFFSETS = new AtomicLong();

    private ReadModelsForTests() {
    }

    public static ReadModels over(MongoTemplate mongo) {
        return new ReadModels(mongo);
    }

    /** A position no other test event holds, as the topic gives each record its own offset. */
    public static Position nextPosition() {
        return new Position(0, OFFSETS.incrementAndGet());
    }

    /** The projections applied to each event in a batch of its own, as the consumer applies a polled batch. */
    public static Projection batched(ReadModels readModels, Projection... projections) {
        List<Projection> all = List.of(projections);
        return event -> readModels.inBatch(() -> all.forEach(projection -> projection.apply(event)));
    }
}
