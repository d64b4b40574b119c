package id.sinergi.identity.rest;

import static io.restassured.RestAssured.given;

import id.sinergi.devstack.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Synthetic workers for the tests: NIKs of district 31.71.01 (Gambir) with a serial unique within the run. Each NIK
 * stands for one person: their birth date is the NIK's, and their name is made from its serial, so two workers of
 * the run never look alike to the matcher, while two records of one NIK describe one person.
 */
final class TestWorkers {

    /** The first birth date handed out; later ones follow at a stride of 37 days. */
    static final LocalDate FIRST_BORN = LocalDate.of(1972, 1, 3);

    /** Syllables for names: each digit of the serial picks one. */
    private static final String[] SYLLABLES = {"BA", "RI", "TU", "NA", "SE", "LO", "MI", "KA", "DE", "WU"};

    private static final AtomicInteger SERIAL = new AtomicInteger(1);

    private TestWorkers() {}

    /** A fresh valid NIK of a man with a birth date of his own. */
    static String nik() {
        int serial = SERIAL.getAndIncrement();
        return nik(FIRST_BORN.plusDays(37L * serial), false, serial);
    }

    static String nik(LocalDate born, boolean woman) {
        return nik(born, woman, SERIAL.getAndIncrement());
    }

    private static String nik(LocalDate born, boolean woman, int serial) {
        int day = born.getDayOfMonth() + (woman ? 40 : 0);
        return String.format("317101%02d%02d%02d%04d", day, born.getMonthValue(), born.getYear() % 100, serial % 10000);
    }

    /**
     * The birth date the NIK gives (all test workers are born in the 20th century); for a NIK that gives none (the
     * invalid ones of the validation tests), {@link #FIRST_BORN}.
     */
    static LocalDate bornOf(String nik) {
        if (nik == null || !nik.matches("[0-9]{16}")) {
            return FIRST_BORN;
        }
        try {
            return decodedBirthDate(nik);
        } catch (java.time.DateTimeException e) {
            return FIRST_BORN;
        }
    }

    private static LocalDate decodedBirthDate(String nik) {
        int day = Integer.parseInt(nik.substring(6, 8));
        return LocalDate.of(
                1900 + Integer.parseInt(nik.substring(10, 12)),
                Integer.parseInt(nik.substring(8, 10)),
                day > 40 ? day - 40 : day);
    }

    /** The name of the NIK's person: a given name of one syllable per serial digit, and a family name. */
    static String nameOf(String nik) {
        StringBuilder given = new StringBuilder();
        String serial = nik != null && nik.length() >= 16 ? nik.substring(12, 16) : "0000";
        for (char digit : serial.toCharArray()) {
            given.append(Character.isDigit(digit) ? SYLLABLES[digit - '0'] : "O");
        }
        return given + " CONTOH";
    }

    /** A fresh passport number of the shape both systems use. */
    static String passport() {
        return String.format("C%07d", SERIAL.getAndIncrement());
    }

    /** A passport as the registration body carries it. */
    static Map<String, Object> passport(String number) {
        return new LinkedHashMap<>(Map.of("number", number, "issuingState", "IDN", "expiryDate", "2031-06-30"));
    }

    /** A complete registration body of the NIK's person; tests change what they need. */
    static Map<String, Object> registration(String source, String nik) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("sourceRecordId", source.toLowerCase() + "-" + UUID.randomUUID());
        body.put("nik", nik);
        body.put("passport", passport(passport()));
        body.put("fullName", nameOf(nik));
        body.put("birthDate", bornOf(nik).toString());
        body.put("birthPlace", "Kota Jakarta Pusat");
        body.put("sex", nik != null && nik.matches("[0-9]{16}") && nik.charAt(6) >= '4' ? "F" : "M");
        body.put("destinationCountry", "MY");
        body.put("phase", "PRE_DEPARTURE");
        if ("SISKOP2MI".equals(source)) {
            body.put(
                    "placement",
                    Map.of(
                            "employerName", "Syarikat Contoh Sdn Bhd",
                            "placementAgency", "PT Contoh Penempatan",
                            "occupation", "caregiver",
                            "departureDate", "2026-01-15",
                            "contractEndDate", "2028-01-14"));
        }
        return body;
    }

    /** The passport number of a registration body. */
    @SuppressWarnings("unchecked")
    static String passportOf(Map<String, Object> body) {
        return (String) ((Map<String, Object>) body.get("passport")).get("number");
    }

    static ValidatableResponse register(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/workers/registrations")
                .then();
    }

    /** Registers through the SiskoP2MI connector and returns the worker id. */
    static String registered(Map<String, Object> body) {
        String token = "SISKOP2MI".equals(body.get("source"))
                ? Tokens.client("siskop2mi-connector")
                : Tokens.client("peduli-wni-portal");
        return register(token, body).statusCode(201).extract().path("workerId");
    }
}
