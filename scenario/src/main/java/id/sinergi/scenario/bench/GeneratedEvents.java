package id.sinergi.scenario.bench;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Audit events as case-service delivers them, drawn from a seeded random sequence: 2,000 officers of Kemlu's
 * missions and of KemenP2MI, a million workers, a handful of actions, purposes and outcomes. Each event can be
 * written as the JSON the intake takes, as a line of PostgreSQL's COPY text format, or as the parameters of a
 * single-row INSERT, so that the service and PostgreSQL are measured on the same rows. When each happened comes
 * from an {@link EventClock}, which the generators of one run share: what is drawn is the seed's, but which
 * client's event takes which step of the history depends on how the clients' threads interleave.
 */
final class GeneratedEvents {

    /** The delivering client, which every event names as its service. */
    static final String SERVICE = "case-service";

    /** audit_entry's columns that an insert gives, in the order of {@link #copyLine} and {@link #bind}. */
    static final String COLUMNS = "event_id, occurred_at, recorded_at, service, action, outcome, actor_subject,"
            + " actor_username, actor_agency, actor_mission, actor_client_id, actor_roles, worker_id, purpose,"
            + " resource_type, resource_id, reason, entry_format";

    /** The canonical form the rows are sealed in: version 3 (no details). */
    static final int ENTRY_FORMAT = 3;

    /** How many officers the events name. */
    static final int OFFICERS = 2000;

    private static final int WORKERS = 1_000_000;

    private static final String[] MISSIONS = {
        "KBRI-KUALALUMPUR",
        "KJRI-HONGKONG",
        "KBRI-SINGAPURA",
        "KBRI-RIYADH",
        "KJRI-JEDDAH",
        "KBRI-ABUDHABI",
        "KJRI-DUBAI",
        "KBRI-DOHA",
        "KBRI-KUWAIT",
        "KBRI-SEOUL",
        "KJRI-OSAKA",
        "KBRI-TOKYO",
        "KETO-TAIPEI",
        "KJRI-JOHORBAHRU",
        "KJRI-PENANG",
        "KJRI-KOTAKINABALU",
        "KJRI-KUCHING",
        "KBRI-BANDARSERIBEGAWAN",
        "KBRI-AMMAN",
        "KBRI-MUSCAT"
    };

    private static final String[] ACTIONS = {
        "case.read",
        "case.read",
        "case.read",
        "worker.placement.read",
        "worker.placement.read",
        "case.note.add",
        "case.create",
        "case.update",
        "case.handover",
        "case.close"
    };

    private static final String[] PURPOSES = {
        "PROTECTION_CASE_HANDLING",
        "PROTECTION_CASE_HANDLING",
        "PROTECTION_CASE_HANDLING",
        "INSURANCE_CLAIM",
        "REPATRIATION"
    };

    private static final Officer[] ROSTER = roster();

    private final SplittableRandom random;
    private final EventClock clock;
    private final int part;
    private final int parts;
    /** How many officers are this part's: those of {@code part + k * parts} below {@link #OFFICERS}. */
    private final int officers;

    /**
     * The events of one client of {@code parts} sending at once: those of officers {@code part}, {@code part +
     * parts}, {@code part + 2 * parts}... An officer's events then come from one client, in the order of their
     * times, as from one service's outbox; the alert rules take an event that arrives after a later one of its
     * officer as late and read the officer's events again.
     */
    GeneratedEvents(long seed, EventClock clock, int part, int parts) {
        if (parts < 1 || parts > OFFICERS || part < 0 || part >= parts) {
            throw new IllegalArgumentException("part " + part + " of " + parts + " officers' shares");
        }
        this.random = new SplittableRandom(seed);
        this.clock = clock;
        this.part = part;
        this.parts = parts;
        this.officers = (OFFICERS - part + parts - 1) / parts;
    }

    /** One officer: the actor of the events, as JSON and as COPY columns, made once. */
    record Officer(
            String subject,
            String username,
            String agency,
            String mission,
            String roles,
            String json,
            String copyColumns) {}

    /** One event: what varies from event to event. */
    record Event(
            UUID id,
            Instant occurredAt,
            String action,
            String outcome,
            Officer officer,
            UUID worker,
            String purpose,
            UUID caseId,
            String reason) {}

    /** The next event, at the clock's next time. */
    Event next() {
        Officer officer = ROSTER[part + parts * random.nextInt(officers)];
        int roll = random.nextInt(100);
        String outcome = roll < 90 ? "SUCCESS" : roll < 98 ? "DENIED" : "FAILED";
        String reason =
                switch (outcome) {
                    case "SUCCESS" -> random.nextBoolean() ? "basis=CONSENT grant=" + uuid() : "basis=PUBLIC_TASK";
                    case "DENIED" -> "no grant of the worker covers PLACEMENT for this purpose";
                    default -> "consent-service unavailable";
                };
        Instant occurredAt = clock.next(random);
        return new Event(
                eventId(occurredAt),
                occurredAt,
                ACTIONS[random.nextInt(ACTIONS.length)],
                outcome,
                officer,
                worker(random.nextInt(WORKERS)),
                PURPOSES[random.nextInt(PURPOSES.length)],
                uuid(),
                reason);
    }

    /** One event as the single intake takes it. */
    byte[] jsonObject() {
        StringBuilder sb = new StringBuilder(700);
        json(sb, next());
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code n} events as the batch intake takes them. */
    byte[] jsonArray(int n) {
        StringBuilder sb = new StringBuilder(n * 700).append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            json(sb, next());
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void json(StringBuilder sb, Event e) {
        sb.append("{\"id\":\"").append(e.id()).append("\",\"occurredAt\":\"").append(e.occurredAt());
        sb.append("\",\"service\":\"")
                .append(SERVICE)
                .append("\",\"action\":\"")
                .append(e.action());
        sb.append("\",\"outcome\":\"")
                .append(e.outcome())
                .append("\",\"actor\":")
                .append(e.officer().json());
        sb.append(",\"workerId\":\"")
                .append(e.worker())
                .append("\",\"purpose\":\"")
                .append(e.purpose());
        sb.append("\",\"resourceType\":\"case\",\"resourceId\":\"").append(e.caseId());
        sb.append("\",\"reason\":\"").append(e.reason()).append("\"}");
    }

    /** The event as a line of COPY's text format, in the order of {@link #COLUMNS}. */
    static void copyLine(StringBuilder sb, Event e, Instant recordedAt) {
        sb.append(e.id())
                .append('\t')
                .append(e.occurredAt())
                .append('\t')
                .append(recordedAt)
                .append('\t');
        sb.append(SERVICE)
                .append('\t')
                .append(e.action())
                .append('\t')
                .append(e.outcome())
                .append('\t');
        sb.append(e.officer().copyColumns())
                .append('\t')
                .append(e.worker())
                .append('\t')
                .append(e.purpose());
        sb.append("\tcase\t").append(e.caseId()).append('\t').append(e.reason());
        sb.append('\t').append(ENTRY_FORMAT).append('\n');
    }

    /** The event as the parameters of {@code INSERT ... (COLUMNS) VALUES (?, ... ?)}. */
    static void bind(PreparedStatement ps, Event e, Instant recordedAt) throws SQLException {
        Officer o = e.officer();
        ps.setObject(1, e.id());
        ps.setObject(2, e.occurredAt().atOffset(ZoneOffset.UTC));
        ps.setObject(3, recordedAt.atOffset(ZoneOffset.UTC));
        ps.setString(4, SERVICE);
        ps.setString(5, e.action());
        ps.setString(6, e.outcome());
        ps.setString(7, o.subject());
        ps.setString(8, o.username());
        ps.setString(9, o.agency());
        ps.setString(10, o.mission());
        ps.setString(11, "sinergi-portal");
        ps.setString(12, o.roles());
        ps.setObject(13, e.worker());
        ps.setString(14, e.purpose());
        ps.setString(15, "case");
        ps.setString(16, e.caseId().toString());
        ps.setString(17, e.reason());
        ps.setShort(18, (short) ENTRY_FORMAT);
    }

    /**
     * A version-7 UUID of this sequence for an event that occurred then, as the services' own events carry
     * (common's Ids): the time in milliseconds first, then random bits.
     */
    private UUID eventId(Instant occurredAt) {
        long msb = (occurredAt.toEpochMilli() << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** A random version-4 UUID from this sequence (UUID.randomUUID's SecureRandom is slower and shared). */
    private UUID uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** Worker {@code k}'s id: the same for every run, spread over the id space as random ids are. */
    private static UUID worker(long k) {
        return new UUID(mix(k) & ~0xF000L | 0x4000L, mix(~k) & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static Officer[] roster() {
        Officer[] roster = new Officer[OFFICERS];
        for (int k = 0; k < OFFICERS; k++) {
            boolean p2mi = k % 4 == 0;
            String subject = new UUID(0x5349_4e45_5247_4900L + k, mix(k)).toString();
            String username = (p2mi ? "p2mi.officer." : "consul.") + k;
            String agency = p2mi ? "KEMENP2MI" : "KEMLU";
            String mission = p2mi ? null : MISSIONS[k % MISSIONS.length];
            String role = p2mi ? "p2mi-officer" : "consular-officer";
            String roles = "[\"" + role + "\"]";
            String json = "{\"subject\":\"" + subject + "\",\"username\":\"" + username + "\",\"agency\":\"" + agency
                    + "\"" + (mission == null ? "" : ",\"mission\":\"" + mission + "\"")
                    + ",\"clientId\":\"sinergi-portal\",\"roles\":" + roles + "}";
            String copy = subject + "\t" + username + "\t" + agency + "\t" + (mission == null ? "\\N" : mission)
                    + "\tsinergi-portal\t" + roles;
            roster[k] = new Officer(subject, username, agency, mission, roles, json, copy);
        }
        return roster;
    }
}
