package id.sinergi.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParameterValueTest {

    enum Colour {
        RED
    }

    @Test
    void shouldTellAValueJaxRsCannotConvertFromOneItCan() {
        assertThat(ProblemMappers.readable(int.class, "abc")).isFalse();
        assertThat(ProblemMappers.readable(int.class, "99999999999")).isFalse();
        assertThat(ProblemMappers.readable(Long.class, "1.5")).isFalse();
        assertThat(ProblemMappers.readable(UUID.class, "x")).isFalse();
        assertThat(ProblemMappers.readable(Colour.class, "BLUE")).isFalse();
        assertThat(ProblemMappers.readable(LocalDate.class, "3 March")).isFalse();

        assertThat(ProblemMappers.readable(int.class, "200")).isTrue();
        assertThat(ProblemMappers.readable(Colour.class, "RED")).isTrue();
        assertThat(ProblemMappers.readable(String.class, "anything")).isTrue();
    }

    @Test
    void shouldNameTheRangeOfAWholeNumberSoThatAValueTooLargeIsExplained() {
        assertThat(ProblemMappers.describe(int.class)).isEqualTo("a whole number from -2147483648 to 2147483647");
        assertThat(ProblemMappers.describe(Long.class)).endsWith("to 9223372036854775807");
    }
}
