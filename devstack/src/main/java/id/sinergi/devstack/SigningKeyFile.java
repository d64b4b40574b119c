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
 * A fresh Ed25519 signing key as the PKCS#8 PEM file the prod profiles require: for consent-service's receipts and
 * audit-service's checkpoints. LOCAL ONLY: a key made per run, readable by this user alone and deleted when the JVM
 * exits; production mounts its keys from Secrets.
 */
public final class SigningKeyFile {

    /** The setting that names consent-service's receipt key. */
    public static final String RECEIPT_SETTING = "sinergi.consent.receipt.signing-key";

    /** The setting that names audit-service's checkpoint key. */
    public static final String CHECKPOINT_SETTING = "sinergi.audit.log.signing-key";

    private SigningKeyFile() {}

    /** Writes a new key to a file of its own and gives the file; {@code use} goes into the file's name. */
    public static Path create(String use) {
        try {
            Path file = Files.createTempFile(
                    "sinergi-" + use + "-key-",
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
            throw new UncheckedIOException("cannot write a signing key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }
}
