package id.sinergi.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Kubernetes label selectors (matchLabels and matchExpressions), matched as the API server matches them. */
final class LabelSelector {

    private LabelSelector() {}

    /** Whether the selector selects these labels; an empty selector selects everything. */
    static boolean matches(JsonNode selector, JsonNode labels) {
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        selector.path("matchLabels").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!labels.path(entry.getKey())
                    .asText("\0")
                    .equals(entry.getValue().asText())) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            Set<String> values = new HashSet<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean has = labels.has(key);
            boolean in = has && values.contains(labels.get(key).asText());
            boolean ok =
                    switch (expression.path("operator").asText()) {
                        case "In" -> in;
                        case "NotIn" -> !in;
                        case "Exists" -> has;
                        case "DoesNotExist" -> !has;
                        default -> false;
                    };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether the selector names no label at all (and so selects every pod of its namespace). */
    static boolean isEmpty(JsonNode selector) {
        return selector.path("matchLabels").isEmpty()
                && selector.path("matchExpressions").isEmpty();
    }

    /** Every label key the selector names. */
    static Set<String> keys(JsonNode selector) {
        Set<String> keys = new HashSet<>();
        selector.path("matchLabels").fieldNames().forEachRemaining(keys::add);
        selector.path("matchExpressions").forEach(e -> keys.add(e.path("key").asText()));
        return keys;
    }
}
