package id.sinergi.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

class StrictJsonCustomizerTest {

    record Body(String nik, String name) {}

    enum Outcome {
        JUSTIFIED,
        VIOLATION
    }

    record Review(Outcome outcome, Integer size, Boolean urgent, java.time.Instant at, java.time.LocalDate born) {}

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    @Test
    void shouldReadCleanTextIncludingNewlinesTabsAndEmoji() throws Exception {
        Body body = mapper.readValue(
                "{\"nik\":\"3171011708450001\",\"name\":\"Siti\\nAminah\\t\\ud83d\\ude00\"}", Body.class);

        assertThat(body.name()).isEqualTo("Siti\nAminah\t\ud83d\ude00");
    }

    @Test
    void shouldRefuseNulAndOtherControlCharactersNamingTheField() {
        for (String bad : new String[] {"\\u0000", "\\u001b[31m", "\\u0007", "\\u007f", "\\ud800"}) {
            assertThatThrownBy(() -> mapper.readValue("{\"name\":\"a" + bad + "b\"}", Body.class))
                    .as(bad)
                    .isInstanceOf(InvalidFormatException.class)
                    .satisfies(e -> assertThat(((InvalidFormatException) e)
                                    .getPath()
                                    .get(0)
                                    .getFieldName())
                            .isEqualTo("name"));
        }
    }

    @Test
    void shouldRefuseANumberWhereTextIsExpected() {
        assertThatThrownBy(() -> mapper.readValue("{\"nik\":317101170845}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void shouldRefuseABodyNamingAFieldTwice() {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":null,\"name\":\"Siti\"}", Body.class))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("Duplicate field 'name'");
    }

    @Test
    void shouldJudgeTextByCleanText() {
        assertThat(CleanText.isClean("Ña\u0301 O'Brien\r\n")).isTrue();
        assertThat(CleanText.isClean("x\u0000")).isFalse();
        assertThat(CleanText.isClean("\udc00")).isFalse();
    }

    @Test
    void shouldRefuseAnythingButWhiteSpaceAfterTheBody() throws Exception {
        for (String trailing : new String[] {" xyz", "}", "]", ",", " {\"nik\":\"1\"}"}) {
            assertThatThrownBy(() -> mapper.readValue("{\"nik\":\"3171011708450001\"}" + trailing, Body.class))
                    .as(trailing)
                    // Trailing JSON is a mismatched input, a stray word a parse error: both a 400 problem.
                    .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        }
        assertThat(mapper.readValue("{\"nik\":\"3171011708450001\"} \n", Body.class)
                        .nik())
                .isEqualTo("3171011708450001");
    }

    @Test
    void shouldReadAnEnumByItsNameOnlyNotByItsPosition() throws Exception {
        assertThat(mapper.readValue("{\"outcome\":\"VIOLATION\"}", Review.class).outcome())
                .isEqualTo(Outcome.VIOLATION);
        for (String position : new String[] {"1", "0", "\"1\""}) {
            assertThatThrownBy(() -> mapper.readValue("{\"outcome\":" + position + "}", Review.class))
                    .as(position)
                    .isInstanceOf(MismatchedInputException.class);
        }
    }

    @Test
    void shouldReadNumbersAndBooleansFromTheirOwnJsonTypesOnly() throws Exception {
        Review review = mapper.readValue("{\"size\":5,\"urgent\":true}", Review.class);
        assertThat(review.size()).isEqualTo(5);
        assertThat(review.urgent()).isTrue();
        for (String body :
                new String[] {"{\"size\":\"5\"}", "{\"size\":true}", "{\"urgent\":\"true\"}", "{\"urgent\":1}"}) {
            assertThatThrownBy(() -> mapper.readValue(body, Review.class))
                    .as(body)
                    .isInstanceOf(MismatchedInputException.class);
        }
    }

    @Test
    void shouldReadDatesAndTimesFromTextOnly() throws Exception {
        mapper.registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());
        Review review = mapper.readValue("{\"at\":\"2026-12-05T06:00:00Z\",\"born\":\"1990-02-01\"}", Review.class);
        assertThat(review.at()).isEqualTo(java.time.Instant.parse("2026-12-05T06:00:00Z"));
        assertThat(review.born()).isEqualTo(java.time.LocalDate.of(1990, 2, 1));
        for (String body :
                new String[] {"{\"at\":1796450000}", "{\"at\":1796450000.5}", "{\"born\":7336}", "{\"born\":[1990,2,1]}"
                }) {
            assertThatThrownBy(() -> mapper.readValue(body, Review.class))
                    .as(body)
                    .isInstanceOf(MismatchedInputException.class);
        }
    }
}
