package id.sinergi.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainInstantTest {

    record At(Instant at) {}

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    @Test
    void shouldReadThePlainFormAsInstantParseDoesWithEveryLengthOfFraction() {
        Random random = new Random(20261205);
        long from = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int n = 0; n < 100_000; n++) {
            Instant instant = Instant.ofEpochSecond(
                    from + (long) (random.nextDouble() * (to - from)), random.nextInt(1_000_000_000));
            String whole = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    instant.atOffset(java.time.ZoneOffset.UTC).toLocalDateTime().withNano(0));
            String nanos = String.format("%09d", instant.getNano());
            int digits = random.nextInt(10);
            String text = whole + (digits == 0 ? "" : "." + nanos.substring(0, digits)) + "Z";

            assertThat(PlainInstant.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void shouldLeaveEveryOtherFormAndEveryImpossibleDateToTheGeneralParser() {
        for (String other : new String[] {
            "2026-12-05T11:15:33+07:00", // an offset
            "2026-12-05t11:15:33z", // lower case, which the general parser takes too
            "2026-12-05T11:15Z", // no seconds
            "2026-12-05T11:15:33.Z", // a point without digits
            "2026-12-05T11:15:33.1234567890Z", // ten digits
            "2026-02-29T00:00:00Z", // no such day
            "2026-13-01T00:00:00Z",
            "2026-12-05T24:00:00Z",
            "2026-12-05T23:59:60Z", // a leap second
            "2026-12-05T11:61:00Z",
            "+2026-12-05T11:15:33Z",
            "2026-12-0xT11:15:33Z",
            " 2026-12-05T11:15:33Z",
            ""
        }) {
            assertThat(PlainInstant.parse(other)).as(other).isNull();
        }
        assertThat(PlainInstant.parse("2024-02-29T23:59:59.999999999Z"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.999999999Z"));
    }

    @Test
    void shouldReadAndRefuseThroughTheMapperAsBefore() throws Exception {
        ObjectMapper mapper = strict();

        assertThat(at(mapper, "2026-12-05T11:15:33.123456Z")).isEqualTo(Instant.parse("2026-12-05T11:15:33.123456Z"));
        // Forms the plain reader leaves alone still read through Jackson's own deserializer.
        assertThat(at(mapper, "2026-12-05T18:15:33+07:00")).isEqualTo(Instant.parse("2026-12-05T11:15:33Z"));
        // The general parser's own readings of what the plain one leaves to it: midnight at the day's end, and a
        // leap second as the second before it.
        assertThat(at(mapper, "2026-12-05T24:00:00Z")).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(at(mapper, "2026-12-05T23:59:60Z")).isEqualTo(Instant.parse("2026-12-05T23:59:59Z"));
        for (String bad : new String[] {"2026-02-29T00:00:00Z", "2026-12-05T25:00:00Z", "yesterday"}) {
            assertThatThrownBy(() -> mapper.readValue("{\"at\":\"" + bad + "\"}", At.class))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidFormatException.class,
                            e -> assertThat(e.getPath().get(0).getFieldName()).isEqualTo("at"));
        }
    }

    /** The instant the strict mapper reads from a body whose {@code at} is this text. */
    private static Instant at(ObjectMapper mapper, String text) throws Exception {
        return mapper.readValue("{\"at\":\"" + text + "\"}", At.class).at();
    }
}
