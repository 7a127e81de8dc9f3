package org.campaignledger.kernel.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * The reader for what clients send: a value is taken only in its own JSON shape, so {@code 5} is no enum (by
 * index), no string and no date, {@code "5"} no number, {@code 1.5} no integer, {@code {}} no identifier, and a
 * field the target does not have, a repeated key or anything after the document is refused. Jackson's defaults
 * coerce all of these silently.
 *
 * <p>Only request bodies are read with it. The serialisers that read back JSON the services wrote themselves
 * (Axon's event store, tokens and deadlines, the Kafka records on the query side) keep the lenient global mapper,
 * so an event written by a newer producer with one more field still projects.
 */
public final class StrictJson {
    private static final LogicalType[] SCALARS = {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
            LogicalType.Boolean, LogicalType.Enum, LogicalType.DateTime, LogicalType.OtherScalar};

    private StrictJson() {
    }

    /** A strict copy of {@code base}: its modules and naming, none of its leniency. {@code base} is unchanged. */
    public static ObjectMapper copyOf(ObjectMapper base) {
        ObjectMapper strict = base.copy();
        strict.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
                .configure(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, true)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
                .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false)
                .configure(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS, false)
                .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, false)
                .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE, false)
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
                .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, false)
                .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, false)
                .setDefaultLeniency(false);
        strict.registerModule(new SimpleModule("strict-values").setDeserializerModifier(new StrictValues()));
        strict.getFactory().configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature(), true);
        strict.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setAcceptBlankAsEmpty(false);
        for (LogicalType scalar : SCALARS) {
            strict.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail)
                    .setAcceptBlankAsEmpty(false);
        }
        // Each scalar is read from its own shape: a JSON string for text, enums, dates and ids, a JSON number for
        // numbers (an integer one for integers), true or false for booleans.
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.EmptyString,
                CoercionAction.TryConvert);
        return strict;
    }

    /**
     * java.time values as ISO strings only (Jackson also reads dates from numbers and from arrays like
     * [2014,3,1]); primitives refuse an explicit null but keep their default when absent, as absent flags are
     * false. FAIL_ON_NULL_FOR_PRIMITIVES would refuse both.
     */
    private static final class StrictValues extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type.isPrimitive()) {
                return new NotNull(type, deserializer);
            }
            return type.getPackageName().equals("java.time") ? new TextOnly(type, deserializer) : deserializer;
        }
    }

    private static final class NotNull extends StdDeserializer<Object> {
        private final JsonDeserializer<?> delegate;

        NotNull(Class<?> type, JsonDeserializer<?> delegate) {
            super(type);
            this.delegate = delegate;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return delegate.deserialize(p, ctxt);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return ctxt.reportInputMismatch(this, "null is not a %s", handledType().getName());
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) throws JsonMappingException {
            return delegate.getNullValue(ctxt);
        }
    }

    private static final class TextOnly extends StdDeserializer<Object> implements ContextualDeserializer,
            ResolvableDeserializer {
        private final JsonDeserializer<?> delegate;

        TextOnly(Class<?> type, JsonDeserializer<?> delegate) {
            super(type);
            this.delegate = delegate;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return delegate.deserialize(p, ctxt);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = delegate instanceof ContextualDeserializer c
                    ? c.createContextual(ctxt, property) : delegate;
            return contextual == delegate ? this : new TextOnly(handledType(), contextual);
        }

        @Override
        public void resolve(DeserializationContext ctxt) throws JsonMappingException {
            if (delegate instanceof ResolvableDeserializer r) {
                r.resolve(ctxt);
            }
        }
    }
}
