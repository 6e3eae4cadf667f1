package dev.siyu.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.siyu.core.id.TypedId;
import dev.siyu.core.money.Money;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * The one Jackson mapper of Siyu (DESIGN §2.8): no default typing, tight read limits, duplicate
 * keys and unknown properties rejected, floating-point numbers read as {@link BigDecimal}, trailing
 * tokens rejected. Ids are written as their text and money as {@code {"amount":"12.30","currency":"CNY"}}.
 */
final class HardenedMapper {

    /** Deepest nesting a document may have. */
    static final int MAX_DEPTH = 64;
    /** Largest document accepted, in characters. */
    static final long MAX_DOCUMENT_LENGTH = 4L * 1024 * 1024;
    /** Longest string value accepted. */
    static final int MAX_STRING_LENGTH = 64 * 1024;
    /** Longest number literal accepted, in digits. */
    static final int MAX_NUMBER_LENGTH = 64;

    static final JsonMapper MAPPER = build();

    private HardenedMapper() {
    }

    private static JsonMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        SimpleModule siyu = new SimpleModule("siyu");
        siyu.setDeserializers(new IdDeserializers());
        siyu.addSerializer(TypedId.class, new IdSerializer());
        siyu.addSerializer(Money.class, new MoneySerializer());
        siyu.addDeserializer(Money.class, new MoneyDeserializer());
        return JsonMapper.builder(factory)
                .deactivateDefaultTyping()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(siyu)
                .build();
    }

    /**
     * Reads any id type (a record implementing {@link TypedId} with one {@code String} component,
     * in core or in another Siyu module) from its bare text through its validating constructor.
     * The class comes from the declared type of the field being read, never from the document.
     */
    private static final class IdDeserializers extends SimpleDeserializers {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                BeanDescription beanDesc) throws JsonMappingException {
            Class<?> raw = type.getRawClass();
            if (TypedId.class.isAssignableFrom(raw) && raw.isRecord()) {
                RecordComponent[] components = raw.getRecordComponents();
                if (components.length == 1 && components[0].getType() == String.class) {
                    try {
                        return new IdDeserializer(raw, raw.getConstructor(String.class));
                    } catch (NoSuchMethodException e) {
                        throw new IllegalStateException("id record must have a public constructor: " + raw.getName(), e);
                    }
                }
            }
            return super.findBeanDeserializer(type, config, beanDesc);
        }
    }

    private static final class IdDeserializer extends StdDeserializer<Object> {
        private static final long serialVersionUID = 1L;

        private final transient Constructor<?> constructor;

        IdDeserializer(Class<?> type, Constructor<?> constructor) {
            super(type);
            this.constructor = constructor;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            try {
                return constructor.newInstance(p.getText());
            } catch (InvocationTargetException e) {
                return ctxt.handleWeirdStringValue(handledType(), p.getText(), String.valueOf(e.getCause().getMessage()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("id record must be constructible: " + handledType().getName(), e);
            }
        }
    }

    private static final class IdSerializer extends StdSerializer<TypedId> {
        private static final long serialVersionUID = 1L;

        IdSerializer() {
            super(TypedId.class);
        }

        @Override
        public void serialize(TypedId value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.value());
        }
    }

    private static final class MoneySerializer extends StdSerializer<Money> {
        private static final long serialVersionUID = 1L;

        MoneySerializer() {
            super(Money.class);
        }

        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("amount", value.amount().toPlainString());
            gen.writeStringField("currency", value.currency().getCurrencyCode());
            gen.writeEndObject();
        }
    }

    private static final class MoneyDeserializer extends StdDeserializer<Money> {
        private static final long serialVersionUID = 1L;

        MoneyDeserializer() {
            super(Money.class);
        }

        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            // ctxt.readTree reads just this value; p.readValueAsTree() would go through the mapper's
            // root-level read, whose trailing-token check fails on the fields after a nested money.
            JsonNode node = ctxt.readTree(p);
            if (node == null || !node.isObject() || node.size() != 2 || !node.path("amount").isTextual()
                    || !node.path("currency").isTextual()) {
                return (Money) ctxt.handleWeirdStringValue(Money.class, String.valueOf(node),
                        "money must be {\"amount\": \"12.30\", \"currency\": \"CNY\"}");
            }
            try {
                return Money.of(new BigDecimal(node.get("amount").asText()),
                        Currency.getInstance(node.get("currency").asText()));
            } catch (IllegalArgumentException | ArithmeticException e) {
                return (Money) ctxt.handleWeirdStringValue(Money.class, String.valueOf(node), e.getMessage());
            }
        }
    }
}
