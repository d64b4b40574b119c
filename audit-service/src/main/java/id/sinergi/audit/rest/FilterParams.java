package id.sinergi.audit.rest;

import id.sinergi.audit.service.AuditFilter;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Agency;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filter parameters of the query, export and summary operations, read as text so that a bad value becomes a 400
 * problem naming the parameter (JAX-RS would answer 404).
 */
public class FilterParams {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    @QueryParam("workerId")
    @Parameter(description = "Events about this worker (identity-service worker id)")
    @Schema(format = "uuid")
    public String workerId;

    @QueryParam("actor")
    @Parameter(description = "Events by this actor: Keycloak subject or user name")
    public String actor;

    @QueryParam("agency")
    @Parameter(description = "Events by an actor of this agency")
    @Schema(enumeration = {"KEMENP2MI", "KEMLU"})
    public String agency;

    @QueryParam("mission")
    @Parameter(description = "Events by an actor of this mission abroad, e.g. KBRI-KUALALUMPUR")
    public String mission;

    @QueryParam("action")
    @Parameter(description = "Events of this action, e.g. worker.placement.read")
    public String action;

    @QueryParam("outcome")
    @Parameter(description = "Events that ended so")
    @Schema(enumeration = {"SUCCESS", "DENIED", "FAILED"})
    public String outcome;

    @QueryParam("purpose")
    @Parameter(description = "Events declaring this purpose of processing, e.g. PROTECTION_CASE_HANDLING")
    public String purpose;

    @QueryParam("service")
    @Parameter(description = "Events emitted by this service, e.g. identity-service")
    public String service;

    @QueryParam("from")
    @Parameter(description = "Events that occurred at or after this instant (ISO 8601, e.g. 2026-12-01T00:00:00Z)")
    @Schema(format = "date-time")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Events that occurred before this instant (ISO 8601)")
    @Schema(format = "date-time")
    public String to;

    /** The filter, or a 400 problem naming the first bad parameter. */
    public AuditFilter toFilter() {
        Instant[] period = period(from, to);
        return new AuditFilter(
                uuid("workerId", workerId),
                text("actor", actor, 255),
                agency(agency),
                text("mission", mission, 64),
                text("action", action, 96),
                outcome(outcome),
                text("purpose", purpose, 64),
                text("service", service, 64),
                period[0],
                period[1]);
    }

    /** The instants of 'from' and 'to' (each null when absent), or a 400 problem naming the bad one. */
    static Instant[] period(String from, String to) {
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && !toInstant.isAfter(fromInstant)) {
            throw ProblemException.invalidField("invalid-parameter", "to", "must be after 'from'");
        }
        return new Instant[] {fromInstant, toInstant};
    }

    public static int intParam(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range number
        }
        throw ProblemException.invalidField(
                "invalid-parameter", name, "must be a whole number from " + min + " to " + max);
    }

    public static long cursorParam(String name, String value) {
        Long cursor =
                wholeNumber(name, value, 0, "must be the 'next' value of the previous page (a whole number >= 0)");
        return cursor == null ? 0 : cursor;
    }

    /** A whole number >= 0, or null when the parameter is absent. */
    public static Long optionalLong(String name, String value) {
        return wholeNumber(name, value, 0, "must be a whole number >= 0");
    }

    /** A required whole number >= 0. */
    static long requiredLong(String name, String value) {
        return required(name, optionalLong(name, value));
    }

    /**
     * A tree size (a whole number from 1), or null when the parameter is absent; whether the log has a tree that
     * large is {@code MerkleLog}'s to check, in the same words.
     */
    public static Long optionalTreeSize(String name, String value) {
        return wholeNumber(name, value, 1, "must be a tree size from 1 to the latest checkpoint's");
    }

    /** A required tree size. */
    static long requiredTreeSize(String name, String value) {
        return required(name, optionalTreeSize(name, value));
    }

    /** A whole number from {@code min}, null when the parameter is absent, else a 400 problem saying {@code rule}. */
    private static Long wholeNumber(String name, String value, long min, String rule) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below like a number below min
        }
        throw ProblemException.invalidParameter(name, rule);
    }

    private static long required(String name, Long value) {
        if (value == null) {
            throw ProblemException.invalidParameter(name, "is required");
        }
        return value;
    }

    /** A required UUID (a path id taken as text, say). */
    public static UUID requiredUuid(String name, String value) {
        UUID id = uuid(name, value);
        if (id == null) {
            throw ProblemException.invalidField("invalid-parameter", name, "must be a UUID");
        }
        return id;
    }

    private static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("invalid-parameter", name, "must be a UUID");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value.strip());
            if (!instant.isBefore(EARLIEST) && instant.isBefore(LATEST)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // answered below like an instant PostgreSQL cannot compare
        }
        throw ProblemException.invalidField(
                "invalid-parameter",
                name,
                "must be an ISO 8601 instant in the years 1 to 9999, e.g. 2026-12-01T00:00:00Z");
    }

    private static String agency(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Agency.valueOf(value.strip()).name();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    "invalid-parameter", "agency", "must be one of " + names(Agency.values()));
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static AuditOutcome outcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AuditOutcome.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    "invalid-parameter", "outcome", "must be one of " + names(AuditOutcome.values()));
        }
    }

    private static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength || value.indexOf('\0') >= 0) {
            throw ProblemException.invalidField(
                    "invalid-parameter", name, "must be at most " + maxLength + " characters, without NUL");
        }
        return value;
    }
}
