package id.sinergi.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Verifies a receipt as an outsider would, with the JDK alone and the published JWK Set: no jose4j, no code of
 * the service. docs/consent.md shows the same steps.
 */
final class ReceiptVerifier {

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 bytes of the JWK's x follow it. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private ReceiptVerifier() {}

    /** Whether the JWS's signature verifies with the key of the set its header names. */
    static boolean verify(String jws, String jwkSet) throws Exception {
        String[] parts = jws.split("\\.");
        ObjectMapper json = new ObjectMapper();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        if (!"EdDSA".equals(header.path("alg").asText())) {
            return false;
        }
        PublicKey key = null;
        for (JsonNode jwk : json.readTree(jwkSet).get("keys")) {
            if (jwk.path("kid").asText().equals(header.path("kid").asText())
                    && "OKP".equals(jwk.path("kty").asText())
                    && "Ed25519".equals(jwk.path("crv").asText())) {
                key = ed25519(Base64.getUrlDecoder().decode(jwk.get("x").asText()));
            }
        }
        if (key == null) {
            return false;
        }
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        try {
            return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (SignatureException e) {
            return false; // not even a well-formed signature, e.g. its point R is not on the curve
        }
    }

    /** The payload's bytes. */
    static byte[] payload(String jws) {
        return Base64.getUrlDecoder().decode(jws.split("\\.")[1]);
    }

    private static PublicKey ed25519(byte[] x) throws Exception {
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + x.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, x.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }
}
