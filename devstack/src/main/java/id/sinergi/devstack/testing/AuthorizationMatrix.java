package id.sinergi.devstack.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's function-level authorization table, checked against the service's own OpenAPI document and the
 * realm's demo accounts: every operation has a row naming the realm roles that may call it, every account holding
 * none of them is refused with 403 {@code forbidden} and the refusal is audited as a DENIED
 * {@code operation.forbidden} event, and every account holding one is not refused by role.
 *
 * <p>Calls name random UUIDs for path ids and send {@code {}} (or the body type's nearest empty form) to the
 * refused accounts; an allowed account sends no body at all, so that no call it makes can change anything (every
 * body of the suite's operations is required).
 */
public final class AuthorizationMatrix {

    /** The DENIED event's action, as {@code RoleDenials.ACTION} in the common module names it. */
    public static final String DENIED_ACTION = "operation.forbidden";

    private static final String FORBIDDEN = "urn:sinergi:problem:forbidden";

    /**
     * Fields a client must not set: ids, states, scope, versions, scores, timestamps, who recorded or decided, and
     * reference numbers are the server's.
     */
    public static final Set<String> SERVER_OWNED = Set.of(
            "id",
            "status",
            "version",
            "mission",
            "missionId",
            "agency",
            "leadAgency",
            "participantAgency",
            "score",
            "scores",
            "createdAt",
            "updatedAt",
            "recordedAt",
            "recordedBy",
            "reportedAt",
            "decidedAt",
            "decidedBy",
            "grantedBy",
            "revokedAt",
            "referenceNumber",
            "actor");

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");

    /** A demo user or service account of the local realm, with its realm roles and the audiences of its tokens. */
    public enum Account {
        P2MI_OFFICER("p2mi.officer", true, "p2mi-officer"),
        CONSUL_KL("consul.kl", true, "consular-officer"),
        CONSUL_HK("consul.hk", true, "consular-officer"),
        HEAD_KL("head.kl", true, "consular-officer", "protection-supervisor"),
        P2MI_SUPERVISOR("p2mi.supervisor", true, "p2mi-officer", "protection-supervisor"),
        PWNI_HQ("pwni.hq", true, "pwni-hq"),
        SECURITY_AUDITOR("security.auditor", true, "security-auditor"),
        PLATFORM_ADMIN("platform.admin", true, "platform-admin"),
        /** A Sinergi service's own account (any of the four holds the same role). */
        SERVICE_ACCOUNT("case-service", false, "sinergi-service"),
        SOURCE_CONNECTOR("siskop2mi-connector", false, "source-connector"),
        /** A witness's account: its tokens are for audit-service alone. */
        AUDIT_WITNESS("audit-witness-kemlu", false, "audit-witness");

        /** The user or client name, as an audit event's {@code actor.username} names it for a user. */
        public final String name;

        private final boolean user;
        private final Set<String> roles;

        Account(String name, boolean user, String... roles) {
            this.name = name;
            this.user = user;
            this.roles = Set.of(roles);
        }

        /** A token of this account, from the test Keycloak. */
        public String token() {
            return user ? Tokens.user(name) : Tokens.client(name);
        }

        /** Whether its tokens name {@code service} as audience. */
        boolean reaches(String service) {
            return this != AUDIT_WITNESS || service.equals("audit-service");
        }

        /** The name an audit event gives the actor: a user's name, or Keycloak's name of a service account. */
        public String actorName() {
            return user ? name : "service-account-" + name;
        }
    }

    /**
     * One operation and who may call it.
     *
     * @param operation {@code METHOD /path/{template}} as the OpenAPI document names it, method in upper case
     * @param roles the realm roles that may call it; empty for an operation any valid token (or none) may call
     * @param byRole false for an operation that checks no role ({@code @PermitAll}, {@code @Authenticated})
     */
    public record Row(String operation, Set<String> roles, boolean byRole) {

        String method() {
            return operation.substring(0, operation.indexOf(' '));
        }

        String template() {
            return operation.substring(operation.indexOf(' ') + 1);
        }
    }

    /** What a refused call answered and what the audit log got. */
    public record Refusal(String operation, String account, int status, String type, int deniedEvents) {}

    /** Counts the DENIED {@code operation.forbidden} events of one operation by one account. */
    @FunctionalInterface
    public interface DeniedEvents {
        int count(String operation, Account account);
    }

    private final String service;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    private AuthorizationMatrix(String service) {
        this.service = service;
    }

    /** An empty table for the service (e.g. {@code case-service}), to be filled with {@link #allow} and co. */
    public static AuthorizationMatrix of(String service) {
        return new AuthorizationMatrix(service);
    }

    /** The operation may be called by an account holding any of the roles, and by no other. */
    public AuthorizationMatrix allow(String operation, String... roles) {
        return put(new Row(operation, Set.of(roles), true));
    }

    /** The operation checks no role: any valid token, or none ({@code @PermitAll}, {@code @Authenticated}). */
    public AuthorizationMatrix anyCaller(String operation) {
        return put(new Row(operation, Set.of(), false));
    }

    private AuthorizationMatrix put(Row row) {
        if (rows.put(row.operation(), row) != null) {
            throw new IllegalArgumentException("two rows for " + row.operation());
        }
        return this;
    }

    /** The table's operations, sorted. */
    public Set<String> operations() {
        return new TreeSet<>(rows.keySet());
    }

    /** Every operation of the service's OpenAPI document ({@code /q/openapi}), as {@code METHOD /path}. */
    public static Set<String> documentedOperations() {
        return new TreeSet<>(bodyTypes().keySet());
    }

    /**
     * Every operation of the OpenAPI document with the first media type of its request body, or {@code ""} when it
     * takes none.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> bodyTypes() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        Map<String, String> operations = new LinkedHashMap<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if (method.equals("parameters")) {
                return;
            }
            Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) operation).get("requestBody");
            Map<String, Object> content = body == null ? null : (Map<String, Object>) body.get("content");
            String type = content == null || content.isEmpty()
                    ? ""
                    : content.keySet().iterator().next();
            operations.put(method.toUpperCase(Locale.ROOT) + " " + path, type);
        }));
        return operations;
    }

    /**
     * Calls every operation of the table as every account of the realm that holds none of its roles (and whose
     * tokens reach the service), and gives what each answered and how many DENIED events of that operation and
     * account the call added.
     */
    public List<Refusal> callAsRefused(DeniedEvents denied) {
        Map<String, String> bodyTypes = bodyTypes();
        List<Refusal> refusals = new ArrayList<>();
        for (Row row : rows.values()) {
            if (!row.byRole()) {
                continue;
            }
            for (Account account : refusedBy(row)) {
                int before = denied.count(row.operation(), account);
                Response response = request(account, row, bodyTypes.getOrDefault(row.operation(), ""));
                refusals.add(new Refusal(
                        row.operation(),
                        account.name,
                        response.statusCode(),
                        typeOf(response),
                        denied.count(row.operation(), account) - before));
            }
        }
        return refusals;
    }

    /**
     * Calls every operation of the table, without a body, as every account that holds one of its roles, and
     * gives the operations and accounts that were nonetheless refused by role (403 {@code forbidden}).
     */
    public List<String> refusedAllowedCallers() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows.values()) {
            for (Account account : Account.values()) {
                if (!account.reaches(service) || (row.byRole() && !holdsOne(account, row))) {
                    continue;
                }
                Response response = request(account, row, "");
                if (response.statusCode() == 403 && FORBIDDEN.equals(typeOf(response))) {
                    wrong.add(row.operation() + " as " + account.name);
                }
            }
        }
        return wrong;
    }

    /**
     * Calls every operation as every account it refuses ({@link #callAsRefused}) and describes each refusal that
     * was not 403 {@code forbidden} with exactly one DENIED event of that operation and account; empty when all
     * were.
     */
    public List<String> wrongRefusals(DeniedEvents denied) {
        List<Refusal> refusals = callAsRefused(denied);
        if (refusals.size() != refusedCalls() || refusals.isEmpty()) {
            throw new IllegalStateException("the table refuses nobody");
        }
        return refusals.stream()
                .filter(r -> r.status() != 403 || !FORBIDDEN.equals(r.type()) || r.deniedEvents() != 1)
                .map(Refusal::toString)
                .toList();
    }

    /**
     * Sends every JSON body operation a body naming each {@link #SERVER_OWNED} field its schema does not take, as an
     * account holding a role of the row (so that the role check passes first), and describes each such call that
     * was not refused with 400 {@code invalid-json-value} / {@code unknown-field} naming the field; empty when all
     * were. Such a body is refused while it is read, before the operation reads or stores anything.
     */
    public List<String> serverOwnedFieldsNotRefused() {
        List<String> accepted = new ArrayList<>();
        bodyFields().forEach((operation, body) -> {
            Set<String> names = body.names();
            Row row = rows.get(operation);
            Account account = row == null ? null : allowedAccount(row);
            for (String field : SERVER_OWNED) {
                if (account == null || names.contains(field)) {
                    continue;
                }
                Response response = given().auth()
                        .oauth2(account.token())
                        .contentType("application/json")
                        .body((body.array() ? "[{\"" : "{\"") + field + (body.array() ? "\":\"x\"}]" : "\":\"x\"}"))
                        .when()
                        .request(row.method(), PARAMETER.matcher(row.template()).replaceAll(r -> UUID.randomUUID()
                                .toString()));
                boolean refused = response.statusCode() == 400
                        && "urn:sinergi:problem:invalid-json-value".equals(typeOf(response))
                        && (body.array() ? "[0]." + field : field)
                                .equals(response.jsonPath().getString("errors[0].field"))
                        && "unknown-field".equals(response.jsonPath().getString("errors[0].code"));
                if (!refused) {
                    accepted.add(operation + " with " + field + " answered " + response.statusCode());
                }
            }
        });
        return accepted;
    }

    /** The {@link #SERVER_OWNED} fields that JSON request bodies do take, by operation. */
    public static Map<String, Set<String>> serverOwnedFieldsInBodies() {
        Map<String, Set<String>> owned = new TreeMap<>();
        bodyFields().forEach((operation, body) -> {
            Set<String> present = new TreeSet<>(body.names());
            present.retainAll(SERVER_OWNED);
            if (!present.isEmpty()) {
                owned.put(operation, present);
            }
        });
        return owned;
    }

    /** A JSON request body: the names of its fields (top level), and whether it is an array of such objects. */
    private record Body(Set<String> names, boolean array) {}

    /** Every operation's JSON request body, from the OpenAPI document. */
    @SuppressWarnings("unchecked")
    private static Map<String, Body> bodyFields() {
        Map<String, Object> document = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        Map<String, Object> schemas = (Map<String, Object>)
                ((Map<String, Object>) document.getOrDefault("components", Map.of())).getOrDefault("schemas", Map.of());
        Map<String, Body> fields = new TreeMap<>();
        ((Map<String, Map<String, Object>>) document.get("paths"))
                .forEach((path, methods) -> methods.forEach((method, operation) -> {
                    Object body =
                            method.equals("parameters") ? null : ((Map<String, Object>) operation).get("requestBody");
                    Map<String, Object> content =
                            body == null ? Map.of() : (Map<String, Object>) ((Map<String, Object>) body).get("content");
                    Map<String, Object> json = (Map<String, Object>) content.get("application/json");
                    if (json != null) {
                        Map<String, Object> schema = resolve((Map<String, Object>) json.get("schema"), schemas);
                        boolean array = "array".equals(schema.get("type"));
                        if (array) {
                            schema = resolve((Map<String, Object>) schema.get("items"), schemas);
                        }
                        Map<String, Object> properties =
                                (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                        fields.put(
                                method.toUpperCase(Locale.ROOT) + " " + path,
                                new Body(new TreeSet<>(properties.keySet()), array));
                    }
                }));
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas) {
        if (schema == null) {
            return Map.of();
        }
        Object ref = schema.get("$ref");
        if (ref == null && schema.get("allOf") instanceof List<?> all && all.size() == 1) {
            ref = ((Map<String, Object>) all.get(0)).get("$ref");
        }
        if (ref == null) {
            return schema;
        }
        String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
        return (Map<String, Object>) schemas.getOrDefault(name, Map.of());
    }

    private Account allowedAccount(Row row) {
        return Arrays.stream(Account.values())
                .filter(a -> a.reaches(service) && (!row.byRole() || holdsOne(a, row)))
                .findFirst()
                .orElse(null);
    }

    /** The accounts the row refuses: those holding none of its roles whose tokens reach the service. */
    public List<Account> refusedBy(Row row) {
        return Arrays.stream(Account.values())
                .filter(a -> a.reaches(service) && !holdsOne(a, row))
                .toList();
    }

    /** The number of refused calls {@link #callAsRefused} makes. */
    public int refusedCalls() {
        return rows.values().stream()
                .filter(Row::byRole)
                .mapToInt(r -> refusedBy(r).size())
                .sum();
    }

    private static boolean holdsOne(Account account, Row row) {
        return row.roles().stream().anyMatch(account.roles::contains);
    }

    /** The call as the account, with random ids in the path and, if {@code bodyType} names one, an empty body. */
    private static Response request(Account account, Row row, String bodyType) {
        Matcher m = PARAMETER.matcher(row.template());
        String path = m.replaceAll(r -> UUID.randomUUID().toString());
        RequestSpecification request = given().auth().oauth2(account.token());
        if (!bodyType.isEmpty()) {
            request = request.contentType(bodyType).body(emptyBody(bodyType).getBytes(StandardCharsets.UTF_8));
        }
        return request.when().request(row.method(), path);
    }

    private static String emptyBody(String type) {
        if (type.contains("csv")) {
            return "source,sourceRecordId\n";
        }
        return type.contains("ndjson") ? "{}\n" : "{}";
    }

    private static String typeOf(Response response) {
        String contentType = response.contentType();
        if (contentType == null || !contentType.contains("json")) {
            return null;
        }
        return response.jsonPath().getString("type");
    }

    /**
     * A {@link DeniedEvents} over a service's audit outbox: the DENIED {@value #DENIED_ACTION} payloads naming the
     * operation and the account.
     */
    public static DeniedEvents inOutbox(javax.sql.DataSource dataSource) {
        return (operation, account) -> count(
                AuditOutboxProbe.payloadsMentioning(dataSource, "\"resourceId\":\"" + operation + "\""),
                p -> p.contains("\"action\":\"" + DENIED_ACTION + "\"")
                                && p.contains("\"outcome\":\"DENIED\"")
                                && p.contains("\"username\":\"" + account.actorName() + "\"")
                        ? 1
                        : 0);
    }

    private static int count(List<String> payloads, ToIntFunction<String> one) {
        return payloads.stream().mapToInt(one).sum();
    }
}
