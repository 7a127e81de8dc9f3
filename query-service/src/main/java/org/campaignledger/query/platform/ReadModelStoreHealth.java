package org.campaignledger.query.platform;

import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Health of the read-model store by {@code ping}, which every MongoDB-wire server answers; Boot's own indicator
 * sends {@code hello}, which the embedded wire server does not implement.
 */
@Component("readModelStore")
class ReadModelStoreHealth implements HealthIndicator {
    private final MongoTemplate mongo;

    ReadModelStoreHealth(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Health health() {
        try {
            mongo.getDb().runCommand(new Document("ping", 1));
            return Health.up().withDetail("database", mongo.getDb().getName()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
