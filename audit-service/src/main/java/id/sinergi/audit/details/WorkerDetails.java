package id.sinergi.audit.details;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.audit.domain.AuditRecord;
import id.sinergi.common.audit.AuditEvent;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Events' personal details, encrypted per worker: each worker gets a random AES-256 data key on the first event
 * with details about them, kept in {@code worker_key} wrapped under the master key; intake seals the details under
 * it, and reads open them again. Destroying the worker's key erases every detail sealed under it while the rows,
 * and so the Merkle tree, stay as they are. Keys are read from PostgreSQL on every use and never cached, so an
 * erasure holds on every replica from the next read. Neither details nor keys are ever logged.
 */
@ApplicationScoped
@Startup
public class WorkerDetails {

    private static final String SELECT_KEYS =
            "SELECT worker_id, key_id, master_key_id, wrapped_key FROM worker_key WHERE worker_id = ANY($1::uuid[])";

    private static final String INSERT_KEYS = "INSERT INTO worker_key (worker_id, key_id, master_key_id, wrapped_key,"
            + " created_at) SELECT w, k, $3, wk, $5 FROM unnest($1::uuid[], $2::uuid[], $4::bytea[]) AS n(w, k, wk)"
            + " ON CONFLICT (worker_id) DO NOTHING";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DetailsConfig config;

    @Inject
    Pool pool;

    private byte[] masterKey;

    private String masterKeyId;

    @PostConstruct
    void load() {
        masterKey = masterKey(LaunchMode.current().isDevOrTest());
        masterKeyId = DetailsCipher.masterKeyId(masterKey);
        Log.infof("event=audit-details-key-loaded masterKeyId=%s", masterKeyId);
    }

    private byte[] masterKey(boolean ephemeralAllowed) {
        if (config.masterKey().isPresent()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(config.masterKey().get().strip());
            } catch (IllegalArgumentException e) {
                // The message would quote the value: say only what is wrong with it.
                throw new IllegalStateException("sinergi.audit.details.master-key is not standard base64");
            }
            if (key.length != DetailsCipher.KEY_BYTES) {
                throw new IllegalStateException("sinergi.audit.details.master-key must be the base64 of "
                        + DetailsCipher.KEY_BYTES + " random bytes, not of " + key.length);
            }
            return key;
        }
        if (!ephemeralAllowed) {
            throw new IllegalStateException("sinergi.audit.details.master-key is not set: audit-service encrypts"
                    + " events' personal details under keys it wraps with this master key (32 random bytes in"
                    + " base64, e.g. from a Kubernetes Secret as SINERGI_AUDIT_DETAILS_MASTER_KEY); see docs/audit.md");
        }
        Log.warn("event=audit-details-key-ephemeral reason=\"sinergi.audit.details.master-key is not set\""
                + " effect=\"details stored now read as UNREADABLE after a restart\"");
        return DetailsCipher.newKey();
    }

    /**
     * Seals the details of the events that carry some, making the keys of workers who have none yet; gives the
     * sealed bytes by event id. Every event with details names a worker ({@code EventRules}).
     */
    public Uni<Map<UUID, byte[]>> seal(Collection<AuditEvent> events) {
        List<AuditEvent> withDetails =
                events.stream().filter(e -> e.details() != null).toList();
        if (withDetails.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Set<UUID> workers = new LinkedHashSet<>();
        withDetails.forEach(e -> workers.add(e.workerId()));
        return keysCreatingMissing(workers).map(keys -> {
            Map<UUID, byte[]> box = new HashMap<>();
            for (AuditEvent e : withDetails) {
                DataKey key = keys.get(e.workerId());
                box.put(e.id(), DetailsCipher.seal(key.key(), key.keyId(), e.id(), e.workerId(), bytes(e.details())));
            }
            return box;
        });
    }

    /**
     * The details of these rows, opened where the worker's key still opens them; rows without details are left out.
     * Each worker's key is read and unwrapped once per call; details that do not open are logged once per call,
     * by ingest id and reason only.
     */
    public Uni<Map<Long, OpenedDetails>> open(List<AuditRecord> rows) {
        List<AuditRecord> withDetails =
                rows.stream().filter(r -> r.details != null).toList();
        if (withDetails.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Set<UUID> workers = new LinkedHashSet<>();
        withDetails.stream().filter(r -> r.workerId != null).forEach(r -> workers.add(r.workerId));
        return storedKeys(pool, workers).map(keys -> {
            Opening opening = new Opening(keys);
            Map<Long, OpenedDetails> opened = new HashMap<>();
            withDetails.forEach(r -> opened.put(r.ingestId, opening.open(r)));
            opening.logUnreadable();
            return opened;
        });
    }

    /** Destroys the worker's data key; gives whether there was one. */
    public Uni<Boolean> destroyKey(SqlClient conn, UUID workerId) {
        return conn.preparedQuery("DELETE FROM worker_key WHERE worker_id = $1")
                .execute(Tuple.of(workerId))
                .map(rs -> rs.rowCount() > 0);
    }

    /** One call's opening of details: the keys it read, those it unwrapped, and what did not open. */
    private final class Opening {
        private final Map<UUID, StoredKey> stored;
        private final Map<UUID, byte[]> unwrapped = new HashMap<>();
        private final List<Long> unreadable = new ArrayList<>();
        private String reason;

        Opening(Map<UUID, StoredKey> stored) {
            this.stored = stored;
        }

        OpenedDetails open(AuditRecord r) {
            StoredKey key = r.workerId == null ? null : stored.get(r.workerId);
            UUID sealedBy = DetailsCipher.keyIdOf(r.details);
            if (key == null || (sealedBy != null && !sealedBy.equals(key.keyId()))) {
                // No key, or a newer one made after an erasure: the key these were sealed under is gone.
                return OpenedDetails.ERASED;
            }
            if (!key.masterKeyId().equals(masterKeyId)) {
                return unreadable(r, "master-key-mismatch stored=" + key.masterKeyId() + " configured=" + masterKeyId);
            }
            try {
                byte[] dataKey = unwrapped.get(r.workerId);
                if (dataKey == null) {
                    dataKey = DetailsCipher.unwrap(masterKey, r.workerId, key.keyId(), key.wrapped());
                    unwrapped.put(r.workerId, dataKey);
                }
                JsonNode node = JSON.readTree(DetailsCipher.open(dataKey, r.eventId, r.workerId, r.details));
                if (node instanceof ObjectNode object) {
                    return new OpenedDetails(DetailsStatus.PRESENT, object);
                }
            } catch (GeneralSecurityException | IOException e) {
                // Says only that the tag or the JSON did not match; its message is not logged, as it may quote bytes.
            }
            return unreadable(r, "does-not-open");
        }

        private OpenedDetails unreadable(AuditRecord r, String why) {
            unreadable.add(r.ingestId);
            reason = why;
            return OpenedDetails.UNREADABLE;
        }

        void logUnreadable() {
            if (!unreadable.isEmpty()) {
                Log.errorf(
                        "event=audit-details-unreadable rows=%d firstIngestId=%d reason=%s",
                        unreadable.size(), unreadable.get(0), reason);
            }
        }
    }

    private Uni<Map<UUID, DataKey>> keysCreatingMissing(Set<UUID> workers) {
        return pool.withTransaction(conn -> storedKeys(conn, workers).flatMap(stored -> {
            List<UUID> missing =
                    workers.stream().filter(w -> !stored.containsKey(w)).toList();
            if (missing.isEmpty()) {
                return Uni.createFrom().item(unwrapAll(stored));
            }
            return insertKeys(conn, missing)
                    // Another request may have made some of them meanwhile: read what won.
                    .flatMap(x -> storedKeys(conn, new LinkedHashSet<>(missing)))
                    .map(made -> {
                        Map<UUID, StoredKey> all = new HashMap<>(stored);
                        all.putAll(made);
                        return unwrapAll(all);
                    });
        }));
    }

    private Uni<Void> insertKeys(SqlClient conn, List<UUID> workers) {
        UUID[] keyIds = new UUID[workers.size()];
        Buffer[] wrapped = new Buffer[workers.size()];
        for (int i = 0; i < workers.size(); i++) {
            keyIds[i] = UUID.randomUUID();
            wrapped[i] =
                    Buffer.buffer(DetailsCipher.wrap(masterKey, workers.get(i), keyIds[i], DetailsCipher.newKey()));
        }
        return conn.preparedQuery(INSERT_KEYS)
                .execute(Tuple.of(
                        workers.toArray(UUID[]::new), keyIds, masterKeyId, wrapped, OffsetDateTime.now(ZoneOffset.UTC)))
                .invoke(rs -> Log.debugf("event=audit-worker-keys-made count=%d", rs.rowCount()))
                .replaceWithVoid();
    }

    private Map<UUID, DataKey> unwrapAll(Map<UUID, StoredKey> stored) {
        Map<UUID, DataKey> keys = new HashMap<>();
        stored.forEach((worker, key) -> {
            if (!key.masterKeyId().equals(masterKeyId)) {
                throw new IllegalStateException("worker_key of a worker is wrapped under master key "
                        + key.masterKeyId() + ", not the configured " + masterKeyId
                        + ": set sinergi.audit.details.master-key to the key the log was run with");
            }
            try {
                keys.put(
                        worker,
                        new DataKey(key.keyId(), DetailsCipher.unwrap(masterKey, worker, key.keyId(), key.wrapped())));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("a worker's stored data key does not unwrap under the master key");
            }
        });
        return keys;
    }

    private static Uni<Map<UUID, StoredKey>> storedKeys(SqlClient client, Set<UUID> workers) {
        if (workers.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery(SELECT_KEYS)
                .execute(Tuple.of(workers.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, StoredKey> keys = new HashMap<>();
                    for (Row row : rows) {
                        keys.put(
                                row.getUUID(0),
                                new StoredKey(
                                        row.getUUID(1),
                                        row.getString(2),
                                        row.getBuffer(3).getBytes()));
                    }
                    return keys;
                });
    }

    private static byte[] bytes(ObjectNode details) {
        try {
            return JSON.writeValueAsBytes(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("details cannot be written as JSON", e);
        }
    }

    /** A worker's key row as stored. */
    private record StoredKey(UUID keyId, String masterKeyId, byte[] wrapped) {}

    /** A worker's data key, unwrapped, with its id. */
    private record DataKey(UUID keyId, byte[] key) {}
}
