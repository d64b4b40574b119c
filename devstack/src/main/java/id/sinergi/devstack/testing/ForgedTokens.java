package id.sinergi.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.devstack.RepoPaths;
import id.sinergi.devstack.TokenClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Access tokens that differ from a genuine one of the test Keycloak in exactly one defect, for the services' token
 * attack tests: expired, not yet valid, another issuer or audience, a claim taken out, signed with {@code alg:
 * none}, with HS256 keyed with the realm's public key, with a key nobody trusts, a flipped signature bit, or issued
 * by another realm.
 *
 * <p>Tokens with a defect in their claims are signed with a key the services do trust, so that the defect is the
 * only reason to refuse them: {@link #trustTestKey} adds an RSA key of this test JVM's own to the sinergi realm
 * through Keycloak's admin API, at a lower priority than the realm's own key, so Keycloak keeps signing with its
 * key and only publishes ours beside it (in {@code /protocol/openid-connect/certs}). The realm file carries no key.
 * {@link SinergiTestResource} adds it before any service starts, so the services read it with the realm's keys at
 * startup and need not rely on quarkus-oidc's refresh on an unknown {@code kid}, which happens at most once per
 * {@code quarkus.oidc.token.forced-jwk-refresh-interval} (10 minutes by default). On a Keycloak named by
 * {@code SINERGI_TEST_KEYCLOAK_URL} it is added when the first token is forged, and the services rely on that refresh.
 *
 * <p>LOCAL ONLY: uses the development Keycloak's bootstrap admin ({@link KeycloakAdmin}).
 */
public final class ForgedTokens {

    /** Name of the key provider component this class adds to the realm. */
    static final String KEY_COMPONENT = "sinergi-test-forging-key";

    /** The second realm, a copy of the sinergi realm file under another name, for "another realm's token". */
    public static final String OTHER_REALM = "sinergi-other";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static RsaJsonWebKey trusted;
    private static RsaJsonWebKey untrusted;
    private static TokenClient otherRealm;

    private ForgedTokens() {}

    /**
     * Adds this JVM's forging key to the test realm (priority 1, below the realm's generated key), replacing one an
     * earlier test JVM left on a Keycloak named by {@code SINERGI_TEST_KEYCLOAK_URL}; does nothing the second time.
     */
    public static synchronized void trustTestKey() {
        if (trusted != null) {
            return;
        }
        RsaJsonWebKey key = generate();
        KeycloakAdmin admin = KeycloakAdmin.signIn();
        String realm = "/" + KeycloakAdmin.testRealm();
        String realmId = admin.get(realm).path("id").asText();
        for (JsonNode old : admin.get(realm + "/components?type=org.keycloak.keys.KeyProvider&name=" + KEY_COMPONENT)) {
            admin.delete(realm + "/components/" + old.path("id").asText());
        }
        Map<String, Object> component = Map.of(
                "name",
                KEY_COMPONENT,
                "providerId",
                "rsa",
                "providerType",
                "org.keycloak.keys.KeyProvider",
                "parentId",
                realmId,
                "config",
                Map.of(
                        "priority", List.of("1"),
                        "enabled", List.of("true"),
                        "active", List.of("true"),
                        "algorithm", List.of(AlgorithmIdentifiers.RSA_USING_SHA256),
                        "privateKey",
                                List.of(pem("PRIVATE KEY", key.getPrivateKey().getEncoded()))));
        String componentId = admin.post(realm + "/components", component);
        for (JsonNode k : admin.get(realm + "/keys").path("keys")) {
            if (k.path("providerId").asText().equals(componentId)) {
                key.setKeyId(k.path("kid").asText());
            }
        }
        if (key.getKeyId() == null) {
            throw new IllegalStateException("the test Keycloak lists no key of the component " + componentId);
        }
        trusted = key;
    }

    /** The claims of a token, read without checking its signature. */
    public static JwtClaims claimsOf(String token) {
        try {
            return JwtClaims.parse(decode(token.split("\\.")[1]));
        } catch (org.jose4j.jwt.consumer.InvalidJwtException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    /** The genuine token's claims, changed by {@code change}, signed with the key the realm trusts. */
    public static String resigned(String genuine, Consumer<JwtClaims> change) {
        trustTestKey();
        JwtClaims claims = claimsOf(genuine);
        change.accept(claims);
        return sign(claims, trusted);
    }

    /** The genuine token's claims unchanged, signed with the key the realm trusts: the control of the others. */
    public static String twin(String genuine) {
        return resigned(genuine, claims -> {});
    }

    /** Expired ten minutes ago (issued fifteen minutes ago), otherwise as the genuine token. */
    public static String expired(String genuine) {
        long now = Instant.now().getEpochSecond();
        return resigned(genuine, claims -> {
            claims.setIssuedAt(NumericDate.fromSeconds(now - 900));
            claims.setExpirationTime(NumericDate.fromSeconds(now - 600));
        });
    }

    /** Not valid before ten minutes from now ({@code nbf}), otherwise as the genuine token. */
    public static String notYetValid(String genuine) {
        long now = Instant.now().getEpochSecond();
        return resigned(genuine, claims -> claims.setNotBefore(NumericDate.fromSeconds(now + 600)));
    }

    /** Issued, it says, by a realm of the same name on another server. */
    public static String wrongIssuer(String genuine) {
        return resigned(genuine, claims -> claims.setIssuer("https://sso.example.invalid/realms/sinergi"));
    }

    /** Meant for Keycloak's {@code account} client only, not for any Sinergi service. */
    public static String wrongAudience(String genuine) {
        return resigned(genuine, claims -> claims.setAudience("account"));
    }

    /** The genuine token's claims without the claim {@code name} (e.g. {@code agency}). */
    public static String without(String genuine, String name) {
        return resigned(genuine, claims -> {
            if (!claims.hasClaim(name)) {
                throw new IllegalArgumentException("the genuine token has no claim " + name + " to take out");
            }
            claims.unsetClaim(name);
        });
    }

    /** The genuine token's claims signed with an RSA key the realm does not know, under a {@code kid} of its own. */
    public static synchronized String untrustedKey(String genuine) {
        if (untrusted == null) {
            untrusted = generate();
            untrusted.setKeyId("forged-" + untrusted.calculateBase64urlEncodedThumbprint("SHA-256"));
        }
        return sign(claimsOf(genuine), untrusted);
    }

    /** The genuine token's header with {@code alg: none}, its payload as it is, and no signature. */
    public static String algNone(String genuine) {
        String[] parts = genuine.split("\\.");
        return header(parts[0], "none") + "." + parts[1] + ".";
    }

    /**
     * The classic key-confusion attack: the genuine token's payload under {@code alg: HS256}, its HMAC keyed with
     * the realm's RSA public key as a verifier that took the algorithm from the token would read it (the PEM text
     * of the {@code public_key} the realm publishes at its URL).
     */
    public static String hs256WithRealmPublicKey(String genuine) {
        String[] parts = genuine.split("\\.");
        String signingInput = header(parts[0], AlgorithmIdentifiers.HMAC_SHA256) + "." + parts[1];
        byte[] key =
                pem("PUBLIC KEY", Base64.getDecoder().decode(realmPublicKey())).getBytes(StandardCharsets.US_ASCII);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + encode(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no HmacSHA256 in this JDK", e);
        }
    }

    /** The genuine token with one bit of its signature's middle byte flipped. */
    public static String flippedSignature(String genuine) {
        String[] parts = genuine.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        return parts[0] + "." + parts[1] + "." + encode(signature);
    }

    /**
     * A genuine token of {@code username} from {@link #OTHER_REALM}, a realm imported from the sinergi realm file
     * under another name (with its clients, mappers and roles, and the demo users), so its tokens carry
     * the same claims but another issuer and another realm's signature.
     */
    public static String fromOtherRealm(String username) {
        return otherRealm().user(username);
    }

    private static synchronized TokenClient otherRealm() {
        if (otherRealm == null) {
            KeycloakAdmin admin = KeycloakAdmin.signIn();
            if (admin.find("/" + OTHER_REALM).isEmpty()) {
                admin.post("", otherRealmRepresentation());
            }
            otherRealm = new TokenClient(admin.baseUrl() + "/realms/" + OTHER_REALM);
        }
        return otherRealm;
    }

    /** The sinergi realm file under the name {@link #OTHER_REALM}, with the demo users beside its own. */
    private static ObjectNode otherRealmRepresentation() {
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(RepoPaths.realmFile().toFile());
            realm.remove("id");
            realm.put("realm", OTHER_REALM);
            realm.put("displayName", "Another realm (token attack tests)");
            ArrayNode users = realm.withArray("users");
            JSON.readTree(RepoPaths.demoUsersFile().toFile()).path("users").forEach(users::add);
            return realm;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the realm files under " + RepoPaths.realmFile().getParent(), e);
        }
    }

    /** The realm's RSA public key as its URL publishes it (base64 of the DER encoding). */
    private static String realmPublicKey() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SinergiTestResource.realmUrl()))
                .timeout(Duration.ofSeconds(15))
                .GET()
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return KeycloakAdmin.read(response.body()).path("public_key").asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the test Keycloak at " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    /** The encoded header of the genuine token with another {@code alg}. */
    private static String header(String encoded, String alg) {
        try {
            Map<String, Object> header = new LinkedHashMap<>(JsonUtil.parseJson(decode(encoded)));
            header.put("alg", alg);
            return encode(JsonUtil.toJson(header).getBytes(StandardCharsets.UTF_8));
        } catch (JoseException e) {
            throw new IllegalArgumentException("not a JWT header", e);
        }
    }

    private static RsaJsonWebKey generate() {
        try {
            return RsaJwkGenerator.generateJwk(2048);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
