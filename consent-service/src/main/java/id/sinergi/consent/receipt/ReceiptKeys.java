package id.sinergi.consent.receipt;

import id.sinergi.audit.proof.Ed25519Keys;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * The Ed25519 key consent receipts are signed with, and the public key set anybody verifies them with. Loaded at
 * start-up, so that a prod deployment without its key never starts rather than failing at the first receipt.
 */
@Startup
@ApplicationScoped
public class ReceiptKeys {

    /** The JWS media type of the receipt (RFC 7515 section 4.1.9). */
    static final String TYPE = "consent-receipt+jws";

    @Inject
    ReceiptConfig config;

    private KeyPair current;

    private String currentKid;

    private String keySet;

    @PostConstruct
    void load() {
        Loaded loaded = load(
                config.signingKey(),
                config.previousPublicKey(),
                LaunchMode.current().isDevOrTest());
        current = loaded.pair();
        currentKid = loaded.keys().get(0).getKeyId();
        keySet = new JsonWebKeySet(loaded.keys()).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        Log.infof(
                "event=receipt-keys-loaded kid=%s published=%d",
                currentKid, loaded.keys().size());
    }

    /** The signing pair and the published keys, current first. */
    record Loaded(KeyPair pair, List<PublicJsonWebKey> keys) {}

    /**
     * Reads the signing key (or, where allowed, makes one) and the previous public key.
     *
     * @param ephemeralAllowed whether a missing signing key may be replaced by one made now (dev and test)
     * @throws IllegalStateException saying what to configure when the key is missing or unusable
     */
    static Loaded load(Optional<Path> signingKey, Optional<Path> previousPublicKey, boolean ephemeralAllowed) {
        KeyPair pair;
        if (signingKey.isPresent()) {
            pair = pairOf(readPrivate(signingKey.get()), signingKey.get());
        } else if (ephemeralAllowed) {
            pair = generate();
            Log.warnf(
                    "event=receipt-key-ephemeral kid=%s reason=\"sinergi.consent.receipt.signing-key is not set\""
                            + " effect=\"receipts signed now verify only until this process stops\"",
                    jwk(pair.getPublic()).getKeyId());
        } else {
            throw new IllegalStateException("sinergi.consent.receipt.signing-key is not set: consent-service signs"
                    + " consent receipts and needs the Ed25519 private key as a PKCS#8 PEM file (for example a"
                    + " Kubernetes Secret mounted read-only); see docs/consent.md, 'Consent receipts'");
        }
        List<PublicJsonWebKey> keys = new ArrayList<>();
        keys.add(jwk(pair.getPublic()));
        previousPublicKey.ifPresent(path -> {
            PublicJsonWebKey previous = jwk(readPublic(path));
            if (!previous.getKeyId().equals(keys.get(0).getKeyId())) {
                keys.add(previous);
            }
        });
        return new Loaded(pair, keys);
    }

    /** Signs the payload as a JWS in compact serialisation, alg EdDSA, naming the current key. */
    public String sign(byte[] payload) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayloadBytes(payload);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
        jws.setKeyIdHeaderValue(currentKid);
        jws.setHeader("typ", TYPE);
        jws.setKey(current.getPrivate());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a consent receipt", e);
        }
    }

    /** The kid (RFC 7638 thumbprint) of the key receipts are signed with now. */
    public String currentKid() {
        return currentKid;
    }

    /** The published JWK Set (RFC 7517): the current public key, then the previous one if configured. */
    public String keySet() {
        return keySet;
    }

    /** A public JWK (OKP, Ed25519) with its RFC 7638 SHA-256 thumbprint as kid, for signatures with EdDSA. */
    static PublicJsonWebKey jwk(PublicKey key) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
            jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
            jwk.setUse("sig");
            jwk.setAlgorithm(AlgorithmIdentifiers.EDDSA);
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot publish the receipt key as a JWK", e);
        }
    }

    private static PrivateKey readPrivate(Path file) {
        byte[] der = Pem.read(file, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    file + " is not an Ed25519 private key in PKCS#8 (make one with: openssl genpkey -algorithm"
                            + " ed25519)",
                    e);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static PublicKey readPublic(Path file) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Pem.read(file, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " is not an Ed25519 public key (X.509 SubjectPublicKeyInfo)", e);
        }
    }

    private static KeyPair generate() {
        return Ed25519Keys.generate();
    }

    /** The pair of a private key ({@link Ed25519Keys#pairOf} checks it by signing before it is used). */
    private static KeyPair pairOf(PrivateKey key, Path file) {
        try {
            return Ed25519Keys.pairOf(key);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalStateException("cannot derive the public key of " + file + ": " + e.getMessage(), e);
        }
    }
}
