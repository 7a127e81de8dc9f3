package org.campaignledger.query.platform;

import com.mongodb.MongoException;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Creates a read model's indexes when the service is ready; creating an existing index changes nothing. A store
 * that is away then only costs the indexes until the next start, not the start itself.
 */
public final class ReadModelIndexes {
    private static final Logger LOG = LoggerFactory.getLogger(ReadModelIndexes.class);

    private ReadModelIndexes() {
    }

    public static void ensure(MongoTemplate mongo, String collection, Bson... indexes) {
        try {
            for (Bson keys : indexes) {
                mongo.getCollection(collection).createIndex(keys);
            }
        } catch (MongoException e) {
            LOG.warn("indexes of {} not created, the queries still work, only slower: {}", collection, e.getMessage());
        }
    }
}
