package id.sinergi.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidFieldTest {

    @Test
    void shouldKeepTheFieldOutOfTheTitleAndInTheErrors() {
        Problem problem = ProblemException.invalidField("future-birth-date", "birthDate", "must not be in the future")
                .problem();

        assertThat(problem.getTitle()).isEqualTo("Invalid field");
        assertThat(problem.getDetail()).isEqualTo("Field 'birthDate' must not be in the future.");
        assertThat(problem.getErrors())
                .containsExactly(new Problem.FieldError("birthDate", "future-birth-date", "must not be in the future"));
    }

    @Test
    void shouldMakeASentenceOfAMessageThatIsAClauseOfItsOwn() {
        Problem problem = ProblemException.invalidField(
                        "ambiguous-worker", "nik", "several workers carry this NIK; report by workerId")
                .problem();

        assertThat(problem.getDetail())
                .isEqualTo("Field 'nik' was refused: several workers carry this NIK; report by workerId.");
    }

    @Test
    void shouldSpeakOfTheBodyAsAWhole() {
        Problem problem = ProblemException.invalidField("malformed-csv", "(body)", "the CSV header cannot be read")
                .problem();

        assertThat(problem.getTitle()).isEqualTo("Invalid request body");
        assertThat(problem.getDetail()).isEqualTo("The request body was refused: the CSV header cannot be read.");
    }

    @Test
    void shouldTitleAnInvalidParameterAsTheFrameworksParameterProblemsAre() {
        Problem problem = ProblemException.invalidField("invalid-parameter", "status", "must be one of OPEN, CLOSED")
                .problem();

        assertThat(problem.getTitle()).isEqualTo("Invalid parameter");
        assertThat(problem.getDetail()).isEqualTo("Parameter 'status' must be one of OPEN, CLOSED.");
        assertThat(problem.getErrors()).extracting(Problem.FieldError::field).containsExactly("status");
    }

    @Test
    void shouldSpeakOfAParameterOfAnyKindAsAParameter() {
        Problem required =
                ProblemException.invalidParameter("index", "is required").problem();
        Problem header = ProblemException.invalidParameter("invalid-if-match", "If-Match", "must be one ETag such as 3")
                .problem();

        assertThat(required.getType()).isEqualTo("urn:sinergi:problem:invalid-parameter");
        assertThat(required.getDetail()).isEqualTo("Parameter 'index' is required.");
        assertThat(header.getTitle()).isEqualTo("Invalid parameter");
        assertThat(header.getDetail()).isEqualTo("Parameter 'If-Match' must be one ETag such as 3.");
        assertThat(header.getErrors())
                .containsExactly(new Problem.FieldError("If-Match", "invalid-if-match", "must be one ETag such as 3"));
    }
}
