package org.campaignledger.query.platform;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.query.ingest.ReadModels;

/** One page of a read model: {@code items}, {@code page}, {@code size}, {@code total}. */
public final class Paging {
    public static final int MAX_SIZE = 500;
    /**
     * The furthest a page may start. Deeper offsets are refused rather than computed: an int {@code page * size}
     * wrapped around to the first page, and skipping millions of documents is no way to read a read model anyway.
     */
    public static final long MAX_OFFSET = 1_000_000;

    private Paging() {
    }

    /** One document by id, or a 404 problem naming {@code what} was looked for. */
    public static Document one(MongoCollection<Document> collection, String id, String what) {
        Document document = collection.find(new Document("_id", id)).projection(ReadModels.WITHOUT_BOOKKEEPING)
                .first();
        if (document == null) {
            throw new NotFoundException("no " + what + " " + id);
        }
        return document;
    }

    /** The documents of a page answered by {@link #page}, to complete them in place. */
    @SuppressWarnings("unchecked")
    public static List<Document> items(Map<String, Object> page) {
        return (List<Document>) page.get("items");
    }

    public static Map<String, Object> page(MongoCollection<Document> collection, Bson filter, Bson sort, int page,
                                           int size) {
        if (page < 0) {
            throw new BadRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadRequestException("size", "must be between 1 and " + MAX_SIZE);
        }
        long offset = (long) page * size;
        if (offset > MAX_OFFSET) {
            throw new BadRequestException("page", "must be at most " + MAX_OFFSET / size + " for size " + size
                    + " (pages start at most " + MAX_OFFSET + " items in)");
        }
        List<Document> items = collection.find(filter).sort(sort).skip((int) offset).limit(size)
                .projection(ReadModels.WITHOUT_BOOKKEEPING).into(new ArrayList<>());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("page", page);
        body.put("size", size);
        body.put("total", collection.countDocuments(filter));
        return body;
    }
}
