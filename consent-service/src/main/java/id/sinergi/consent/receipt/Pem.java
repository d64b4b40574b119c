package id.sinergi.consent.receipt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Reads one block of a PEM file (RFC 7468); what the bytes inside mean is the JDK's business. */
final class Pem {

    private Pem() {}

    /**
     * The DER bytes of the file's block with this label, e.g. {@code PRIVATE KEY}.
     *
     * @throws IllegalStateException naming the file when it cannot be read or has no such block
     */
    static byte[] read(Path file, String label) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = from < 0 ? -1 : text.indexOf(end, from);
        if (from < 0 || to < 0) {
            if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
                throw new IllegalStateException(file + " holds an encrypted key; give the key unencrypted (PKCS#8)"
                        + " and protect the file instead (a Secret mounted read-only)");
            }
            throw new IllegalStateException(file + " has no '" + begin + "' block");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": the " + label + " block is not base64", e);
        }
    }
}
