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

/** Synthetic workers for the tests: NIKs of district 31.71.01 (Gambir) with a serial unique within the run. */
final class TestWorkers {

    static final LocalDate BORN = LocalDate.of(1990, 5, 12);

    private static final AtomicInteger SERIAL = new AtomicInteger(1);

    private TestWorkers() {}

    /** A fresh valid NIK of a man born on {@link #BORN}. */
    static String nik() {
        return nik(BORN, false);
    }

    static String nik(LocalDate born, boolean woman) {
        int day = born.getDayOfMonth() + (woman ? 40 : 0);
        return String.format(
                "317101%02d%02d%02d%04d", day, born.getMonthValue(), born.getYear() % 100, SERIAL.getAndIncrement());
    }

    /** A fresh passport number of the shape both systems use. */
    static String passport() {
        return String.format("C%07d", SERIAL.getAndIncrement());
    }

    /** A complete registration body of a man born on {@link #BORN}; tests change what they need. */
    static Map<String, Object> registration(String source, String nik) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("sourceRecordId", source.toLowerCase() + "-" + UUID.randomUUID());
        body.put("nik", nik);
        body.put("passportNumber", passport());
        body.put("fullName", "BUDI CONTOH");
        body.put("birthDate", BORN.toString());
        body.put("sex", "M");
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
