package id.sinergi.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SmallJsonObjectValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final SmallJsonObjectValidator validator = validator(64, 3);

    private static SmallJsonObjectValidator validator(int maxBytes, int maxDepth) {
        SmallJsonObjectValidator v = new SmallJsonObjectValidator();
        v.initialize(new SmallJsonObject() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return SmallJsonObject.class;
            }

            @Override
            public String message() {
                return "";
            }

            @Override
            public int maxBytes() {
                return maxBytes;
            }

            @Override
            public int maxDepth() {
                return maxDepth;
            }

            @Override
            public Class<?>[] groups() {
                return new Class<?>[0];
            }

            @SuppressWarnings("unchecked") // the annotation's declared type
            @Override
            public Class<? extends jakarta.validation.Payload>[] payload() {
                return new Class[0];
            }
        });
        return v;
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void shouldAcceptASmallObjectNestedUpToTheLimit() throws Exception {
        assertThat(validator.brokenRule(json("{\"a\":{\"b\":[1,\"x\\ny\"]}}"))).isNull();
        assertThat(validator.isValid(null, null)).isTrue();
    }

    @Test
    void shouldRefuseWhatIsNoObject() throws Exception {
        assertThat(validator.brokenRule(json("[1,2]"))).isEqualTo("must be a JSON object");
        assertThat(validator.brokenRule(json("\"text\""))).isEqualTo("must be a JSON object");
    }

    @Test
    void shouldRefuseNestingDeeperThanTheLimit() throws Exception {
        assertThat(validator.brokenRule(json("{\"a\":{\"b\":{\"c\":{}}}}")))
                .isEqualTo("must not nest deeper than 3 levels");
    }

    @Test
    void shouldRefuseMoreBytesThanTheLimitCountingUtf8() throws Exception {
        // {"t":"…"} has 8 bytes around the text: 30 characters of two bytes each make 68 bytes, of one byte 38.
        assertThat(validator.brokenRule(json("{\"t\":\"" + "é".repeat(30) + "\"}")))
                .isEqualTo("must take at most 64 bytes as compact JSON");
        assertThat(validator.brokenRule(json("{\"t\":\"" + "e".repeat(30) + "\"}")))
                .isNull();
    }

    @Test
    void shouldRefuseControlCharactersInValuesAndNames() throws Exception {
        assertThat(validator.brokenRule(json("{\"a\":\"x\\u0000y\"}")))
                .isEqualTo("must not contain control characters or unpaired surrogates");
        assertThat(validator.brokenRule(json("{\"a\\u001b\":1}")))
                .isEqualTo("must not contain control characters or unpaired surrogates");
        assertThat(validator.brokenRule(json("{\"a\":[\"\\ud800\"]}")))
                .isEqualTo("must not contain control characters or unpaired surrogates");
    }

    @Test
    void shouldReadAnEventWithoutDetailsOrWithNullDetailsAsHavingNone() throws Exception {
        String event =
                "{\"id\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"2026-12-01T00:00:00Z\",\"service\":\"s\","
                        + "\"action\":\"a.read\",\"outcome\":\"SUCCESS\",\"actor\":{\"subject\":\"x\"}";

        assertThat(JSON.readValue(event + "}", AuditEvent.class).details()).isNull();
        assertThat(JSON.readValue(event + ",\"details\":null}", AuditEvent.class)
                        .details())
                .isNull();
        assertThat(JSON.readValue(event + ",\"details\":{\"said\":\"hi\"}}", AuditEvent.class)
                        .details()
                        .get("said")
                        .asText())
                .isEqualTo("hi");
    }

    @Test
    void shouldKeepTheDetailsOutOfTheEventsText() {
        ObjectNode details = JSON.createObjectNode().put("complaint", "my employer keeps my passport");
        AuditEvent event = AuditEvent.of(
                        "case-service", "case.report", new AuditActor("s", null, null, null, null, List.of()))
                .worker(UUID.randomUUID())
                .details(details)
                .build();

        assertThat(event.toString()).doesNotContain("passport").contains("details=(withheld)");
        assertThat(event.occurredAt()).isBefore(Instant.now().plusSeconds(1));
    }
}
