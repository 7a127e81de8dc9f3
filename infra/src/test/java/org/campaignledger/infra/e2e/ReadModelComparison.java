package org.campaignledger.infra.e2e;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.bson.Document;

/**
 * Two read-model databases compared document by document, every {@code rm_*} collection, content only: the
 * bookkeeping a projection keeps to apply each event once (positions, last event seen, counted ids) says how a
 * document was built, not what it says, and differs between a consumer that crashed and one that did not.
 */
final class ReadModelComparison {
    /**
     * The bookkeeping fields, at any depth. The query side's engine is changing them: adjust this one rule when it
     * does.
     */
    static final Predicate<String> BOOKKEEPING = field -> field.startsWith("_")
            || Set.of("lastEventId", "lastGlobalSequence").contains(field);

    private ReadModelComparison() {
    }

    /** Every difference, one line each: a document on one side only, or a document whose content differs. */
    static List<String> differences(MongoDatabase expected, MongoDatabase actual) {
        Set<String> collections = new TreeSet<>();
        expected.listCollectionNames().forEach(collections::add);
        actual.listCollectionNames().forEach(collections::add);
        List<String> differences = new ArrayList<>();
        for (String collection : collections) {
            if (!collection.startsWith("rm_")) {
                continue;
            }
            Map<Object, Document> want = byId(expected, collection);
            Map<Object, Document> have = byId(actual, collection);
            for (Map.Entry<Object, Document> doc : want.entrySet()) {
                Document other = have.get(doc.getKey());
                if (other == null) {
                    differences.add(collection + " " + doc.getKey() + ": missing");
                } else if (!other.equals(doc.getValue())) {
                    differences.add(collection + " " + doc.getKey() + ": " + other.toJson() + " instead of "
                            + doc.getValue().toJson());
                }
            }
            have.keySet().stream().filter(id -> !want.containsKey(id))
                    .forEach(id -> differences.add(collection + " " + id + ": unexpected"));
        }
        return differences;
    }

    private static Map<Object, Document> byId(MongoDatabase db, String collection) {
        Map<Object, Document> documents = new LinkedHashMap<>();
        db.getCollection(collection).find().forEach(d -> documents.put(d.get("_id"), content(d)));
        return documents;
    }

    private static Document content(Document document) {
        Document content = new Document();
        document.forEach((field, value) -> {
            if (!BOOKKEEPING.test(field)) {
                content.put(field, contentOf(value));
            }
        });
        return content;
    }

    private static Object contentOf(Object value) {
        if (value instanceof Document nested) {
            return content(nested);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ReadModelComparison::contentOf).toList();
        }
        return value;
    }
}
