package id.sinergi.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.common.json.CleanText;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Checks {@link SmallJsonObject}; the message names the rule broken, never the value. */
public class SmallJsonObjectValidator implements ConstraintValidator<SmallJsonObject, JsonNode> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private int maxBytes;
    private int maxDepth;

    @Override
    public void initialize(SmallJsonObject constraint) {
        maxBytes = constraint.maxBytes();
        maxDepth = constraint.maxDepth();
    }

    @Override
    public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String broken = brokenRule(value);
        if (broken == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(broken).addConstraintViolation();
        return false;
    }

    /** Which rule the value breaks, or null. */
    String brokenRule(JsonNode value) {
        if (!value.isObject()) {
            return "must be a JSON object";
        }
        if (depth(value) > maxDepth) {
            return "must not nest deeper than " + maxDepth + " levels";
        }
        if (!clean(value)) {
            return "must not contain control characters or unpaired surrogates";
        }
        if (utf8Length(value) > maxBytes) {
            return "must take at most " + maxBytes + " bytes as compact JSON";
        }
        return null;
    }

    /** Levels of objects and arrays: a scalar is 0, an object of scalars 1. */
    static int depth(JsonNode node) {
        if (!node.isContainerNode()) {
            return 0;
        }
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
    }

    private static boolean clean(JsonNode node) {
        if (node.isTextual()) {
            return CleanText.isClean(node.textValue());
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (!CleanText.isClean(member.getKey()) || !clean(member.getValue())) {
                    return false;
                }
            }
            return true;
        }
        for (JsonNode child : node) {
            if (!clean(child)) {
                return false;
            }
        }
        return true;
    }

    private static int utf8Length(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            // a tree Jackson built itself always writes; count it as too large rather than let it through
            return Integer.MAX_VALUE;
        }
    }
}
