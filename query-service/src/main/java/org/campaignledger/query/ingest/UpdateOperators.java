package org.campaignledger.query.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

/**
 * Applies MongoDB update operators to a document held in memory, so that a batch of events can be folded into its
 * documents before one bulk write (ADR 0014). Projections keep writing the operators they always wrote
 * ({@code Updates.set}, {@code inc}, {@code push} …); this class gives them MongoDB's meaning for the subset the
 * projections use, and refuses any other operator rather than guess.
 */
final class UpdateOperators {
    private final CodecRegistry codecs;

    UpdateOperators(CodecRegistry codecs) {
        this.codecs = codecs;
    }

    /** Applies {@code update} to {@code target}; {@code inserting} says whether {@code $setOnInsert} applies. */
    void apply(Document target, Bson update, boolean inserting) {
        BsonDocument operators = update.toBsonDocument(Document.class, codecs);
        Document decoded = codecs.get(Document.class).decode(operators.asBsonReader(), DecoderContext.builder().build());
        for (Map.Entry<String, Object> operator : decoded.entrySet()) {
            Document fields = (Document) operator.getValue();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                apply(target, operator.getKey(), field.getKey(), field.getValue(), inserting);
            }
        }
    }

    private static void apply(Document target, String operator, String path, Object value, boolean inserting) {
        Document parent = parentOf(target, path);
        String leaf = path.substring(path.lastIndexOf('.') + 1);
        switch (operator) {
            case "$set" -> parent.put(leaf, value);
            case "$setOnInsert" -> {
                if (inserting) {
                    parent.put(leaf, value);
                }
            }
            case "$unset" -> parent.remove(leaf);
            case "$inc" -> parent.put(leaf, add((Number) parent.get(leaf), (Number) value));
            case "$max" -> {
                Object current = parent.get(leaf);
                if (current == null || compare((Number) value, (Number) current) > 0) {
                    parent.put(leaf, value);
                }
            }
            case "$push" -> parent.put(leaf, pushed(listAt(parent, leaf), value));
            case "$addToSet" -> {
                List<Object> list = listAt(parent, leaf);
                for (Object element : each(value)) {
                    if (!list.contains(element)) {
                        list.add(element);
                    }
                }
                parent.put(leaf, list);
            }
            case "$pull" -> {
                List<Object> list = listAt(parent, leaf);
                list.removeIf(element -> matches(element, value));
                parent.put(leaf, list);
            }
            default -> throw new IllegalArgumentException("update operator " + operator
                    + " is not supported by batched projections; add it to " + UpdateOperators.class.getSimpleName());
        }
    }

    /** {@code $pull}'s condition: a document pulls the elements holding each of its fields, a value its equals. */
    private static boolean matches(Object element, Object condition) {
        if (condition instanceof Document fields && element instanceof Document candidate) {
            return fields.entrySet().stream()
                    .allMatch(field -> Objects.equals(candidate.get(field.getKey()), field.getValue()));
        }
        return Objects.equals(element, condition);
    }

    /** The document holding the path's last step; a numeric step indexes into an array, as in MongoDB. */
    private static Document parentOf(Document target, String path) {
        Object parent = target;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            Object next;
            if (parent instanceof List<?> list) {
                next = list.get(Integer.parseInt(steps[i]));
            } else {
                Document document = (Document) parent;
                next = document.get(steps[i]);
                if (next == null) {
                    next = new Document();
                    document.put(steps[i], next);
                }
            }
            parent = next;
        }
        if (!(parent instanceof Document document)) {
            throw new IllegalArgumentException("the path " + path + " does not lead into a document");
        }
        return document;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listAt(Document parent, String leaf) {
        Object current = parent.get(leaf);
        return current == null ? new ArrayList<>() : new ArrayList<>((List<Object>) current);
    }

    /** {@code $push} of one value, or of {@code {$each, $slice}} keeping the last {@code -slice} elements. */
    private static List<Object> pushed(List<Object> list, Object value) {
        if (value instanceof Document modifiers && modifiers.containsKey("$each")) {
            list.addAll(each(value));
            Number slice = (Number) modifiers.get("$slice");
            if (slice != null && slice.intValue() < 0 && list.size() > -slice.intValue()) {
                return new ArrayList<>(list.subList(list.size() + slice.intValue(), list.size()));
            }
            return list;
        }
        list.add(value);
        return list;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> each(Object value) {
        if (value instanceof Document modifiers && modifiers.containsKey("$each")) {
            return (List<Object>) modifiers.get("$each");
        }
        return List.of(value);
    }

    /** MongoDB's $inc arithmetic: int stays int until it overflows, long stays long, any double makes a double. */
    private static Number add(Number current, Number by) {
        if (current == null) {
            return by;
        }
        if (current instanceof Double || by instanceof Double) {
            return current.doubleValue() + by.doubleValue();
        }
        long sum = Math.addExact(current.longValue(), by.longValue());
        if (current instanceof Integer && by instanceof Integer && sum == (int) sum) {
            return (int) sum;
        }
        return sum;
    }

    private static int compare(Number a, Number b) {
        if (a instanceof Double || b instanceof Double) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return Long.compare(a.longValue(), b.longValue());
    }
}
