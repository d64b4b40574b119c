package id.sinergi.consent.receipt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Settings of consent receipts, under {@code sinergi.consent.receipt}. */
@ConfigMapping(prefix = "sinergi.consent.receipt")
public interface ReceiptConfig {

    /**
     * The Ed25519 private key receipts are signed with: a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}),
     * unencrypted, e.g. mounted from a Kubernetes Secret. Required in the prod profile; when unset in dev and
     * test, the service makes a key of its own at start-up that lives until it stops.
     */
    @WithName("signing-key")
    Optional<Path> signingKey();

    /**
     * The public key of the signing key used before the current one, as an X.509 PEM file
     * ({@code -----BEGIN PUBLIC KEY-----}): published in the key set beside the current key after a rotation, so
     * that receipts signed earlier still verify. Unset when there was no earlier key.
     */
    @WithName("previous-public-key")
    Optional<Path> previousPublicKey();

    /**
     * The address at which the workers' apps reach this service, e.g. {@code https://sinergi.example/consent};
     * the receipt's withdrawal pointer is built on it. When unset the pointer is a path alone: the request's Host
     * header is the caller's to choose and is never signed into a receipt.
     */
    @WithName("public-url")
    Optional<URI> publicUrl();
}
