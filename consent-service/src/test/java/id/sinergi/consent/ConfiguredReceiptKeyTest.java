package id.sinergi.consent;

import static id.sinergi.consent.ConsentApi.grant;
import static id.sinergi.consent.ConsentApi.grantBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Receipts signed with the key of the configured PEM file, with the previous key still published for rotation. */
@QuarkusTest
@TestProfile(ConfiguredReceiptKeyTest.KeyFiles.class)
@ConsentTestResource
class ConfiguredReceiptKeyTest {

    /** Where the profile writes the keys, below the module's build directory. */
    static final Path DIR = Path.of("target", "receipt-key-test");

    /** A current signing key and the public half of a previous one, written as an operator would mount them. */
    public static class KeyFiles implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(DIR);
                KeyPair current = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                KeyPair previous = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                write("signing-key.pem", "PRIVATE KEY", current.getPrivate().getEncoded());
                write("current-public.pem", "PUBLIC KEY", current.getPublic().getEncoded());
                write("previous-public.pem", "PUBLIC KEY", previous.getPublic().getEncoded());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            return Map.of(
                    "sinergi.consent.receipt.signing-key",
                            DIR.resolve("signing-key.pem").toAbsolutePath().toString(),
                    "sinergi.consent.receipt.previous-public-key",
                            DIR.resolve("previous-public.pem").toAbsolutePath().toString(),
                    "sinergi.consent.receipt.public-url", "https://sinergi.example/consent/");
        }

        private static void write(String name, String label, byte[] der) throws IOException {
            Files.writeString(
                    DIR.resolve(name),
                    "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END "
                            + label + "-----\n",
                    StandardCharsets.US_ASCII);
        }
    }

    /** The JWK's x of an Ed25519 public key PEM: the last 32 bytes of its SubjectPublicKeyInfo. */
    private static String xOf(String file) throws IOException {
        String pem = Files.readString(DIR.resolve(file), StandardCharsets.US_ASCII);
        byte[] spki = Base64.getMimeDecoder()
                .decode(pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    @Test
    void shouldSignWithTheConfiguredKeyAndPublishThePreviousOneAfterIt() throws Exception {
        String grantId = grant(grantBody(Workers.register()));
        String keySet = ReceiptTest.keySet();

        String jws = ReceiptTest.receipt(Tokens.client("peduli-wni-portal"), grantId)
                .statusCode(200)
                .extract()
                .path("jws");

        JsonNode keys = new ObjectMapper().readTree(keySet).get("keys");
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).get("x").asText()).isEqualTo(xOf("current-public.pem"));
        assertThat(keys.get(1).get("x").asText()).isEqualTo(xOf("previous-public.pem"));
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[0]));
        assertThat(header.get("kid").asText()).isEqualTo(keys.get(0).get("kid").asText());
        assertThat(ReceiptVerifier.verify(jws, keySet)).isTrue();
    }

    @Test
    void shouldBuildTheWithdrawalPointerOnThePublicAddress() {
        String grantId = grant(grantBody(Workers.register()));

        String url = ReceiptTest.receipt(Tokens.client("peduli-wni-portal"), grantId)
                .statusCode(200)
                .extract()
                .path("receipt.withdrawal.url");

        assertThat(url).isEqualTo("https://sinergi.example/consent/api/consents/" + grantId + "/revocation");
    }
}
