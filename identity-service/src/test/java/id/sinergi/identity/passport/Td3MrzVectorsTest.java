package id.sinergi.identity.passport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of {@code mrz/mrz_td3_test_vectors.json}: errors, validity, each expected field and each check digit.
 * The file's {@code valid} does not judge state codes, so the vectors are read with the specimen state allowed;
 * identity-service adds one rule of its own, UNKNOWN_STATE, which the file does not expect and which this test
 * therefore adds for the codes listed in {@link #STATES_OUTSIDE_ICAO}.
 */
class Td3MrzVectorsTest {

    /** The vectors were made on this day; the file's birth dates assume no birth after 2026. */
    private static final Clock VECTORS_DAY = Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC);

    private static final Td3Mrz WITH_SPECIMENS = new Td3Mrz(StateCodes.of(true), VECTORS_DAY);

    /** Codes the file uses that neither ICAO nor ISO 3166-1 assigns (ASU comes from a library's generator). */
    private static final Set<String> STATES_OUTSIDE_ICAO = Set.of("ASU");

    /** The start of each error text the file uses, and the code that reports the same rule here. */
    private static final Map<String, MrzErrorCode> FILE_ERRORS = Map.of(
            "invalid character", MrzErrorCode.INVALID_CHARACTER,
            "line length must be 44", MrzErrorCode.WRONG_LENGTH,
            "birthDate is not numeric", MrzErrorCode.INVALID_DATE);

    private static final Map<String, MrzCheck> FILE_CHECKS = Map.of(
            "documentNumber", MrzCheck.DOCUMENT_NUMBER,
            "birthDate", MrzCheck.BIRTH_DATE,
            "expiryDate", MrzCheck.EXPIRY_DATE,
            "optionalData", MrzCheck.OPTIONAL_DATA,
            "composite", MrzCheck.COMPOSITE);

    /** How to read each field the file names from our result; a field missing here fails the test. */
    private static final Map<String, Function<Td3Fields, Object>> FILE_FIELDS = Map.ofEntries(
            Map.entry("documentCode", Td3Fields::documentCode),
            Map.entry("issuingState", Td3Fields::issuingState),
            Map.entry("primaryIdentifier", f -> f.name().primaryIdentifier()),
            Map.entry("secondaryIdentifier", f -> f.name().secondaryIdentifier()),
            Map.entry("nameFieldTruncated", f -> f.name().truncated()),
            Map.entry("documentNumber", Td3Fields::documentNumber),
            Map.entry("documentNumberRaw", Td3Fields::documentNumberRaw),
            Map.entry("documentNumberCheckDigit", f -> found(f, MrzCheck.DOCUMENT_NUMBER)),
            Map.entry("nationality", Td3Fields::nationality),
            Map.entry("birthDate", f -> f.birthDate().text()),
            Map.entry("birthDateCheckDigit", f -> found(f, MrzCheck.BIRTH_DATE)),
            Map.entry("birthDateISO", f -> iso(f.birthDate())),
            Map.entry("sex", f -> String.valueOf(f.sex())),
            Map.entry("expiryDate", f -> f.expiryDate().text()),
            Map.entry("expiryDateCheckDigit", f -> found(f, MrzCheck.EXPIRY_DATE)),
            Map.entry("expiryDateISO", f -> iso(f.expiryDate())),
            Map.entry("optionalData", Td3Fields::optionalData),
            Map.entry("optionalDataCheckDigit", f -> found(f, MrzCheck.OPTIONAL_DATA)),
            Map.entry("compositeCheckDigit", f -> found(f, MrzCheck.COMPOSITE)));

    static Stream<Named<JsonNode>> td3Vectors() {
        return vectors("TD3");
    }

    static Stream<Named<JsonNode>> td1Vectors() {
        return vectors("TD1");
    }

    @Test
    void shouldHoldTheVectorsTheReadmeCounts() {
        assertThat(td3Vectors()).hasSize(24);
        assertThat(td1Vectors()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("td3Vectors")
    void shouldReportTheErrorsTheVectorExpects(JsonNode vector) {
        Td3MrzResult result = WITH_SPECIMENS.parse(lines(vector));

        assertThat(result.errors())
                .extracting(MrzError::code)
                .containsExactlyInAnyOrderElementsOf(expectedCodes(vector));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("td3Vectors")
    void shouldJudgeValidityAsTheVectorDoesApartFromStateCodes(JsonNode vector) {
        Td3MrzResult result = WITH_SPECIMENS.parse(lines(vector));

        boolean validApartFromStates = result.errors().stream().allMatch(e -> e.code() == MrzErrorCode.UNKNOWN_STATE);
        assertThat(validApartFromStates)
                .isEqualTo(vector.get("expected").get("valid").asBoolean());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("td3Vectors")
    void shouldReadEveryFieldTheVectorExpects(JsonNode vector) {
        JsonNode expected = vector.get("expected").path("fields");

        Td3MrzResult result = WITH_SPECIMENS.parse(lines(vector));

        if (expected.isMissingNode()) {
            assertThat(result.fields())
                    .as("a zone of the wrong shape gives no fields")
                    .isEmpty();
            return;
        }
        Td3Fields fields = result.fields().orElseThrow();
        expected.fields().forEachRemaining(e -> {
            assertThat(FILE_FIELDS).as("a reader for field %s", e.getKey()).containsKey(e.getKey());
            Object actual = FILE_FIELDS.get(e.getKey()).apply(fields);
            assertThat(actual).as(e.getKey()).isEqualTo(value(e.getValue()));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("td3Vectors")
    void shouldComputeEveryCheckDigitTheVectorExpects(JsonNode vector) {
        JsonNode checks = vector.get("expected").path("checks");

        Td3MrzResult result = WITH_SPECIMENS.parse(lines(vector));

        if (checks.isMissingNode()) {
            assertThat(result.fields()).isEmpty();
            return;
        }
        Td3Fields fields = result.fields().orElseThrow();
        FILE_CHECKS.forEach((name, check) -> {
            CheckDigit digit = fields.check(check);
            assertThat(digit.passed())
                    .as(name + " passed")
                    .isEqualTo(checks.get(name).asBoolean());
            Object computed = digit.computed() == null ? null : String.valueOf(digit.computed());
            assertThat(computed)
                    .as(name + " computed")
                    .isEqualTo(value(checks.get("expected").get(name)));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("td3Vectors")
    void shouldNeverRepeatTheDocumentNumberInAMessage(JsonNode vector) {
        String number = StateCodes.withoutFillers(lines(vector).get(1).substring(0, 9));

        Td3MrzResult result = WITH_SPECIMENS.parse(lines(vector));

        assertThat(result.errors()).extracting(MrzError::message).noneMatch(m -> m.contains(number));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("td1Vectors")
    void shouldRejectIdentityCardZoneAsNotTd3(JsonNode vector) {
        Td3MrzResult result = WITH_SPECIMENS.parse(lines(vector));

        assertThat(vector.get("expected").get("valid").asBoolean())
                .as("the file calls the card valid")
                .isTrue();
        assertThat(result.errors()).extracting(MrzError::code).containsExactly(MrzErrorCode.WRONG_LINE_COUNT);
        assertThat(result.fields()).isEmpty();
    }

    @Test
    void shouldRefuseOnlySpecimenAndUnassignedStatesOfValidVectorsInProduction() {
        Td3Mrz production = new Td3Mrz(StateCodes.production(), VECTORS_DAY);
        List<String> refused = new ArrayList<>();

        td3Vectors().map(Named::getPayload).forEach(v -> {
            if (v.get("expected").get("valid").asBoolean()
                    && !production.parse(lines(v)).isValid()) {
                refused.add(v.get("id").asText());
            }
        });

        assertThat(refused).containsExactlyInAnyOrder("TD3-ICAO-01", "TD3-UTO-02", "TD3-ASU-01");
    }

    /** The file's errors as codes, a failed check digit for each computable check that fails, and our state rule. */
    private static List<MrzErrorCode> expectedCodes(JsonNode vector) {
        JsonNode expected = vector.get("expected");
        List<MrzErrorCode> codes = new ArrayList<>();
        expected.get("errors").forEach(e -> codes.add(codeOf(e.asText())));
        FILE_CHECKS.forEach((name, check) -> {
            JsonNode checks = expected.path("checks");
            if (!checks.isMissingNode()
                    && !checks.get(name).asBoolean()
                    && !checks.get("expected").get(name).isNull()) {
                codes.add(check.failure());
            }
        });
        for (String state : List.of("issuingState", "nationality")) {
            String code = StateCodes.withoutFillers(
                    expected.path("fields").path(state).asText());
            if (STATES_OUTSIDE_ICAO.contains(code)) {
                codes.add(MrzErrorCode.UNKNOWN_STATE);
            }
        }
        return codes;
    }

    private static MrzErrorCode codeOf(String fileError) {
        return FILE_ERRORS.entrySet().stream()
                .filter(e -> fileError.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no code for the file's error: " + fileError));
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        return node.isBoolean() ? node.asBoolean() : node.asText();
    }

    private static String found(Td3Fields fields, MrzCheck check) {
        return String.valueOf(fields.check(check).found());
    }

    private static String iso(MrzDate date) {
        return date.asDate().map(LocalDate::toString).orElse(null);
    }

    private static List<String> lines(JsonNode vector) {
        List<String> lines = new ArrayList<>();
        vector.get("mrz").forEach(l -> lines.add(l.asText()));
        return lines;
    }

    private static Stream<Named<JsonNode>> vectors(String format) {
        try (InputStream in =
                Td3MrzVectorsTest.class.getClassLoader().getResourceAsStream("mrz/mrz_td3_test_vectors.json")) {
            JsonNode vectors = new ObjectMapper().readTree(in).get("vectors");
            return StreamSupport.stream(vectors.spliterator(), false)
                    .filter(v -> format.equals(v.get("format").asText()))
                    .map(v ->
                            Named.of(v.get("id").asText() + " " + v.get("note").asText(), v));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
