package id.sinergi.audit.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.audit.domain.AuditRecord;
import id.sinergi.audit.domain.EntryCodec;
import id.sinergi.audit.log.LogViews.ConsistencyProof;
import id.sinergi.audit.log.LogViews.CosignatureReceipt;
import id.sinergi.audit.log.LogViews.EventProof;
import id.sinergi.audit.log.LogViews.InclusionProof;
import id.sinergi.audit.proof.Checkpoint;
import id.sinergi.audit.proof.NoteKey;
import id.sinergi.audit.proof.ProofPlan;
import id.sinergi.audit.proof.SignedNote;
import id.sinergi.audit.service.AuditLog;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

/** The log as a Merkle tree: checkpoints, proofs, witnesses' cosignatures and the export for offline checks. */
@ApplicationScoped
public class MerkleLog {

    /** Leaves per page of an export or a verification. */
    static final int PAGE = 5000;

    static final String LEAVES = "SELECT l.leaf_index, l.leaf_hash, " + LogStore.ENTRY_COLUMNS
            + ", x.event_id, x.category, x.statement_leaf, x.expired_at"
            + " FROM merkle_leaf l LEFT JOIN audit_entry e ON e.ingest_id = l.ingest_id"
            + " LEFT JOIN expired_entry x ON x.leaf_index = l.leaf_index AND e.ingest_id IS NULL"
            + " WHERE l.leaf_index >= $1 AND l.leaf_index < $2 ORDER BY l.leaf_index";

    /** The column of {@link #LEAVES} where the expired entry's remains start. */
    private static final int EXPIRED_COLUMN = 2 + LogStore.ENTRY_COLUMN_COUNT;

    private static final Base64.Encoder B64 = Base64.getEncoder();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @Inject
    LogKeys keys;

    @Inject
    AuditLog audit;

    /** The latest checkpoint as a signed note, with the cosignatures stored for it. */
    public Uni<String> checkpoint() {
        return latest().flatMap(this::withCosignatures);
    }

    /**
     * A witness's cosignature of a checkpoint, as stored.
     *
     * @param witness the witness's key name
     * @param signedAt the time the cosignature states
     * @param receivedAt when the log stored it
     */
    public record WitnessCosignature(String witness, Instant signedAt, Instant receivedAt) {}

    /** The cosignatures stored for the checkpoint of this tree size, by witness name. */
    public Uni<List<WitnessCosignature>> cosignatures(long size) {
        return pool.preparedQuery("SELECT witness, signed_at, received_at FROM cosignature WHERE tree_size = $1"
                        + " ORDER BY witness, received_at")
                .execute(Tuple.of(size))
                .map(rows -> {
                    List<WitnessCosignature> out = new ArrayList<>();
                    rows.forEach(row -> out.add(new WitnessCosignature(
                            row.getString(0),
                            row.getOffsetDateTime(1).toInstant(),
                            row.getOffsetDateTime(2).toInstant())));
                    return out;
                });
    }

    /** The names of the witnesses whose cosignatures the log takes. */
    public List<String> witnessNames() {
        return keys.witnessNames();
    }

    /** The log's public key as a vkey. */
    public String vkey() {
        return keys.vkey();
    }

    /** The consistency proof between two tree sizes up to the latest checkpoint's. */
    public Uni<ConsistencyProof> consistency(long from, long to) {
        return latest().flatMap(latest -> {
            if (from < 1 || from > to) {
                throw ProblemException.invalidField("invalid-parameter", "from", "must be at least 1 and at most 'to'");
            }
            checkSize("to", to, latest);
            ProofPlan plan = ProofPlan.consistency(from, to);
            return hashes(plan).map(proof -> new ConsistencyProof(from, to, proof));
        });
    }

    /** The inclusion proof of a leaf in the tree of {@code size} (the latest checkpoint's when null). */
    public Uni<InclusionProof> inclusion(long index, Long size, Caller caller) {
        return latest().flatMap(latest -> {
            long treeSize = size == null ? latest.size() : size;
            checkSize("size", treeSize, latest);
            if (index < 0 || index >= treeSize) {
                throw ProblemException.invalidField(
                        "invalid-parameter", "index", "must be a leaf of the tree: 0 to " + (treeSize - 1));
            }
            return leafHash(index)
                    .flatMap(leafHash -> hashes(ProofPlan.inclusion(index, treeSize))
                            .map(proof -> new InclusionProof(index, treeSize, leafHash, proof)))
                    .call(p -> audit.recordOwn(own(caller, "audit.proof.read", null)
                            .resource("merkle-leaf", index)
                            .reason("size=" + treeSize)
                            .build()));
        });
    }

    /** Where an event sits in the tree, its inclusion proof and the checkpoint it is proved against. */
    public Uni<EventProof> eventProof(UUID eventId, Long size, Caller caller) {
        return latest().flatMap(latest -> {
            long treeSize = size == null ? latest.size() : size;
            checkSize("size", treeSize, latest);
            return pool.preparedQuery("SELECT l.leaf_index, l.leaf_hash, " + LogStore.ENTRY_COLUMNS
                            + " FROM audit_entry e JOIN merkle_leaf l ON l.ingest_id = e.ingest_id"
                            + " WHERE e.event_id = $1")
                    .execute(Tuple.of(eventId))
                    .flatMap(rows -> {
                        if (rows.size() == 0) {
                            throw ProblemException.notFound("A sealed audit event " + eventId);
                        }
                        Row row = rows.iterator().next();
                        long index = row.getLong(0);
                        if (index >= treeSize) {
                            throw ProblemException.conflict(
                                    "not-in-tree-size",
                                    "Event sealed after that checkpoint",
                                    "The event is leaf " + index + ", outside the tree of " + treeSize + " leaves.");
                        }
                        AuditRecord record = LogStore.record(row, 2);
                        return checkpointNote(treeSize).flatMap(note -> hashes(ProofPlan.inclusion(index, treeSize))
                                .map(proof -> new EventProof(
                                        eventId,
                                        index,
                                        treeSize,
                                        B64.encodeToString(LogStore.bytes(row, 1)),
                                        EntryCodec.canonical(record),
                                        proof,
                                        note)));
                    })
                    .call(p -> audit.recordOwn(own(caller, "audit.proof.read", null)
                            .resource("audit-event", eventId)
                            .reason("size=" + treeSize)
                            .build()));
        });
    }

    /**
     * Stores a witness's cosignature of a checkpoint the log issued. The body is the checkpoint note with the
     * witness's line added; the text must be exactly the log's note for that size, and the line must verify under
     * a witness key configured in {@code sinergi.audit.log.witnesses}.
     */
    public Uni<CosignatureReceipt> cosign(String body, Caller caller) {
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(body);
            checkpoint = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("invalid-checkpoint", ProblemException.BODY, e.getMessage());
        }
        Cosigned cosigned = validCosignature(note);
        return LogStore.checkpointAt(pool, checkpoint.size()).flatMap(stored -> {
            if (stored == null || !SignedNote.parse(stored.note()).text().equals(note.text())) {
                Log.warnf(
                        "event=audit-cosignature-refused witness=%s treeSize=%d reason=not-issued-by-log client=%s",
                        cosigned.key().name(), checkpoint.size(), caller.clientId());
                throw ProblemException.conflict(
                        "checkpoint-not-issued",
                        "Not a checkpoint of this log",
                        "The log issued no checkpoint with this text for tree size " + checkpoint.size()
                                + "; a witness cosigns only checkpoints fetched from the log.");
            }
            Instant signedAt = Instant.ofEpochSecond(NoteKey.cosignatureTime(cosigned.line()));
            return pool.preparedQuery("INSERT INTO cosignature (tree_size, witness, key_id, line, signed_at,"
                            + " received_at) VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT DO NOTHING")
                    .execute(Tuple.of(
                            checkpoint.size(),
                            cosigned.key().name(),
                            cosigned.key().keyId(),
                            cosigned.line().format(),
                            signedAt.atOffset(ZoneOffset.UTC)))
                    .map(rs -> new CosignatureReceipt(
                            cosigned.key().name(), checkpoint.size(), signedAt, rs.rowCount() == 0))
                    .call(r -> audit.recordOwn(own(caller, "audit.checkpoint.cosigned", null)
                            .resource("checkpoint", checkpoint.size())
                            .reason("witness=" + r.witness() + " alreadyStored=" + r.alreadyStored())
                            .build()));
        });
    }

    private record Cosigned(NoteKey key, SignedNote.Line line) {}

    private Cosigned validCosignature(SignedNote note) {
        boolean namedWitness = false;
        // The poster appends its own line after those the log already published: look from the end, so that the
        // second witness of a checkpoint is not taken for the first, whose line the fetched note carries.
        List<SignedNote.Line> lines = new ArrayList<>(note.signatures());
        java.util.Collections.reverse(lines);
        for (SignedNote.Line line : lines) {
            var witness = keys.witness(line.name(), line.keyId());
            if (witness.isPresent()) {
                namedWitness = true;
                if (witness.get().verifies(note.text(), line)) {
                    return new Cosigned(witness.get(), line);
                }
            }
        }
        if (!namedWitness) {
            Log.warn("event=audit-cosignature-refused reason=unknown-witness");
            throw ProblemException.forbidden(
                    "unknown-witness",
                    "Not a witness of this log",
                    "No signature line is by a witness key configured in sinergi.audit.log.witnesses.");
        }
        throw ProblemException.invalidField(
                "invalid-cosignature", ProblemException.BODY, "has no valid cosignature/v1 by its witness");
    }

    /**
     * The log as NDJSON for the offline verifier: the checkpoint of {@code size} (the latest when null), then every
     * leaf below it with its stored hash and its event's canonical entry (null where the row is gone).
     */
    public Multi<ObjectNode> export(Long size, Caller caller) {
        return latest().flatMap(latest -> {
                    long treeSize = size == null ? latest.size() : size;
                    checkSize("size", treeSize, latest);
                    return checkpointNote(treeSize).map(note -> new Object[] {treeSize, note});
                })
                .call(x -> audit.recordOwn(own(caller, "audit.export", null)
                        .resource("checkpoint", (Long) x[0])
                        .build()))
                .onItem()
                .transformToMulti(x -> {
                    long treeSize = (Long) x[0];
                    ObjectNode head =
                            JSON.createObjectNode().put("type", "checkpoint").put("note", (String) x[1]);
                    Multi<ObjectNode> entries = Multi.createFrom()
                            .items(LongStream.iterate(0, start -> start < treeSize, start -> start + PAGE)
                                    .boxed())
                            .onItem()
                            .transformToUniAndConcatenate(start -> page(start, treeSize))
                            .onItem()
                            .transformToIterable(lines -> lines);
                    return Multi.createBy()
                            .concatenating()
                            .streams(Multi.createFrom().item(head), entries);
                });
    }

    private Uni<List<ObjectNode>> page(long from, long treeSize) {
        return pool.preparedQuery(LEAVES)
                .execute(Tuple.of(from, Math.min(treeSize, from + PAGE)))
                .map(rows -> {
                    List<ObjectNode> lines = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        ObjectNode line = JSON.createObjectNode()
                                .put("type", "entry")
                                .put("index", row.getLong(0))
                                .put("leafHash", B64.encodeToString(LogStore.bytes(row, 1)));
                        if (row.getValue(2) == null && row.getValue(EXPIRED_COLUMN) != null) {
                            // Expired: the verifier accepts the missing entry where a retention statement covers it.
                            line.put("eventId", row.getUUID(EXPIRED_COLUMN).toString())
                                    .putNull("entry");
                            line.putObject("expired")
                                    .put("category", row.getString(EXPIRED_COLUMN + 1))
                                    .put("statementLeaf", row.getLong(EXPIRED_COLUMN + 2))
                                    .put(
                                            "expiredAt",
                                            row.getOffsetDateTime(EXPIRED_COLUMN + 3)
                                                    .toInstant()
                                                    .toString());
                        } else if (row.getValue(2) == null) {
                            line.putNull("eventId").putNull("entry");
                        } else {
                            AuditRecord record = LogStore.record(row, 2);
                            line.put("eventId", record.eventId.toString()).put("entry", EntryCodec.canonical(record));
                        }
                        lines.add(line);
                    }
                    return lines;
                });
    }

    Uni<StoredCheckpoint> latest() {
        return LogStore.latestCheckpoint(pool).invoke(latest -> {
            if (latest == null) {
                throw ProblemException.unavailable(
                        "log-not-sealed", "No checkpoint yet", "The log has not signed its first checkpoint yet.");
            }
        });
    }

    private Uni<String> checkpointNote(long size) {
        return LogStore.checkpointAt(pool, size).flatMap(stored -> {
            if (stored == null) {
                throw ProblemException.invalidField(
                        "invalid-parameter", "size", "is no checkpoint's tree size; the log signed none of that size");
            }
            return withCosignatures(stored);
        });
    }

    private Uni<String> withCosignatures(StoredCheckpoint stored) {
        return LogStore.cosignatureLines(pool, stored.size()).map(lines -> {
            StringBuilder note = new StringBuilder(stored.note());
            lines.forEach(note::append);
            return note.toString();
        });
    }

    private Uni<String> leafHash(long index) {
        return pool.preparedQuery("SELECT leaf_hash FROM merkle_leaf WHERE leaf_index = $1")
                .execute(Tuple.of(index))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw treeIncomplete("leaf " + index);
                    }
                    return B64.encodeToString(LogStore.bytes(rows.iterator().next(), 0));
                });
    }

    private Uni<List<String>> hashes(ProofPlan plan) {
        return LogStore.nodes(pool, plan.storedNodes()).map(nodes -> {
            try {
                return plan.hashes(nodes).stream().map(B64::encodeToString).toList();
            } catch (ProofPlan.MissingNodeException e) {
                throw treeIncomplete(
                        "node level " + e.node().level() + " index " + e.node().index());
            }
        });
    }

    private static IllegalStateException treeIncomplete(String what) {
        Log.errorf("event=audit-tree-incomplete missing=\"%s\" action=\"run the verification\"", what);
        return new IllegalStateException("the stored tree lacks " + what);
    }

    private static void checkSize(String field, long size, StoredCheckpoint latest) {
        if (size < 1 || size > latest.size()) {
            throw ProblemException.invalidField(
                    "invalid-parameter", field, "must be a tree size from 1 to " + latest.size());
        }
    }

    static AuditEvent.Builder own(Caller caller, String action, UUID workerId) {
        return AuditEvent.of(AuditLog.SERVICE_NAME, action, caller.actor())
                .outcome(AuditOutcome.SUCCESS)
                .worker(workerId);
    }
}
