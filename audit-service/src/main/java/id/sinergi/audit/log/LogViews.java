package id.sinergi.audit.log;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies the log's proof endpoints answer with; hashes are standard base64, as in checkpoints. */
public final class LogViews {

    private LogViews() {}

    @Schema(name = "ConsistencyProof", description = "RFC 9162 consistency proof between two tree sizes")
    public record ConsistencyProof(long from, long to, List<String> proof) {}

    @Schema(name = "InclusionProof", description = "RFC 9162 inclusion proof (audit path) of one leaf")
    public record InclusionProof(
            @Schema(description = "The leaf's index in the tree, from 0") long index,
            @Schema(description = "The tree size the proof is for") long size,
            @Schema(description = "SHA-256(0x00 || canonical entry), base64") String leafHash,
            List<String> proof) {}

    @Schema(name = "EventProof", description = "Where an event sits in the tree, and the proof that it is there")
    public record EventProof(
            UUID eventId,
            long leafIndex,
            long treeSize,
            String leafHash,
            @Schema(description = "The canonical entry the leaf hash is computed from") String entry,
            List<String> proof,
            @Schema(description = "The signed checkpoint of treeSize, with its cosignatures") String checkpoint) {}

    @Schema(name = "CosignatureReceipt", description = "A witness's cosignature the log has stored")
    public record CosignatureReceipt(String witness, long treeSize, Instant signedAt, boolean alreadyStored) {}

    /** The verification of the whole log. */
    @Schema(name = "LogVerification")
    public record Verification(
            @Schema(description = "INTACT when no problem was found") Status status,
            @Schema(description = "The latest checkpoint's tree size") long treeSize,
            @Schema(description = "Leaves whose stored event was re-hashed") long checkedLeaves,
            @Schema(description = "Checkpoints whose root was recomputed from the stored leaves")
                    long checkedCheckpoints,
            @Schema(description = "Events accepted but not yet sealed into the tree") long unsealedEvents,
            @Schema(description = "Leaves whose payload expired, each covered by a retention statement in the tree")
                    long expiredLeaves,
            @Schema(description = "What was found, in leaf order; at most 100") List<Problem> problems) {}

    /** Whether the log still proves its events. */
    public enum Status {
        INTACT,
        BROKEN
    }

    /** One finding of a verification. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LogProblem")
    public record Problem(Kind kind, Long leafIndex, UUID eventId, Long treeSize, String detail) {}

    /** The kinds of finding. */
    public enum Kind {
        /** The event's row does not hash to its leaf: the row was edited. */
        EVENT_EDITED,
        /** A leaf has no event row any more: the row was deleted. */
        EVENT_DELETED,
        /** A leaf index is missing from the tree's leaves. */
        LEAF_MISSING,
        /** A checkpoint's root is not the root of the stored leaves at its size: leaves were changed. */
        CHECKPOINT_MISMATCH,
        /** The latest checkpoint is not signed by the log's key. */
        CHECKPOINT_SIGNATURE,
        /** Event rows behind the sealer's cursor that are in no leaf: rows inserted past the log. */
        EVENT_OUTSIDE_TREE,
        /**
         * A retention statement that is not the log's signed one, or a leaf line of it that does not hold (not before
         * the statement, or not due under its policy): what it names is not accepted as expired.
         */
        RETENTION_STATEMENT_INVALID
    }
}
