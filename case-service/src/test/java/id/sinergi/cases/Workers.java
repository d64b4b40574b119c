package id.sinergi.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import id.sinergi.devstack.testing.Tokens;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/** Registers synthetic workers in the real identity-service the tests run beside. */
final class Workers {

    /** Serials of {@code 3171011708450001}: Gambir (Jakarta Pusat), a man born 17 August 1945. */
    private static final AtomicInteger SERIAL = new AtomicInteger();

    /** NIK of the same structure that no test registers. */
    static final String UNREGISTERED_NIK = "3171011708459999";

    private Workers() {}

    /** A registered worker: identity-service's id and the NIK it was registered with. */
    record Worker(String id, String nik) {}

    static Worker register() {
        String nik = String.format("317101170845%04d", SERIAL.incrementAndGet());
        String id = given().auth()
                .oauth2(Tokens.client("siskop2mi-connector"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "source", "SISKOP2MI",
                        "sourceRecordId", "SK-" + UUID.randomUUID(),
                        "nik", nik,
                        "fullName", "CONTOH",
                        "birthDate", "1945-08-17",
                        "sex", "M",
                        "destinationCountry", "MY",
                        "phase", "ABROAD"))
                .when()
                .post(identityUrl() + "/api/workers/registrations")
                .then()
                .statusCode(anyOf(equalTo(201), equalTo(200)))
                .extract()
                .path("workerId");
        return new Worker(id, nik);
    }

    static String identityUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.identity-service.url", String.class);
    }
}
