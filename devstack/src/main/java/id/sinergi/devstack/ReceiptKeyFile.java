package id.sinergi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * A fresh Ed25519 signing key for consent-service's receipts, as the PKCS#8 PEM file its prod profile requires.
 * LOCAL ONLY: a key made per run, readable by this user alone and deleted when the JVM exits; production mounts
 * its key from a Secret.
 */
public final class ReceiptKeyFile {

    /** The setting that names the file. */
    public static final String SETTING = "sinergi.consent.receipt.signing-key";

    private ReceiptKeyFile() {}

    /** Writes a new key to a file of its own and gives the file. */
    public static Path create() {
        try {
            Path file = Files.createTempFile(
                    "sinergi-receipt-key-",
                    ".pem",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            file.toFile().deleteOnExit();
            byte[] der = KeyPairGenerator.getInstance("Ed25519")
                    .generateKeyPair()
                    .getPrivate()
                    .getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n";
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a receipt signing key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }
}
