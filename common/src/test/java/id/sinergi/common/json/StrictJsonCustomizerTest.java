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
}
