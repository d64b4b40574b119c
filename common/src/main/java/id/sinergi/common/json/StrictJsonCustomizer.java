package id.sinergi.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Makes JSON input strict where leniency would store something the client did not mean: a number or boolean is
 * not read as text (a NIK sent as a number loses its leading zeros), and text with control characters or
 * unpaired surrogates is refused, naming the field, before it reaches a database. A body that names a field twice
 * is not well-formed JSON to Sinergi.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // A field named twice is refused as malformed JSON: otherwise a record's creator fails on the repeat with
        // an InvalidDefinitionException (a 500), and two readers of one body could take different values.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("sinergi-clean-text").addDeserializer(String.class, new Clean()));
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
