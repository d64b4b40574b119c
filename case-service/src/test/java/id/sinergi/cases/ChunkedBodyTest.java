package id.sinergi.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.devstack.testing.LogCapture;
import id.sinergi.devstack.testing.RawHttp;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bodies sent in chunks, without Content-Length: the service learns their size only as it reads them. */
@QuarkusTest
@CaseTestResource
class ChunkedBodyTest {

    private static final String KL = "KBRI-KUALALUMPUR";

    @Test
    void shouldReadABodyUnderTheLimitSentInChunksAfterA100Continue() throws Exception {
        byte[] body = new ObjectMapper()
                .writeValueAsBytes(Cases.byWorkerId(Workers.register().id(), KL));

        // Sent at once: a client that waits for the 100 Continue (curl does) gets it first.
        RawHttp.Response response = post(body, 100, Map.entry("Expect", "100-continue"));

        assertThat(response.interim()).containsExactly(100);
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).contains("\"missionId\":\"" + KL + "\"");
    }

    @Test
    void shouldAnswerAChunkedBodyOverTheLimitWithOneProblemAndNoErrorLogged() throws Exception {
        byte[] body = ("{\"description\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        RawHttp.Response response;
        List<String> messages;
        List<String> errors;
        try (LogCapture log = LogCapture.start()) {
            response = post(body, 16 * 1024, Map.entry("Accept", "application/json"));
            Thread.sleep(1_000); // time for anything the server logs after it answered
            messages = log.messages();
            errors = log.errors();
        }

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:sinergi:problem:body-too-large\"", "1048576 bytes");
        assertThat(errors).isEmpty();
        assertThat(messages).filteredOn(m -> m.contains("event=body-too-large")).hasSize(1);
    }

    private static RawHttp.Response post(byte[] body, int chunkSize, Map.Entry<String, String> header)
            throws Exception {
        return RawHttp.sendChunked(
                RestAssured.port,
                "POST",
                "/api/cases",
                List.of(
                        Map.entry("Authorization", "Bearer " + Tokens.user("consul.kl")),
                        Map.entry("Content-Type", "application/json"),
                        header),
                body,
                chunkSize);
    }
}
