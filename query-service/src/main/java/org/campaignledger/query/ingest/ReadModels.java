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

    /**
     * Creates the document of an aggregate's first event; a re-delivery finds it there and changes nothing. A
     * document that other aggregates' events created first through {@link #countOnce} or {@link #setIfNewer}
     * (they may arrive earlier) has no sequence yet: the first event's fields are added beside what it holds.
     */
    public void insertOnce(String collection, LedgerEvent event, Document document) {
        document.append(LAST_SEQUENCE, event.aggregateSequence())
                .append("lastEventId", event.eventId())
                .append("lastGlobalSequence", event.globalSequence());
        List<Bson> fields = new ArrayList<>();
        document.forEach((field, value) -> {
            if (!field.equals("_id")) {
                fields.add(Updates.set(field, value));
            }
        });
        upsertGuarded(collection, Filters.and(Filters.eq("_id", document.get("_id")), Filters.exists(LAST_SEQUENCE, false)),
                Updates.combine(fields));
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
     * Adds counters to a shared document (fed by many aggregates) exactly once per {@code countId} (an event id,
     * or an event id plus a suffix when one event touches a document twice): the document records the ids it has
     * counted, and the guard, the increments and any {@code more} updates are one atomic update.
     */
    public void countOnce(String collection, String id, String countId, Document onInsert, Document increments,
                          Bson... more) {
        List<Bson> updates = new ArrayList<>();
        increments.forEach((field, by) -> updates.add(Updates.inc(field, (Number) by)));
        updates.add(Updates.push("countedEventIds", countId));
        onInsert.forEach((field, value) -> updates.add(Updates.setOnInsert(field, value)));
        updates.addAll(List.of(more));
        upsertGuarded(collection, Filters.and(Filters.eq("_id", id), Filters.ne("countedEventIds", countId)),
                Updates.combine(updates));
    }

    /**
     * Sets fields of a shared document that another aggregate's events own, unless the document already holds a
     * value written at {@code version} or later (kept in {@code versionField}): re-delivered and stale events
     * change nothing, whatever order the aggregates' events arrive in.
     */
    public void setIfNewer(String collection, String id, String versionField, long version, Bson... updates) {
        List<Bson> all = new ArrayList<>(List.of(updates));
        all.add(Updates.set(versionField, version));
        upsertGuarded(collection, Filters.and(Filters.eq("_id", id), Filters.or(Filters.lt(versionField, version),
                Filters.exists(versionField, false))), Updates.combine(all));
    }

    /**
     * An upsert whose filter holds a guard. When the document exists but the guard fails, the upsert's insert hits
     * the _id; the same update is then tried once on the existing document, which applies it if another writer
     * created the document in between, and otherwise finds the guard failing again and changes nothing.
     */
    private void upsertGuarded(String collection, Bson filter, Bson update) {
        try {
            mongo.getCollection(collection).updateOne(filter, update, new UpdateOptions().upsert(true));
        } catch (MongoServerException e) {
            if (e.getCode() != DUPLICATE_KEY) {
                throw e;
            }
            mongo.getCollection(collection).updateOne(filter, update);
        }
    }

    public Document find(String collection, String id) {
        return mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
    }
}
