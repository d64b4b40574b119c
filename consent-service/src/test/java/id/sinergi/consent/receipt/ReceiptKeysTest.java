package id.sinergi.consent.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the signing key: from a PKCS#8 file, made up in dev and test only, and refused when unusable. */
class ReceiptKeysTest {

    @TempDir
    Path dir;

    private Path pem(String name, String label, byte[] der) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(
                file,
                "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + label
                        + "-----\n",
                StandardCharsets.US_ASCII);
        return file;
    }

    private static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @Test
    void shouldStopTheStartWithoutASigningKeyWhereNoneMayBeMadeUp() {
        assertThatThrownBy(() -> ReceiptKeys.load(Optional.empty(), Optional.empty(), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sinergi.consent.receipt.signing-key is not set")
                .hasMessageContaining("PKCS#8 PEM");
    }

    @Test
    void shouldMakeUpAKeyInDevAndTest() throws Exception {
        ReceiptKeys.Loaded loaded = ReceiptKeys.load(Optional.empty(), Optional.empty(), true);

        assertThat(loaded.keys()).hasSize(1);
        assertThat(verifies(loaded.pair())).isTrue();
    }

    @Test
    void shouldLoadTheKeyOfAPkcs8FileWithItsPublicKey() throws Exception {
        KeyPair pair = ed25519();
        Path file = pem("key.pem", "PRIVATE KEY", pair.getPrivate().getEncoded());

        ReceiptKeys.Loaded loaded = ReceiptKeys.load(Optional.of(file), Optional.empty(), false);

        assertThat(loaded.pair().getPublic().getEncoded())
                .isEqualTo(pair.getPublic().getEncoded());
        assertThat(loaded.keys()).hasSize(1);
        assertThat(loaded.keys().get(0).getKeyId())
                .isEqualTo(ReceiptKeys.jwk(pair.getPublic()).getKeyId())
                .hasSize(43);
        assertThat(verifies(loaded.pair())).isTrue();
    }

    @Test
    void shouldPublishThePreviousKeyAfterTheCurrentOne() throws Exception {
        KeyPair current = ed25519();
        KeyPair previous = ed25519();

        ReceiptKeys.Loaded loaded = ReceiptKeys.load(
                Optional.of(pem("key.pem", "PRIVATE KEY", current.getPrivate().getEncoded())),
                Optional.of(
                        pem("previous.pem", "PUBLIC KEY", previous.getPublic().getEncoded())),
                false);

        assertThat(loaded.keys())
                .extracting(k -> k.getKeyId())
                .containsExactly(
                        ReceiptKeys.jwk(current.getPublic()).getKeyId(),
                        ReceiptKeys.jwk(previous.getPublic()).getKeyId());
    }

    @Test
    void shouldRefuseAKeyOfAnotherAlgorithm() throws Exception {
        byte[] rsa = KeyPairGenerator.getInstance("RSA")
                .generateKeyPair()
                .getPrivate()
                .getEncoded();
        Path file = pem("rsa.pem", "PRIVATE KEY", rsa);

        assertThatThrownBy(() -> ReceiptKeys.load(Optional.of(file), Optional.empty(), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not an Ed25519 private key in PKCS#8");
    }

    @Test
    void shouldRefuseAnEncryptedKeyAndAFileWithoutKey() throws Exception {
        Path encrypted = pem("enc.pem", "ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3});
        Path empty = dir.resolve("empty.pem");
        Files.writeString(empty, "nothing here");

        assertThatThrownBy(() -> ReceiptKeys.load(Optional.of(encrypted), Optional.empty(), true))
                .hasMessageContaining("encrypted key");
        assertThatThrownBy(() -> ReceiptKeys.load(Optional.of(empty), Optional.empty(), true))
                .hasMessageContaining("has no '-----BEGIN PRIVATE KEY-----' block");
        assertThatThrownBy(() -> ReceiptKeys.load(Optional.of(dir.resolve("missing.pem")), Optional.empty(), true))
                .hasMessageContaining("cannot read");
    }

    private static boolean verifies(KeyPair pair) throws Exception {
        byte[] message = "receipt".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(pair.getPublic());
        verifier.update(message);
        return verifier.verify(signature);
    }
}
