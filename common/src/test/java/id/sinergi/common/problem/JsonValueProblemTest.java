package id.sinergi.common.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValueProblemTest {

    enum Colour {
        RED,
        GREEN
    }

    record ReportRequest(String nik) {}

    record Envelope(ReportRequest report, LocalDate day, Colour colour, int count, List<String> tags) {}

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    private Problem problemFor(String json) {
        JsonMappingException e =
                catchThrowableOfType(JsonMappingException.class, () -> mapper.readValue(json, Envelope.class));
        return (Problem) new ProblemMappers().jsonMapping(e).getEntity();
    }

    @Test
    void shouldDescribeAnObjectFieldWithoutTheJavaTypeName() {
        Problem problem = problemFor("{\"report\": [1]}");

        assertThat(problem.getDetail()).isEqualTo("Field 'report' cannot be read as a JSON object");
        assertThat(problem.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("report");
            assertThat(error.message()).isEqualTo("cannot be read as a JSON object");
        });
        assertThat(problem.getDetail()).doesNotContainIgnoringCase("request").doesNotContain("Envelope");
    }

    @Test
    void shouldDescribeADateAnEnumANumberAndAListInFixedWords() {
        assertThat(problemFor("{\"day\": \"3 March\"}").getDetail()).endsWith("cannot be read as a date (YYYY-MM-DD)");
        assertThat(problemFor("{\"colour\": \"BLUE\"}").getDetail())
                .endsWith("cannot be read as one of the allowed values");
        assertThat(problemFor("{\"count\": \"many\"}").getDetail())
                .endsWith("cannot be read as a whole number from -2147483648 to 2147483647");
        assertThat(problemFor("{\"tags\": {\"a\": 1}}").getDetail()).endsWith("cannot be read as a list");
    }

    @Test
    void shouldSayANumberWhereTextIsExpectedMustBeTextNotThatItHasAControlCharacter() {
        ObjectMapper strict = new ObjectMapper().registerModule(new JavaTimeModule());
        new id.sinergi.common.json.StrictJsonCustomizer().customize(strict);
        JsonMappingException number = catchThrowableOfType(
                JsonMappingException.class, () -> strict.readValue("{\"report\": {\"nik\": 12345}}", Envelope.class));
        JsonMappingException control = catchThrowableOfType(
                JsonMappingException.class,
                () -> strict.readValue("{\"report\": {\"nik\": \"12\\u000045\"}}", Envelope.class));

        Problem numberProblem =
                (Problem) new ProblemMappers().jsonMapping(number).getEntity();
        Problem controlProblem =
                (Problem) new ProblemMappers().jsonMapping(control).getEntity();

        assertThat(numberProblem.getDetail()).isEqualTo("Field 'report.nik' must be text (a JSON string)");
        assertThat(numberProblem.getErrors()).singleElement().satisfies(error -> assertThat(error.code())
                .isEqualTo("invalid-format"));
        assertThat(controlProblem.getDetail())
                .isEqualTo("Field 'report.nik' contains a control character or an unpaired surrogate");
    }

    @Test
    void shouldNameNoJavaTypeForAnyTargetType() {
        List<Class<?>> types =
                List.of(ReportRequest.class, Colour.class, Instant.class, Map.class, Double.class, String.class);

        assertThat(types).allSatisfy(type -> assertThat(ProblemMappers.describe(type))
                .doesNotContainIgnoringCase(type.getSimpleName()));
        assertThat(ProblemMappers.describe(String.class)).isEqualTo("text");
        assertThat(ProblemMappers.describe(Double.class)).isEqualTo("a number");
    }
}
