package org.campaignledger.command.pipeline;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/** How a problem names the part of a body that failed to map, and what was expected there. */
final class JsonPaths {
    private JsonPaths() {
    }

    /** The failing field as a JSON path from the body, e.g. {@code members[1].personId}; {@code body} if none. */
    static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** What a value of {@code type} looks like in JSON, for the problem's message. */
    static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "a JSON integer";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a JSON number";
        }
        if (TemporalAccessor.class.isAssignableFrom(type) || type.getPackageName().equals("java.time")) {
            return "an ISO-8601 " + type.getSimpleName() + " as a JSON string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (type == String.class || isScalar(type) || !type.isRecord() && !Map.class.isAssignableFrom(type)) {
            return "a JSON string";
        }
        return "a JSON object";
    }

    /** A value type written as one JSON string, like the typed identifiers. */
    static boolean isScalar(Class<?> type) {
        return type.isRecord() && type.getRecordComponents().length == 1
                && type.getRecordComponents()[0].getType() == String.class;
    }
}
