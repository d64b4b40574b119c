package id.sinergi.audit.keycloak;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.audit.service.AuditLog;
import id.sinergi.common.audit.AuditEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Copies Keycloak's login and admin events into the log: reads them from the Admin REST API with a service
 * account that holds only {@code view-events}, from a cursor per stream stored in {@code keycloak_pull}, and
 * ingests them like delivered events (so they are sealed, queried, exported and verified like the rest). One
 * replica stores a stream's pull at a time (a transaction-scoped advisory lock, taken after Keycloak answered,
 * never across a request to it). A failed pull moves no cursor, so
 * whatever Keycloak holds is read again next time; Keycloak keeps its events for as long as the realm's expiration
 * says (docs/audit.md, "Keycloak's events").
 */
@ApplicationScoped
public class KeycloakEventPuller {

    private static final String CURSOR =
            "SELECT resume_from FROM keycloak_pull WHERE stream = $1 ORDER BY seq DESC LIMIT 1";

    /** How many rejected events' ids are remembered (per replica) so that the overlap does not report them again. */
    private static final int REMEMBERED_REJECTIONS = 10_000;

    private static final String INSERT_PULL = "INSERT INTO keycloak_pull (stream, resume_from, newest_event,"
            + " pulled_at, events_read, events_new) VALUES ($1, $2, $3, $4, $5, $6)";

    @Inject
    Pool pool;

    @Inject
    AuditLog log;

    @Inject
    KeycloakEventsConfig config;

    @Inject
    OidcClient oidc;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    @Inject
    Validator validator;

    /** Keycloak's ids of events rejected lately, so that re-reading one in the overlap warns and counts it once. */
    private final Map<String, Boolean> rejectedLately = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_REJECTIONS;
        }
    });

    private final AtomicReference<Tokens> tokens = new AtomicReference<>();
    private final Map<KeycloakStream, AtomicReference<Instant>> caughtUp = new EnumMap<>(KeycloakStream.class);
    private final Map<KeycloakStream, Counter> failures = new EnumMap<>(KeycloakStream.class);
    private final Map<KeycloakStream, Counter> copied = new EnumMap<>(KeycloakStream.class);
    private final Map<KeycloakStream, Counter> rejected = new EnumMap<>(KeycloakStream.class);
    private volatile Target target;

    /** Where the realm's Admin REST API is, and a client of it. */
    record Target(String adminBase, String realm, KeycloakAdminApi api, KeycloakEventMapper mapper) {}

    void start(@Observes StartupEvent start) {
        target = target(config.realmUrl());
        Instant now = Instant.now();
        for (KeycloakStream stream : KeycloakStream.values()) {
            AtomicReference<Instant> at = new AtomicReference<>(now);
            caughtUp.put(stream, at);
            Gauge.builder("sinergi.audit.keycloak.pull.lag", at, a -> secondsSince(a.get()))
                    .description("Seconds since the puller last read all of this stream's events from Keycloak")
                    .tag("stream", stream.code())
                    .baseUnit("seconds")
                    .register(registry);
            failures.put(
                    stream,
                    Counter.builder("sinergi.audit.keycloak.pull.failures")
                            .description("Pulls of Keycloak's events that failed and moved no cursor")
                            .tag("stream", stream.code())
                            .register(registry));
            copied.put(
                    stream,
                    Counter.builder("sinergi.audit.keycloak.events.copied")
                            .description("Keycloak events copied into the log (re-read ones not counted)")
                            .tag("stream", stream.code())
                            .register(registry));
            rejected.put(
                    stream,
                    Counter.builder("sinergi.audit.keycloak.events.rejected")
                            .description("Keycloak events the log's rules refused, skipped so that the pull goes on")
                            .tag("stream", stream.code())
                            .register(registry));
        }
    }

    @Scheduled(
            identity = "audit-keycloak-puller",
            every = "${sinergi.audit.keycloak.pull-interval:5s}",
            delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return pull(KeycloakStream.USER)
                .onFailure()
                .recoverWithNull()
                .flatMap(ignored -> pull(KeycloakStream.ADMIN))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Pulls both streams once, users' first; fails on the first stream whose pull fails. */
    public Uni<List<PullWindow.Read>> pullAll() {
        return pull(KeycloakStream.USER)
                .flatMap(user -> pull(KeycloakStream.ADMIN).map(admin -> List.of(user, admin)));
    }

    /** One pull of the stream from the realm configured (none when another replica holds the stream's lock). */
    Uni<PullWindow.Read> pull(KeycloakStream stream) {
        return pull(stream, target);
    }

    /**
     * One pull of the stream from this Admin REST API; a failure is logged, counted and moves no cursor.
     *
     * <p>The events are fetched first, with no database connection held while Keycloak answers; then one short
     * transaction takes the stream's advisory lock, re-reads the cursor and, only if it is still the one the fetch
     * started from, stores the events and the new cursor. A replica that finds the lock taken or the cursor moved
     * (another replica pulled meanwhile) discards what it fetched: the other pull read the same events from the
     * same or a later cursor, and whatever lies beyond its cursor is read by the next pull.
     */
    Uni<PullWindow.Read> pull(KeycloakStream stream, Target at) {
        return cursor(pool, stream)
                .flatMap(from -> fetch(stream, at, from).flatMap(fetched -> store(stream, from, fetched)))
                .onFailure()
                .invoke(e -> failed(stream, at, e));
    }

    /** What a pull fetched from Keycloak before storing any of it. */
    record Fetched(PullWindow.Read read, List<AuditEvent> events) {}

    private Uni<Fetched> fetch(KeycloakStream stream, Target at, Instant from) {
        PullWindow.Pages pages = (since, first, max) -> page(stream, at, since, first, max);
        List<AuditEvent> events = new ArrayList<>();
        return PullWindow.read(pages, from, config.pageSize(), config.maxPages(), page -> {
                    events.addAll(page);
                    return Uni.createFrom().item(0);
                })
                .map(read -> new Fetched(read, events));
    }

    Uni<PullWindow.Read> store(KeycloakStream stream, Instant from, Fetched fetched) {
        return pool.withTransaction(conn -> conn.query("SELECT pg_try_advisory_xact_lock(" + stream.lock() + ")")
                .execute()
                .flatMap(locked -> !Boolean.TRUE.equals(locked.iterator().next().getBoolean(0))
                        ? Uni.createFrom().item(PullWindow.Read.NONE)
                        : cursor(conn, stream).flatMap(now -> {
                            if (!now.equals(from)) {
                                Log.debugf(
                                        "event=keycloak-events-pull-discarded stream=%s from=%s cursor=%s"
                                                + " reason=another-replica-moved-the-cursor",
                                        stream.code(), from, now);
                                return Uni.createFrom().item(PullWindow.Read.NONE);
                            }
                            return log.ingestCollected(KeycloakEventMapper.SERVICE, fetched.events())
                                    .map(r -> withFresh(fetched.read(), r.accepted()))
                                    .call(read -> moveCursor(conn, stream, from, read));
                        })));
    }

    private static PullWindow.Read withFresh(PullWindow.Read read, int fresh) {
        return new PullWindow.Read(read.read(), fresh, read.newest(), read.reachedEnd(), read.rejected());
    }

    private Uni<Void> moveCursor(SqlClient conn, KeycloakStream stream, Instant from, PullWindow.Read read) {
        Instant next = PullWindow.next(from, read, config.overlap());
        if (read.reachedEnd()) {
            caughtUp.get(stream).set(Instant.now());
        } else if (next.equals(from) && read.read() > 0) {
            Log.warnf(
                    "event=keycloak-events-pull-stuck stream=%s from=%s read=%d effect=\"more events"
                            + " share one millisecond than a pull reads; raise"
                            + " sinergi.audit.keycloak.max-pages\"",
                    stream.code(), from, read.read());
        }
        copied.get(stream).increment(read.fresh());
        if (next.equals(from) && read.fresh() == 0) {
            return Uni.createFrom().voidItem();
        }
        Log.debugf(
                "event=keycloak-events-pulled stream=%s read=%d new=%d rejected=%d resumeFrom=%s",
                stream.code(), read.read(), read.fresh(), read.rejected(), next);
        return conn.preparedQuery(INSERT_PULL)
                .execute(Tuple.tuple()
                        .addValue(stream.code())
                        .addValue(utc(next))
                        .addValue(read.newest() == null ? null : utc(read.newest()))
                        .addValue(utc(Instant.now()))
                        .addValue(read.read())
                        .addValue(read.fresh()))
                .replaceWithVoid();
    }

    /** One page of the stream, turned into audit events and screened. */
    private Uni<PullWindow.Page> page(KeycloakStream stream, Target at, Instant from, int first, int max) {
        long since = from.toEpochMilli();
        return bearer().flatMap(bearer -> stream == KeycloakStream.USER
                ? at.api()
                        .events(at.realm(), bearer, since, first, max, "asc")
                        .map(events -> screen(stream, events, at.mapper()::user, KeycloakUserEvent::id))
                : at.api()
                        .adminEvents(at.realm(), bearer, since, first, max, "asc")
                        .map(events -> screen(stream, events, at.mapper()::admin, KeycloakAdminEvent::id)));
    }

    /**
     * Maps Keycloak's events and sets aside those the log would refuse (a time too far ahead, a field it cannot
     * store): one such event would otherwise fail every pull until Keycloak expires it. Each is counted and logged
     * once per replica, by Keycloak's id and the rule it broke.
     */
    <T> PullWindow.Page screen(
            KeycloakStream stream, List<T> events, Function<T, AuditEvent> map, Function<T, String> keycloakId) {
        Instant now = Instant.now();
        List<AuditEvent> kept = new ArrayList<>(events.size());
        Instant newest = null;
        for (T raw : events) {
            AuditEvent event;
            AuditLog.BrokenRule broken;
            try {
                event = map.apply(raw);
                broken = broken(event, now);
            } catch (RuntimeException e) {
                event = null;
                broken = new AuditLog.BrokenRule("unmappable", e.getClass().getSimpleName());
            }
            if (broken == null) {
                kept.add(event);
            } else {
                rejected(stream, keycloakId.apply(raw), broken);
            }
            if (event != null
                    && (broken == null || !event.occurredAt().isAfter(now))
                    && (newest == null || event.occurredAt().isAfter(newest))) {
                newest = event.occurredAt();
            }
        }
        return new PullWindow.Page(events.size(), kept, newest);
    }

    /** The rule of the log the event breaks: its constraints first, then what ingestion checks; null if none. */
    private AuditLog.BrokenRule broken(AuditEvent event, Instant now) {
        Set<ConstraintViolation<AuditEvent>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            String field = violations.stream()
                    .map(v -> v.getPropertyPath().toString())
                    .sorted()
                    .findFirst()
                    .orElse(null);
            return new AuditLog.BrokenRule("constraint-violation", field);
        }
        return AuditLog.brokenRule(event, KeycloakEventMapper.SERVICE, now).orElse(null);
    }

    private void rejected(KeycloakStream stream, String keycloakId, AuditLog.BrokenRule broken) {
        String id = keycloakId == null ? "none" : KeycloakEventMapper.word(keycloakId);
        if (keycloakId != null && rejectedLately.put(stream.code() + "/" + keycloakId, Boolean.TRUE) != null) {
            return;
        }
        rejected.get(stream).increment();
        Log.warnf(
                "event=keycloak-event-rejected stream=%s keycloakEventId=%s rule=%s field=%s"
                        + " effect=\"skipped, not in the log; the pull goes on\"",
                stream.code(),
                id,
                KeycloakEventMapper.word(broken.rule()),
                broken.field() == null ? "none" : KeycloakEventMapper.word(broken.field()));
    }

    /** The service account's access token, fetched again shortly before it expires. */
    private Uni<String> bearer() {
        Tokens current = tokens.get();
        Long expiresAt = current == null ? null : current.getAccessTokenExpiresAt();
        if (current != null && expiresAt != null && expiresAt > Instant.now().getEpochSecond() + 30) {
            return Uni.createFrom().item("Bearer " + current.getAccessToken());
        }
        return oidc.getTokens().invoke(tokens::set).map(t -> "Bearer " + t.getAccessToken());
    }

    private void failed(KeycloakStream stream, Target at, Throwable e) {
        failures.get(stream).increment();
        String status = "none";
        if (e instanceof WebApplicationException web && web.getResponse() != null) {
            status = Integer.toString(web.getResponse().getStatus());
            if (web.getResponse().getStatus() == 401) {
                tokens.set(null);
            }
        }
        Log.warnf(
                "event=keycloak-events-pull-failed stream=%s keycloak=%s realm=%s status=%s error=%s"
                        + " effect=\"no cursor moved; the events wait in Keycloak for the next pull\"",
                stream.code(), at.adminBase(), at.realm(), status, e.getClass().getSimpleName());
    }

    private static Uni<Instant> cursor(SqlClient conn, KeycloakStream stream) {
        return conn.preparedQuery(CURSOR).execute(Tuple.of(stream.code())).map(KeycloakEventPuller::resumeFrom);
    }

    /** The stream's cursor; before its first pull, the start of whatever Keycloak still holds. */
    private static Instant resumeFrom(RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
        return rows.size() == 0
                ? Instant.EPOCH
                : rows.iterator().next().getOffsetDateTime(0).toInstant();
    }

    /** The Admin REST API of the realm of this issuer URL, e.g. {@code http://127.0.0.1:8180/realms/sinergi}. */
    Target target(String realmUrl) {
        URI uri = URI.create(realmUrl);
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        int at = path.lastIndexOf("/realms/");
        if (uri.getScheme() == null || uri.getAuthority() == null || at < 0 || at + 8 >= path.length()) {
            throw new IllegalStateException("sinergi.audit.keycloak.realm-url must be a realm's URL such as"
                    + " http://127.0.0.1:8180/realms/sinergi, not " + realmUrl);
        }
        String realm = path.substring(at + 8);
        String base = uri.getScheme() + "://" + uri.getAuthority() + path.substring(0, at);
        long timeout = config.requestTimeout().toMillis();
        KeycloakAdminApi api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(base))
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .build(KeycloakAdminApi.class);
        return new Target(base, realm, api, new KeycloakEventMapper(realm, json));
    }

    private static double secondsSince(Instant t) {
        return Math.max(0, Instant.now().toEpochMilli() - t.toEpochMilli()) / 1000.0;
    }

    private static OffsetDateTime utc(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
