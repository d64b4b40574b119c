package id.sinergi.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;

/**
 * Makes JSON input strict where leniency would store something the client did not mean: a number or boolean is
 * not read as text (a NIK sent as a number loses its leading zeros), text is not read as a number or boolean, a
 * number is not read as an enum's constant by its position (a review sent as {@code "outcome": 1} would sign an
 * alert off as the second outcome), a date or time is read from text alone (not from a number of seconds), and text
 * with control characters or unpaired surrogates is refused, naming the field, before it reaches a database. A
 * body that names a field twice, or has anything but white space after its value, is not well-formed JSON to
 * Sinergi.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // A field named twice is refused as malformed JSON: otherwise a record's creator fails on the repeat with
        // an InvalidDefinitionException (a 500), and two readers of one body could take different values.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // "{...} xyz" or "{...}}" is one request to the client that sent it by mistake, not a valid body.
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(number)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("sinergi-clean-text")
                .addDeserializer(String.class, new Clean())
                .setDeserializerModifier(new TimeFromTextOnly()));
    }

    /** Has every java.time value read from a JSON string only: a number would be taken as seconds or days. */
    static final class TimeFromTextOnly extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
            return beanDesc.getBeanClass().getPackageName().equals("java.time")
                    ? new TextOnly(deserializer)
                    : deserializer;
        }
    }

    /** A deserializer that takes a JSON string only, and otherwise reads as the one it wraps. */
    static final class TextOnly extends DelegatingDeserializer {

        TextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            if (handledType() == Instant.class) {
                Instant plain = PlainInstant.parse(p.getText());
                if (plain != null) {
                    return plain;
                }
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** Reads a string as Jackson does, then refuses it unless {@link CleanText#isClean}. */
    static final class Clean extends StdScalarDeserializer<String> {

        Clean() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && !CleanText.isClean(value)) {
                throw InvalidFormatException.from(p, "text with a control character", value, String.class);
            }
            return value;
        }
    }
}
