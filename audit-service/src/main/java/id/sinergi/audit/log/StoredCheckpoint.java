package id.sinergi.audit.log;

import java.time.Instant;

/**
 * A checkpoint as the log keeps it.
 *
 * @param size the tree size
 * @param root the root hash
 * @param frontier the tree's right edge ({@link id.sinergi.audit.proof.Frontier#encode()})
 * @param lastTx the sealer's cursor: the transaction id of the last sealed event, as text
 * @param lastIngestId the sealer's cursor: the ingest id of the last sealed event
 * @param sealedAt when it was sealed
 * @param note the signed note, with the log's signature only
 */
public record StoredCheckpoint(
        long size, byte[] root, byte[] frontier, String lastTx, long lastIngestId, Instant sealedAt, String note) {}
