package org.campaignledger.query.ingest;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The documents one batch of records touches, held in memory while the batch is applied and then written with one
 * ordered bulk write per collection (ADR 0014).
 *
 * <p>Two fields make this safe without multi-document transactions. {@code _pos} holds, per Kafka partition, the
 * offset of the last record applied to the document: a record at or below it was applied already and changes
 * nothing (the <em>baseline</em> is the value stored before this batch, so one record may touch a document several
 * times within the batch). {@code _v} is the document's version: a write replaces only the version it read, so two
 * consumers folding into the same shared document never lose each other's counts; the loser gets
 * {@link Conflict} and applies its batch again from what is stored.
 *
 * <p>The order of the writes matters when the store keeps only a prefix of them, or when a conflict stops the
 * batch half-way: a projection that finds its own document already holding an event skips the event, including
 * what the event derives into shared documents (an opinion's statistics bucket). So documents changed by derived
 * writes ({@code countOnce}, {@code setIfNewer}, {@code update}) are written before the documents their owners
 * keep in sequence ({@code insertOnce}, {@code updateInOrder}), and bookkeeping after both. Within a phase,
 * collections go in the order the batch first changed them.
 */
final class ReadModelBatch {
    static final String POSITIONS = "_pos";
    static final String VERSION = "_v";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final Set<String> writtenLast;
    private final Map<String, Map<Object, Entry>> entries = new HashMap<>();
    private final Set<String> dirtyCollections = new LinkedHashSet<>();

    /**
     * {@code writtenLast}: collections written after all others, in this order. A record's bookkeeping goes there,
     * so that a store which loses its last writes never keeps the bookkeeping of a record without its effects.
     */
    ReadModelBatch(MongoTemplate mongo, Set<String> writtenLast) {
        this.mongo = mongo;
        this.writtenLast = writtenLast;
    }

    /** One document of the batch, read from the store the first time the batch asks for it. */
    static final class Entry {
        private final Object id;
        private Document document;
        private Long version;
        private final Document baseline;
        private boolean dirty;
        private boolean owned;

        private Entry(Object id, Document stored) {
            this.id = id;
            this.document = stored;
            this.version = stored == null ? null : versionOf(stored);
            Document positions = stored == null ? null : stored.get(POSITIONS, Document.class);
            this.baseline = positions == null ? new Document() : new Document(positions);
        }

        Document document() {
            return document;
        }

        /** Creates the document when the batch is the first to write it. */
        Document create() {
            if (document == null) {
                document = new Document("_id", id);
            }
            return document;
        }

        /** Whether the record at {@code position} is new to this document as it was stored. */
        boolean admits(Position position) {
            Number applied = (Number) baseline.get(position.partitionKey());
            return applied == null || applied.longValue() < position.offset();
        }
    }

    Entry entry(String collection, Object id) {
        Map<Object, Entry> byId = entries.computeIfAbsent(collection, c -> new HashMap<>());
        Entry entry = byId.get(id);
        if (entry == null) {
            entry = new Entry(id, mongo.getCollection(collection).find(Filters.eq("_id", id)).first());
            byId.put(id, entry);
        }
        return entry;
    }

    /**
     * Marks the document as changed by the record at {@code position}; the write carries that position.
     * {@code owned}: the change is kept in its aggregate's sequence, so the document is written in the second phase.
     */
    void touched(String collection, Entry entry, Position position, boolean owned) {
        Document positions = entry.document.get(POSITIONS, Document.class);
        if (positions == null) {
            positions = new Document();
            entry.document.put(POSITIONS, positions);
        }
        Number before = (Number) positions.get(position.partitionKey());
        if (before == null || before.longValue() < position.offset()) {
            positions.put(position.partitionKey(), position.offset());
        }
        entry.dirty = true;
        entry.owned |= owned;
        dirtyCollections.add(collection);
    }

    /**
     * The documents matching {@code filter}, as this batch sees them. The batch is written first, so that the
     * store's answer includes what the batch has changed so far; a crash after that write is like any other
     * partial write, which the positions make safe to apply again.
     */
    List<Document> query(String collection, Bson filter) {
        flush();
        List<Document> found = new ArrayList<>();
        Map<Object, Entry> byId = entries.computeIfAbsent(collection, c -> new HashMap<>());
        for (Document stored : mongo.getCollection(collection).find(filter)) {
            found.add(byId.computeIfAbsent(stored.get("_id"), id -> new Entry(id, stored)).document);
        }
        return found;
    }

    /** Writes every changed document: derived writes, then owned ones, then bookkeeping (see above). */
    void flush() {
        List<String> order = dirtyCollections.stream().filter(c -> !writtenLast.contains(c)).toList();
        for (String collection : order) {
            write(collection, entry -> !entry.owned);
        }
        for (String collection : order) {
            write(collection, entry -> entry.owned);
        }
        for (String collection : writtenLast) {
            if (dirtyCollections.contains(collection)) {
                write(collection, entry -> true);
            }
        }
        dirtyCollections.clear();
    }

    private void write(String collection, Predicate<Entry> phase) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<Entry> written = new ArrayList<>();
        int replacements = 0;
        for (Entry entry : entries.get(collection).values()) {
            if (!entry.dirty || !phase.test(entry)) {
                continue;
            }
            long next = entry.version == null ? 1 : entry.version + 1;
            entry.document.put(VERSION, next);
            if (entry.version == null) {
                writes.add(new InsertOneModel<>(entry.document));
            } else {
                writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", entry.id),
                        Filters.eq(VERSION, entry.version == 0 ? null : entry.version)), entry.document));
                replacements++;
            }
            written.add(entry);
        }
        if (writes.isEmpty()) {
            return;
        }
        BulkWriteResult result;
        try {
            result = mongo.getCollection(collection).bulkWrite(writes, new BulkWriteOptions().ordered(true));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw new Conflict(collection);
            }
            throw e;
        }
        if (result.getMatchedCount() < replacements) {
            throw new Conflict(collection);
        }
        for (Entry entry : written) {
            entry.version = entry.document.get(VERSION, Number.class).longValue();
            entry.dirty = false;
            entry.owned = false;
        }
    }

    private static Long versionOf(Document stored) {
        Number version = stored.get(VERSION, Number.class);
        // Written before versions existed: matched as "no version" by the replacement's filter.
        return version == null ? 0L : version.longValue();
    }

    /** Another writer changed a document this batch read; the batch is applied again from the store. */
    static final class Conflict extends RuntimeException {
        Conflict(String collection) {
            super("a document of " + collection + " changed while this batch was applied", null, false, false);
        }
    }
}
