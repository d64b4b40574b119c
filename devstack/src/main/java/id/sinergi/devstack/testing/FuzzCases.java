package id.sinergi.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The requests {@link OpenApiFuzzer} sends to one operation: valid-shaped ones built from the operation's schemas
 * (properties, enums, formats, bounds) and mutations of them, in categories (path, query, headers, the body as a
 * whole, each body field) that are interleaved so that a bounded number of cases still reaches every category.
 */
final class FuzzCases {

    /**
     * One request: what it tries, and the request exactly as sent. {@code malformedTarget} marks a request target
     * that is no valid URI (broken percent-encoding, a request line over the server's limit), which the HTTP
     * layer refuses before any handler of the service runs.
     */
    record Case(
            String label,
            String method,
            String target,
            List<Map.Entry<String, String>> headers,
            byte[] body,
            boolean malformedTarget) {}

    /** A parameter of an operation, as the OpenAPI document declares it. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {}

    /** An operation of the OpenAPI document, with the realm roles its security requirement names. */
    record Operation(
            String method,
            String path,
            List<Parameter> parameters,
            String bodyMediaType,
            JsonNode bodySchema,
            List<String> roles) {

        String key() {
            return method.toUpperCase() + " " + path;
        }
    }

    static final List<String> INJECTIONS = List.of(
            "' OR 1=1--",
            "'; DROP TABLE x; --",
            "${jndi:ldap://127.0.0.1/x}",
            "\r\nX: y",
            "line\nINFO forged log line",
            "\"},{\"injected\":true,\"x\":\"",
            "<script>alert(1)</script>",
            "{{7*7}}#{7*7}",
            "%s%s%n%x",
            "../../../../etc/passwd",
            "=HYPERLINK(\"http://127.0.0.1/x\")",
            "\\u0000\\\\");

    static final List<String> UNICODE = List.of(
            Normalizer.normalize("Ni Luh Putu Cafe\u0301 Ayu", Normalizer.Form.NFD),
            Normalizer.normalize("Ni Luh Putu Caf\u00e9 Ayu", Normalizer.Form.NFC),
            "Ah\u200bmad\u200d Su\u200cyono\ufeff",
            "Ahmad \u202eonoyuS\u202c \u2066x\u2069",
            "Ah\u0000mad",
            "Siti\u0007\u0008\u001b[31m Aminah\u007f",
            "\ud83d\ude00 \ud800",
            " \t ",
            "");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int DEEP = 10_000;

    private final ObjectMapper json;
    private final JsonNode schemas;
    private final Map<String, String> knownValues;
    private final Map<String, JsonNode> knownBodies;
    private final Random random;

    FuzzCases(
            ObjectMapper json,
            JsonNode schemas,
            Map<String, String> knownValues,
            Map<String, JsonNode> knownBodies,
            long seed) {
        this.json = json;
        this.schemas = schemas;
        this.knownValues = knownValues;
        this.knownBodies = knownBodies;
        this.random = new Random(seed);
    }

    /** Up to {@code budget} cases for the operation, the valid-shaped ones first. */
    List<Case> of(Operation op, String token, int budget) {
        Request base = valid(op, token, false);
        List<Case> cases = new ArrayList<>();
        cases.add(base.toCase("valid-shaped (required parameters)"));
        if (op.parameters().stream().anyMatch(p -> !p.required() && p.in().equals("query"))) {
            cases.add(valid(op, token, true).toCase("valid-shaped (every parameter)"));
        }

        List<List<Case>> categories = new ArrayList<>();
        op.parameters().stream()
                .filter(p -> p.in().equals("path"))
                .forEach(p -> categories.add(pathMutations(base, p)));
        op.parameters().stream()
                .filter(p -> p.in().equals("query"))
                .forEach(p -> categories.add(queryMutations(base, p)));
        categories.add(headerMutations(op, base));
        if (op.bodySchema() != null) {
            categories.add(wholeBodyMutations(base));
            fieldMutations(base, resolve(op.bodySchema()), base.body, "", categories, 0);
        }
        categories.forEach(c -> {
            if (c.size() > 3) {
                Collections.shuffle(c.subList(3, c.size()), random);
            }
        });

        List<Iterator<Case>> rounds =
                new ArrayList<>(categories.stream().map(List::iterator).toList());
        while (cases.size() < budget && !rounds.isEmpty()) {
            for (Iterator<Iterator<Case>> it = rounds.iterator(); it.hasNext() && cases.size() < budget; ) {
                Iterator<Case> round = it.next();
                if (round.hasNext()) {
                    cases.add(round.next());
                } else {
                    it.remove();
                }
            }
        }
        return cases;
    }

    /** A request whose parts can be replaced one at a time. */
    private final class Request {
        final String method;
        final String path;
        final Map<String, String> pathValues = new LinkedHashMap<>();
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        JsonNode body;

        Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Request copy() {
            Request copy = new Request(method, path);
            copy.pathValues.putAll(pathValues);
            copy.query.putAll(query);
            copy.headers.putAll(headers);
            copy.body = body == null ? null : body.deepCopy();
            return copy;
        }

        String target(Map<String, String> rawPath, String rawQuery) {
            String target = path;
            for (Map.Entry<String, String> e : pathValues.entrySet()) {
                String value = rawPath.containsKey(e.getKey()) ? rawPath.get(e.getKey()) : encode(e.getValue());
                target = target.replace("{" + e.getKey() + "}", value);
            }
            StringBuilder q = new StringBuilder();
            query.forEach((name, value) -> q.append(q.isEmpty() ? "" : "&")
                    .append(encode(name))
                    .append('=')
                    .append(encode(value)));
            if (rawQuery != null) {
                q.append(q.isEmpty() ? "" : "&").append(rawQuery);
            }
            return q.isEmpty() ? target : target + "?" + q;
        }

        Case toCase(String label) {
            return toCase(label, Map.of(), null, bodyBytes());
        }

        Case toCase(String label, byte[] rawBody) {
            return toCase(label, Map.of(), null, rawBody);
        }

        Case toCase(String label, Map<String, String> rawPath, String rawQuery, byte[] rawBody) {
            List<Map.Entry<String, String>> list = new ArrayList<>();
            headers.forEach((k, v) -> list.add(Map.entry(k, v)));
            String target = target(rawPath, rawQuery);
            boolean malformed = target.length() > 4000
                    || Pattern.compile("%(?![0-9A-Fa-f]{2})").matcher(target).find();
            return new Case(label, method, target, List.copyOf(list), rawBody, malformed);
        }

        byte[] bodyBytes() {
            if (body == null) {
                return method.equals("GET") || method.equals("DELETE") ? null : new byte[0];
            }
            try {
                return json.writeValueAsBytes(body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Request valid(Operation op, String token, boolean everyParameter) {
        Request r = new Request(op.method().toUpperCase(), op.path());
        if (token != null) {
            r.headers.put("Authorization", "Bearer " + token);
        }
        r.headers.put("Accept", "application/json");
        for (Parameter p : op.parameters()) {
            String value = knownValues.getOrDefault(p.name(), text(valueOf(resolve(p.schema()), 0)));
            switch (p.in()) {
                case "path" -> r.pathValues.put(p.name(), value);
                case "query" -> {
                    if (p.required() || everyParameter) {
                        r.query.put(p.name(), value);
                    }
                }
                case "header" -> {
                    if (p.required() || everyParameter) {
                        r.headers.put(p.name(), value);
                    }
                }
                default -> {}
            }
        }
        if (op.bodySchema() != null) {
            r.headers.put("Content-Type", op.bodyMediaType());
            JsonNode known = knownBodies.get(op.key());
            r.body = known != null ? known.deepCopy() : valueOf(resolve(op.bodySchema()), 0);
        }
        return r;
    }

    private List<Case> pathMutations(Request base, Parameter p) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("not a UUID", "not-a-uuid");
        raw.put("dot segments", "..%2F..%2Fq%2Fhealth");
        raw.put("literal ../", "../x");
        raw.put("NUL", "%00");
        raw.put("bad percent-encoding", "%zz");
        raw.put("SQL injection", encode("' OR 1=1--"));
        raw.put("zero-width", "%E2%80%8B" + UUID.randomUUID());
        raw.put("long", "a".repeat(3000));
        raw.put("over the request line limit", "a".repeat(5000));
        raw.put("nil UUID", "00000000-0000-0000-0000-000000000000");
        raw.put("random UUID", UUID.randomUUID().toString());
        raw.put("upper-case UUID", UUID.randomUUID().toString().toUpperCase());
        raw.put("CRLF", "%0D%0AX:%20y");
        raw.forEach((label, value) -> cases.add(
                base.toCase("path " + p.name() + ": " + label, Map.of(p.name(), value), null, base.bodyBytes())));
        return cases;
    }

    private List<Case> queryMutations(Request base, Parameter p) {
        List<Case> cases = new ArrayList<>();
        JsonNode schema = resolve(p.schema());
        List<String> values = new ArrayList<>(
                List.of("", "not-a-value", "-1", "0", "99999999999999999999", "1e400", "NaN", "2026-13-45T99:99:99Z"));
        if (schema.has("enum")) {
            values.add(schema.get("enum").get(0).asText().toLowerCase());
        }
        values.addAll(INJECTIONS);
        values.addAll(UNICODE);
        values.add("a".repeat(3000));
        for (String value : values) {
            Request r = base.copy();
            r.query.put(p.name(), value);
            cases.add(r.toCase("query " + p.name() + "=" + shorten(value)));
        }
        Request twice = base.copy();
        twice.query.remove(p.name());
        String valid = knownValues.getOrDefault(p.name(), text(valueOf(schema, 0)));
        cases.add(twice.toCase(
                "query " + p.name() + " twice",
                Map.of(),
                encode(p.name()) + "=" + encode(valid) + "&" + encode(p.name()) + "=other",
                base.bodyBytes()));
        cases.add(base.toCase(
                "query " + p.name() + " bad percent-encoding",
                Map.of(),
                encode(p.name()) + "=%zz%00",
                base.bodyBytes()));
        return cases;
    }

    private List<Case> headerMutations(Operation op, Request base) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/xml");
        headers.put("Accept ", "text/html;q=0.9, garbage/;;");
        if (op.bodySchema() != null) {
            headers.put("Content-Type", "text/plain");
            headers.put("Content-Type ", "application/xml");
            headers.put("Content-Type  ", "garbage");
            headers.put("Content-Type   ", "application/json; charset=ebcdic");
        }
        if (!base.method.equals("GET")) {
            headers.put("If-Match", "garbage");
            headers.put("If-Match ", "\"-1\"");
            headers.put("If-Match  ", "\"99999999999999999999\"");
            headers.put("If-Match   ", "W/\"1\", \"' OR 1=1--\"");
            headers.put("Idempotency-Key", "");
            headers.put("Idempotency-Key ", "k".repeat(8000));
            headers.put("Idempotency-Key  ", "' OR 1=1--");
            headers.put("Idempotency-Key   ", "kunci-\u00e9\u00e8");
        }
        headers.forEach((name, value) -> {
            Request r = base.copy();
            r.headers.put(name.strip(), value);
            cases.add(r.toCase("header " + name.strip() + ": " + shorten(value)));
        });
        if (op.bodySchema() != null) {
            Request r = base.copy();
            r.headers.remove("Content-Type");
            cases.add(r.toCase("no Content-Type"));
        }
        return cases;
    }

    private List<Case> wholeBodyMutations(Request base) {
        List<Case> cases = new ArrayList<>();
        cases.add(base.toCase("body: empty", new byte[0]));
        cases.add(base.toCase("body: not JSON", bytes("{\"a\":")));
        cases.add(base.toCase("body: deeply nested arrays", bytes("[".repeat(DEEP) + "]".repeat(DEEP))));
        cases.add(base.toCase("body: deeply nested objects", bytes("{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP))));
        cases.add(base.toCase("body: null", bytes("null")));
        cases.add(base.toCase("body: array", bytes("[]")));
        cases.add(base.toCase("body: string", bytes("\"x\"")));
        cases.add(base.toCase("body: huge number", bytes("9".repeat(5000))));
        cases.add(base.toCase(
                "body: invalid UTF-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}));
        cases.add(base.toCase("body: trailing garbage", concat(base.bodyBytes(), bytes("}{"))));
        if (base.body instanceof ObjectNode object) {
            ObjectNode unknown = object.deepCopy();
            unknown.put("unknownField", "x");
            Request r = base.copy();
            r.body = unknown;
            cases.add(r.toCase("body: unknown field"));
            String text = new String(base.bodyBytes(), StandardCharsets.UTF_8);
            if (text.length() > 2) {
                String first =
                        object.fieldNames().hasNext() ? object.fieldNames().next() : "a";
                cases.add(base.toCase("body: duplicate field", bytes("{\"" + first + "\":null," + text.substring(1))));
            }
            cases.add(base.toCase(
                    "body: BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, base.bodyBytes())));
        }
        return cases;
    }

    /** Mutations of each field of an object schema (and of nested objects, two levels down), one category each. */
    private void fieldMutations(
            Request base, JsonNode schema, JsonNode value, String prefix, List<List<Case>> into, int depth) {
        JsonNode properties = schema.path("properties");
        if (!(value instanceof ObjectNode) || !properties.isObject() || depth > 2) {
            return;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(n -> required.add(n.asText()));
        properties.fields().forEachRemaining(field -> {
            String name = field.getKey();
            String at = prefix + name;
            JsonNode fieldSchema = resolve(field.getValue());
            List<Case> cases = new ArrayList<>();
            List<Map.Entry<String, JsonNode>> replacements = new ArrayList<>();
            if (required.contains(name)) {
                replacements.add(Map.entry("missing", NODES.missingNode()));
            }
            replacements.add(Map.entry("null", NODES.nullNode()));
            String type = type(fieldSchema);
            switch (type) {
                case "string" -> {
                    replacements.add(Map.entry("number", NODES.numberNode(12345)));
                    replacements.add(Map.entry("object", NODES.objectNode().put("a", 1)));
                    replacements.add(Map.entry("huge string", NODES.textNode("A".repeat(200_000))));
                    if (fieldSchema.has("enum")) {
                        replacements.add(Map.entry("not an enum value", NODES.textNode("NOT_A_VALUE")));
                    }
                    INJECTIONS.forEach(s -> replacements.add(Map.entry("\"" + shorten(s) + "\"", NODES.textNode(s))));
                    UNICODE.forEach(s -> replacements.add(Map.entry("\"" + shorten(s) + "\"", NODES.textNode(s))));
                }
                case "integer", "number" -> {
                    replacements.add(Map.entry("string", NODES.textNode("12x")));
                    replacements.add(Map.entry("-1", NODES.numberNode(-1)));
                    replacements.add(
                            Map.entry("2^63", NODES.numberNode(new java.math.BigInteger("9223372036854775808"))));
                    replacements.add(Map.entry("1e400", NODES.numberNode(new java.math.BigDecimal("1e400"))));
                    replacements.add(
                            Map.entry("2000 digits", NODES.numberNode(new java.math.BigInteger("9".repeat(2000)))));
                    replacements.add(Map.entry("fraction", NODES.numberNode(0.5)));
                    replacements.add(Map.entry("boolean", NODES.booleanNode(true)));
                }
                case "boolean" -> {
                    replacements.add(Map.entry("string", NODES.textNode("yes")));
                    replacements.add(Map.entry("number", NODES.numberNode(1)));
                }
                case "array" -> {
                    replacements.add(Map.entry("object", NODES.objectNode()));
                    replacements.add(Map.entry("string", NODES.textNode("x")));
                    replacements.add(
                            Map.entry("array of null", NODES.arrayNode().addNull()));
                    ArrayNode many = NODES.arrayNode();
                    JsonNode item = valueOf(resolve(fieldSchema.path("items")), depth + 1);
                    for (int i = 0; i < 20_000; i++) {
                        many.add(item);
                    }
                    replacements.add(Map.entry("20000 items", many));
                }
                default -> {
                    replacements.add(Map.entry("array", NODES.arrayNode().add(1)));
                    replacements.add(Map.entry("string", NODES.textNode("x")));
                    replacements.add(Map.entry("empty object", NODES.objectNode()));
                }
            }
            for (Map.Entry<String, JsonNode> replacement : replacements) {
                Request r = base.copy();
                ObjectNode target = (ObjectNode) locate(r.body, prefix);
                if (replacement.getValue().isMissingNode()) {
                    target.remove(name);
                } else {
                    target.set(name, replacement.getValue());
                }
                cases.add(r.toCase("field " + at + ": " + replacement.getKey()));
            }
            into.add(cases);
            fieldMutations(base, fieldSchema, value.get(name), at + ".", into, depth + 1);
        });
    }

    private static JsonNode locate(JsonNode body, String prefix) {
        JsonNode node = body;
        if (!prefix.isEmpty()) {
            for (String part : prefix.substring(0, prefix.length() - 1).split("\\.")) {
                node = node.get(part);
            }
        }
        return node;
    }

    /** A value that fits the schema as far as properties, enums, formats and bounds say. */
    JsonNode valueOf(JsonNode schema, int depth) {
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator)) {
                JsonNode merged = NODES.objectNode();
                for (JsonNode part : schema.get(combinator)) {
                    JsonNode resolved = resolve(part);
                    if (!type(resolved).equals("null")) {
                        ((ObjectNode) merged).setAll((ObjectNode) resolved.deepCopy());
                        if (!combinator.equals("allOf")) {
                            break;
                        }
                    }
                }
                ObjectNode rest = schema.deepCopy();
                rest.remove(combinator);
                ((ObjectNode) merged).setAll(rest);
                return valueOf(merged, depth);
            }
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        if (schema.has("enum")) {
            for (JsonNode e : schema.get("enum")) {
                if (!e.isNull()) {
                    return e;
                }
            }
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    schema.path("properties").fields().forEachRemaining(f -> {
                        JsonNode value = valueOf(resolve(f.getValue()), depth + 1);
                        if (!value.isNull()) {
                            object.set(f.getKey(), value);
                        }
                    });
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < items && depth < 6; i++) {
                    array.add(valueOf(resolve(schema.path("items")), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
                long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 100;
                return NODES.numberNode(min + (max > min ? random.nextLong(Math.min(max - min, 1000)) : 0));
            }
            case "number" -> {
                double min = schema.has("minimum") ? schema.get("minimum").asDouble() : 1;
                return NODES.numberNode(min + 1.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            case "null" -> {
                return NODES.nullNode();
            }
            default -> {
                return NODES.textNode(string(schema));
            }
        }
    }

    private String string(JsonNode schema) {
        String format = schema.path("format").asText("");
        switch (format) {
            case "uuid" -> {
                return new UUID(random.nextLong(), random.nextLong()).toString();
            }
            case "date-time" -> {
                return OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString();
            }
            case "date" -> {
                return LocalDate.now(ZoneOffset.UTC).minusYears(30).toString();
            }
            case "email" -> {
                return "pmi" + random.nextInt(1000) + "@example.org";
            }
            case "uri", "url" -> {
                return "http://127.0.0.1/x";
            }
            default -> {}
        }
        String pattern = schema.path("pattern").asText("");
        int min = schema.path("minLength").asInt(1);
        int max = schema.path("maxLength").asInt(Math.max(min, 24));
        if (pattern.matches("\\^?(\\\\d|\\[0-9\\])\\{\\d+(,\\d+)?\\}\\$?")) {
            int digits = Integer.parseInt(pattern.replaceAll(".*\\{(\\d+).*", "$1"));
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < digits; i++) {
                s.append(i == 0 ? 1 + random.nextInt(9) : random.nextInt(10));
            }
            return s.toString();
        }
        String word = "Sinergi fuzz " + Integer.toString(random.nextInt(1 << 20), 36) + " Ayu Lestari";
        while (word.length() < min) {
            word += " Lestari";
        }
        return word.substring(0, Math.min(word.length(), Math.max(min, Math.min(max, word.length()))));
    }

    /** The schema's first non-null type; {@code object} when it has properties but no type. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return "null";
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    /** The schema a {@code $ref} points at, or the schema itself. */
    JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        for (int i = 0; i < 20 && at.has("$ref"); i++) {
            String ref = at.get("$ref").asText();
            at = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return at.isMissingNode() ? NODES.objectNode() : at;
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String shorten(String value) {
        return shorten(value, 40);
    }

    /** The value's first {@code limit} characters, with control and invisible characters escaped. */
    static String shorten(String value, int limit) {
        String printable = value.substring(0, Math.min(value.length(), limit + 20))
                .codePoints()
                .mapToObj(c -> c < 0x20 || c == 0x7f || (c >= 0x200b && c <= 0x206f) || c == 0xfeff
                        ? String.format("\\u%04x", c)
                        : new String(Character.toChars(c)))
                .reduce("", String::concat);
        return printable.length() > limit
                ? printable.substring(0, limit) + "…(" + value.length() + " chars)"
                : printable;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
