package id.sinergi.audit.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns Keycloak's login and admin events into audit events of service {@code keycloak}. People appear by their
 * Keycloak user ids only: typed usernames, names and e-mail addresses in a user's representation, and IP addresses
 * are left out; of a user's representation only the scope attributes {@code agency} and {@code mission} are kept.
 * The event id is derived from Keycloak's own, so reading an event twice gives the same audit event.
 */
final class KeycloakEventMapper {

    /** The service Keycloak's events carry in the log. */
    static final String SERVICE = "keycloak";

    /** The actor of a login event that names no user (e.g. a failed login with an unknown username). */
    static final String UNKNOWN_USER = "unknown-user";

    /** Namespace of the event ids: SHA-1 name-based ids (RFC 9562 version 5) under it. */
    private static final UUID NAMESPACE = UUID.fromString("4d0f7d1e-3a52-5c3e-9c51-6b1d8e0a7f21");

    /** Login events whose failure is a refusal of the user or client (DENIED); other failures are FAILED. */
    private static final Set<String> REFUSALS = Set.of(
            "LOGIN_ERROR",
            "CLIENT_LOGIN_ERROR",
            "IMPERSONATE_ERROR",
            "TOKEN_EXCHANGE_ERROR",
            "REFRESH_TOKEN_ERROR",
            "IDENTITY_PROVIDER_LOGIN_ERROR");

    /**
     * Details of a login event that are kept: how the user authenticated, never who they typed they were
     * ({@code username}), where they came from ({@code redirect_uri}) or what they changed to.
     */
    private static final List<String> KEPT_DETAILS =
            List.of("grant_type", "auth_method", "auth_type", "response_type", "response_mode", "impersonator_realm");

    /** Resource types whose admin events carry role representations, and those carrying a group's. */
    private static final Set<String> ROLE_MAPPINGS =
            Set.of("REALM_ROLE_MAPPING", "CLIENT_ROLE_MAPPING", "REALM_ROLE", "CLIENT_ROLE");

    /**
     * Operations on a user whose representation is the whole user as the administrator sent it, so that the
     * officer's scope (attributes {@code agency} and {@code mission}) can be read from it.
     */
    private static final Set<String> SCOPED_OPERATIONS = Set.of("CREATE", "UPDATE");

    /** The user attributes that are an officer's scope; every service authorizes on them. */
    static final List<String> SCOPE_ATTRIBUTES = List.of("agency", "mission");

    /** The value written for a scope attribute the representation names without a value. */
    static final String NO_VALUE = "-";

    private static final int MAX_SCOPE_VALUE = 64;

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final int MAX_REASON = 500;
    private static final int MAX_WORD = 96;

    private final String realm;
    private final ObjectMapper json;

    /** @param realm the realm's name, part of every derived id */
    KeycloakEventMapper(String realm, ObjectMapper json) {
        this.realm = realm;
        this.json = json;
    }

    /** The audit event of a login event. */
    AuditEvent user(KeycloakUserEvent e) {
        String type = e.type() == null ? "UNKNOWN" : e.type();
        boolean failed = e.error() != null || type.endsWith("_ERROR");
        AuditOutcome outcome =
                !failed ? AuditOutcome.SUCCESS : REFUSALS.contains(type) ? AuditOutcome.DENIED : AuditOutcome.FAILED;
        Map<String, String> details = e.details() == null ? Map.of() : e.details();
        List<String> reason = new ArrayList<>();
        reason.add("keycloak-type=" + word(type));
        if (e.error() != null) {
            reason.add("error=" + word(e.error()));
        }
        for (String key : KEPT_DETAILS) {
            String value = details.get(key);
            if (value != null) {
                reason.add(key.replace('_', '-') + "=" + word(value));
            }
        }
        String user = id(e.userId());
        AuditActor actor;
        if (type.startsWith("IMPERSONATE")) {
            // Keycloak names the impersonator by realm and account name only (details "impersonator" and
            // "impersonator_realm"); an administrator's account name, never a worker's. The subject is an id
            // derived from both, the same for every impersonation by that account.
            String impersonator = details.get("impersonator");
            String from = details.getOrDefault("impersonator_realm", realm);
            actor = impersonator == null
                    ? new AuditActor(UNKNOWN_USER, null, null, null, clip(e.clientId(), 255), null)
                    : new AuditActor(
                            "kc-account-" + derived("account:" + from + "/" + impersonator),
                            clip(impersonator, 255),
                            null,
                            null,
                            clip(e.clientId(), 255),
                            null);
            if (user != null) {
                reason.add("impersonated=" + user);
            }
        } else {
            actor = new AuditActor(user == null ? UNKNOWN_USER : user, null, null, null, clip(e.clientId(), 255), null);
        }
        String source = e.id() != null
                ? "event:" + e.id()
                : "event:" + e.time() + "/" + type + "/" + e.userId() + "/" + e.sessionId() + "/" + e.clientId() + "/"
                        + e.error();
        return new AuditEvent(
                derived(source),
                Instant.ofEpochMilli(e.time()),
                SERVICE,
                "keycloak." + kebab(type),
                outcome,
                actor,
                null,
                null,
                user == null ? null : "user",
                user,
                reason(reason),
                null);
    }

    /** The audit event of an admin event. */
    AuditEvent admin(KeycloakAdminEvent e) {
        String resourceType = e.resourceType() == null ? "UNKNOWN" : e.resourceType();
        String operation = e.operationType() == null ? "UNKNOWN" : e.operationType();
        String path = e.resourcePath() == null ? "" : e.resourcePath();
        String[] segments = path.split("/");
        KeycloakAdminEvent.AuthDetails auth = e.authDetails();
        String subject = auth == null ? null : id(auth.userId());
        AuditActor actor = new AuditActor(
                subject == null ? UNKNOWN_USER : subject,
                null,
                null,
                null,
                auth == null ? null : clip(auth.clientId(), 255),
                null);
        List<String> reason = new ArrayList<>();
        reason.add("path=" + word(path));
        if (auth != null && auth.realmId() != null) {
            reason.add("admin-realm=" + word(auth.realmId()));
        }
        if (ROLE_MAPPINGS.contains(resourceType)) {
            List<String> roles = names(e.representation(), "name");
            if (!roles.isEmpty()) {
                reason.add("roles=" + String.join(",", roles));
            }
            int clients = indexOf(segments, "clients");
            if (clients >= 0 && clients + 1 < segments.length) {
                reason.add("client=" + word(segments[clients + 1]));
            }
        }
        if ("GROUP_MEMBERSHIP".equals(resourceType)) {
            List<String> groups = names(e.representation(), "path");
            if (!groups.isEmpty()) {
                reason.add("groups=" + String.join(",", groups));
            }
        }
        if ("USER".equals(resourceType) && SCOPED_OPERATIONS.contains(operation)) {
            reason.addAll(scope(e.representation()));
        }
        if (e.error() != null) {
            reason.add("error=" + word(e.error()));
        }
        String[] resource = resource(segments);
        return new AuditEvent(
                derived(
                        e.id() != null
                                ? "admin-event:" + e.id()
                                : "admin-event:" + e.time() + "/" + path + "/" + operation + "/"
                                        + (auth == null ? null : auth.userId())),
                Instant.ofEpochMilli(e.time()),
                SERVICE,
                "keycloak.admin." + kebab(resourceType) + "." + kebab(operation),
                e.error() == null ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
                actor,
                null,
                null,
                resource[0],
                resource[1],
                reason(reason),
                null);
    }

    /** The record an admin event is about: a user or group by its id, else the path's first two segments. */
    private static String[] resource(String[] segments) {
        if (segments.length >= 2 && "users".equals(segments[0])) {
            return new String[] {"user", clip(word(segments[1]), 128)};
        }
        if (segments.length >= 2 && "groups".equals(segments[0])) {
            return new String[] {"group", clip(word(segments[1]), 128)};
        }
        if (segments.length >= 1 && !segments[0].isEmpty()) {
            String type = kebab(segments[0]);
            return new String[] {clip(type, 64), segments.length >= 2 ? clip(word(segments[1]), 128) : null};
        }
        return new String[] {null, null};
    }

    /**
     * The officer's scope a user's representation carries: {@code agency=<value>} and {@code mission=<value>} for
     * each of the two attributes it names (several values joined by ',', none as {@value #NO_VALUE}). Nothing else
     * of the representation is read: names, e-mail address and other attributes stay out of the log.
     */
    private List<String> scope(String representation) {
        List<String> words = new ArrayList<>();
        if (representation == null || representation.isBlank()) {
            return words;
        }
        JsonNode attributes;
        try {
            attributes = json.readTree(representation).path("attributes");
        } catch (IOException e) {
            return words;
        }
        if (!attributes.isObject()) {
            return words;
        }
        for (String name : SCOPE_ATTRIBUTES) {
            JsonNode value = attributes.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (JsonNode item : value.isArray() ? value : List.of(value)) {
                if (item.isValueNode() && !item.isNull() && !item.asText().isEmpty()) {
                    values.add(item.asText());
                }
            }
            String joined = values.isEmpty() ? NO_VALUE : String.join(",", values);
            words.add(name + "=" + clip(word(joined), MAX_SCOPE_VALUE));
        }
        return words;
    }

    /** The values of this member of the representation's objects (an object or an array of them). */
    private List<String> names(String representation, String member) {
        List<String> names = new ArrayList<>();
        if (representation == null || representation.isBlank()) {
            return names;
        }
        try {
            JsonNode node = json.readTree(representation);
            Iterable<JsonNode> items = node.isArray() ? node : List.of(node);
            for (JsonNode item : items) {
                JsonNode value = item.path(member);
                if (value.isTextual()) {
                    names.add(word(value.asText()));
                }
            }
        } catch (IOException e) {
            // A representation that is no JSON names nothing the log keeps.
        }
        return names;
    }

    /** A name-based id under this realm: the same Keycloak event always gives the same audit event id. */
    UUID derived(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(NAMESPACE));
            byte[] hash = sha1.digest(("keycloak:" + realm + ":" + name).getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
                lsb = (lsb << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    private static byte[] toBytes(UUID id) {
        byte[] bytes = new byte[16];
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (56 - 8 * i));
            bytes[i + 8] = (byte) (lsb >>> (56 - 8 * i));
        }
        return bytes;
    }

    /** A Keycloak id as the log keeps it: a UUID's text (Keycloak's ids), else null. */
    private static String id(String value) {
        return value != null && UUID_TEXT.matcher(value).matches() ? value.toLowerCase(Locale.ROOT) : null;
    }

    /** {@code REALM_ROLE_MAPPING} → {@code realm-role-mapping}; anything but letters, digits and '-' dropped. */
    static String kebab(String value) {
        String kebab = value.toLowerCase(Locale.ROOT).replace('_', '-').replaceAll("[^a-z0-9-]", "");
        kebab = kebab.replaceAll("^[^a-z]+", "");
        return kebab.isEmpty() ? "unknown" : clip(kebab, 40);
    }

    /** A value as one word of a reason: printable ASCII without spaces or '=', at most 96 characters. */
    static String word(String value) {
        String word = value.replaceAll("[^\\x21-\\x7e]", "_").replace('=', '_');
        return clip(word.isEmpty() ? "_" : word, MAX_WORD);
    }

    private static String reason(List<String> words) {
        StringBuilder reason = new StringBuilder();
        for (String w : words) {
            if (reason.length() + w.length() + 1 > MAX_REASON) {
                break;
            }
            if (!reason.isEmpty()) {
                reason.append(' ');
            }
            reason.append(w);
        }
        return reason.toString();
    }

    private static int indexOf(String[] segments, String segment) {
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals(segment)) {
                return i;
            }
        }
        return -1;
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
