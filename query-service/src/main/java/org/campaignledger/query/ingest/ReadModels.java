package org.campaignledger.query.ingest;

import com.mongodb.MongoServerException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The three idempotent write patterns every projection uses. Each is a single-document operation, atomic on
 * any MongoDB (and on the wire-compatible dev server, which has no multi-document transactions).
 */
@Component
public class ReadModels {
    private static final int DUPLICATE_KEY = 11000;
    public static final String LAST_SEQUENCE = "lastSequence";

    private final MongoTemplate mongo;

    public ReadModels(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Creates the document of an aggregate's first event; a re-delivery finds it there and changes nothing. */
    public void insertOnce(String collection, LedgerEvent event, Document document) {
        document.append(LAST_SEQUENCE, event.aggregateSequence())
                .append("lastEventId", event.eventId())
                .append("lastGlobalSequence", event.globalSequence());
        try {
            mongo.getCollection(collection).insertOne(document);
        } catch (MongoServerException e) {
            if (e.getCode() != DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * Applies an aggregate's later event to its document only if the document has not seen this sequence yet.
     * Returns whether it applied.
     */
    public boolean updateInOrder(String collection, String id, LedgerEvent event, Bson... updates) {
        List<Bson> all = new ArrayList<>(List.of(updates));
        all.add(Updates.set(LAST_SEQUENCE, event.aggregateSequence()));
        all.add(Updates.set("lastEventId", event.eventId()));
        all.add(Updates.set("lastGlobalSequence", event.globalSequence()));
        return mongo.getCollection(collection).updateOne(
                Filters.and(Filters.eq("_id", id), Filters.lt(LAST_SEQUENCE, event.aggregateSequence())),
                Updates.combine(all)).getModifiedCount() == 1;
    }

    /**
     * Adds counters to a shared document (fed by many aggregates) exactly once per event: the document records
     * the ids of the events it has counted, and the guard and the increment are one atomic update.
     */
    public void countOnce(String collection, String id, LedgerEvent event, Document onInsert, Document increments) {
        List<Bson> updates = new ArrayList<>();
        increments.forEach((field, by) -> updates.add(Updates.inc(field, (Number) by)));
        updates.add(Updates.push("countedEventIds", event.eventId()));
        onInsert.forEach((field, value) -> updates.add(Updates.setOnInsert(field, value)));
        try {
            mongo.getCollection(collection).updateOne(
                    Filters.and(Filters.eq("_id", id), Filters.ne("countedEventIds", event.eventId())),
                    Updates.combine(updates), new UpdateOptions().upsert(true));
        } catch (MongoServerException e) {
            // The document exists and has counted this event already: the upsert's insert hit the _id.
            if (e.getCode() != DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    public Document find(String collection, String id) {
        return mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
    }
}
