package org.campaignledger.query.ingest;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The write patterns every projection uses, applied to the documents of the current batch (ADR 0014). Each write
 * names the event it comes from; a document that has already applied that event's Kafka position ignores it, so a
 * batch applied again after a crash or a conflict changes nothing twice.
 *
 * <p>Projections call these methods from inside {@link #inBatch}; nothing reaches the store until the batch ends.
 */
@Component
public class ReadModels {
    public static final String LAST_SEQUENCE = "lastSequence";
    /** Excludes the batch's bookkeeping fields from what readers get. */
    public static final Document WITHOUT_BOOKKEEPING = new Document(ReadModelBatch.POSITIONS, 0)
            .append(ReadModelBatch.VERSION, 0);
    private static final int ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final UpdateOperators operators;
    private final ThreadLocal<ReadModelBatch> current = new ThreadLocal<>();

    public ReadModels(MongoTemplate mongo) {
        this.mongo = mongo;
        this.operators = new UpdateOperators(mongo.getDb().getCodecRegistry());
    }

    /**
     * Applies {@code work} to one batch and writes what it changed, {@code writtenLast} after everything else.
     * When another consumer changed a shared document meanwhile, {@code work} runs again on what is stored: it
     * must only apply events, which the positions make safe to repeat.
     */
    public <T> T inBatch(Set<String> writtenLast, Supplier<T> work) {
        if (current.get() != null) {
            throw new IllegalStateException("batches do not nest");
        }
        for (int attempt = 1; ; attempt++) {
            ReadModelBatch batch = new ReadModelBatch(mongo, writtenLast);
            current.set(batch);
            try {
                T result = work.get();
                batch.flush();
                return result;
            } catch (ReadModelBatch.Conflict conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
            } finally {
                current.remove();
            }
        }
    }

    public void inBatch(Runnable work) {
        inBatch(Set.of(), () -> {
            work.run();
            return null;
        });
    }

    /**
     * Creates the document of an aggregate's first event; a re-delivery finds it there and changes nothing. A
     * document that other aggregates' events created first through {@link #countOnce} or {@link #setIfNewer}
     * (they may arrive earlier) has no sequence yet: the first event's fields are added beside what it holds.
     */
    public void insertOnce(String collection, LedgerEvent event, Document document) {
        ReadModelBatch.Entry entry = admitted(collection, document.get("_id"), event);
        if (entry == null || entry.document() != null && entry.document().containsKey(LAST_SEQUENCE)) {
            return;
        }
        Document target = entry.create();
        document.forEach((field, value) -> {
            if (!field.equals("_id")) {
                target.put(field, value);
            }
        });
        stamp(target, event);
        batch().touched(collection, entry, event.position(), true);
    }

    /**
     * Applies an aggregate's later event to its document only if the document has not seen this sequence yet.
     * Returns whether it applied.
     */
    public boolean updateInOrder(String collection, String id, LedgerEvent event, Bson... updates) {
        ReadModelBatch.Entry entry = admitted(collection, id, event);
        if (entry == null || entry.document() == null) {
            return false;
        }
        Number applied = entry.document().get(LAST_SEQUENCE, Number.class);
        if (applied == null || applied.longValue() >= event.aggregateSequence()) {
            return false;
        }
        apply(entry, false, updates);
        stamp(entry.document(), event);
        batch().touched(collection, entry, event.position(), true);
        return true;
    }

    /**
     * Adds counters to a shared document (fed by many aggregates), creating it with {@code onInsert} if needed:
     * once per event, however often the event arrives.
     */
    public void countOnce(String collection, String id, LedgerEvent event, Document onInsert, Document increments,
                          Bson... more) {
        ReadModelBatch.Entry entry = admitted(collection, id, event);
        if (entry == null) {
            return;
        }
        List<Bson> updates = new ArrayList<>();
        increments.forEach((field, by) -> updates.add(Updates.inc(field, (Number) by)));
        onInsert.forEach((field, value) -> updates.add(Updates.setOnInsert(field, value)));
        updates.addAll(List.of(more));
        boolean inserting = entry.document() == null;
        entry.create();
        apply(entry, inserting, updates.toArray(Bson[]::new));
        batch().touched(collection, entry, event.position(), false);
    }

    /**
     * Sets fields of a shared document that another aggregate's events own, unless the document already holds a
     * value written at {@code version} or later (kept in {@code versionField}): re-delivered and stale events
     * change nothing, whatever order the aggregates' events arrive in.
     */
    public void setIfNewer(String collection, String id, LedgerEvent event, String versionField, long version,
                           Bson... updates) {
        ReadModelBatch.Entry entry = admitted(collection, id, event);
        if (entry == null) {
            return;
        }
        Document document = entry.create();
        Object held = valueAt(document, versionField);
        if (held instanceof Number number && number.longValue() >= version) {
            return;
        }
        apply(entry, false, updates);
        apply(entry, false, Updates.set(versionField, version));
        batch().touched(collection, entry, event.position(), false);
    }

    /** Applies {@code updates} to an existing document that has not seen this event. Returns whether it applied. */
    public boolean update(String collection, Object id, LedgerEvent event, Bson... updates) {
        ReadModelBatch.Entry entry = admitted(collection, id, event);
        if (entry == null || entry.document() == null) {
            return false;
        }
        apply(entry, false, updates);
        batch().touched(collection, entry, event.position(), false);
        return true;
    }

    /** One document as the current batch sees it, or as stored when no batch runs; {@code null} if absent. */
    public Document find(String collection, Object id) {
        ReadModelBatch batch = current.get();
        if (batch == null) {
            return mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
        }
        return batch.entry(collection, id).document();
    }

    /**
     * The documents matching {@code filter} as the current batch sees them. It writes the batch so far first: use
     * it only on rare events (a unit moved), never on a hot path.
     */
    public List<Document> query(String collection, Bson filter) {
        return batch().query(collection, filter);
    }

    private ReadModelBatch.Entry admitted(String collection, Object id, LedgerEvent event) {
        ReadModelBatch.Entry entry = batch().entry(collection, id);
        return entry.admits(event.position()) ? entry : null;
    }

    private void apply(ReadModelBatch.Entry entry, boolean inserting, Bson... updates) {
        for (Bson update : updates) {
            operators.apply(entry.document(), update, inserting);
        }
    }

    private static void stamp(Document document, LedgerEvent event) {
        document.put(LAST_SEQUENCE, event.aggregateSequence());
        document.put("lastEventId", event.eventId());
        document.put("lastGlobalSequence", event.globalSequence());
    }

    private static Object valueAt(Document document, String path) {
        Object value = document;
        for (String step : path.split("\\.")) {
            if (!(value instanceof Document parent)) {
                return null;
            }
            value = parent.get(step);
        }
        return value;
    }

    private ReadModelBatch batch() {
        ReadModelBatch batch = current.get();
        if (batch == null) {
            throw new IllegalStateException("read models are written inside ReadModels.inBatch only");
        }
        return batch;
    }
}
