-- Personal details of events, encrypted per worker (docs/audit.md, "Personal details and erasure").
--
-- An event may carry details (a small JSON object). audit-service stores them encrypted with AES-256-GCM under a
-- data key of the worker's own; the row keeps the ciphertext, and the leaf of the Merkle tree covers the
-- ciphertext. Destroying the worker's key (a DELETE on worker_key, the only DELETE the app role may do) leaves the
-- ciphertext unreadable while every row, leaf and checkpoint stays as it was, so the log still verifies.

-- The canonical form a row's leaf was computed with (EntryCodec): 2 for the rows before this migration (they keep
-- their bytes), 3 from now on (the details member added at the end). The app writes it explicitly.
ALTER TABLE audit_entry ADD COLUMN entry_format smallint NOT NULL DEFAULT 2 CHECK (entry_format IN (2, 3));
ALTER TABLE audit_entry ALTER COLUMN entry_format DROP DEFAULT;
-- version (1 byte) || key id (16) || nonce (12) || AES-GCM ciphertext and tag; null when the event has none.
ALTER TABLE audit_entry ADD COLUMN details bytea;

-- One data key per worker, wrapped (AES-256-GCM) under the master key of sinergi.audit.details.master-key.
CREATE TABLE worker_key (
    worker_id     uuid        PRIMARY KEY,
    -- Names this key inside each ciphertext, so a key made after an erasure never opens the older details.
    key_id        uuid        NOT NULL UNIQUE,
    -- The first 4 bytes of a hash of the master key, in hex: tells a wrong master key from an erased worker.
    master_key_id char(8)     NOT NULL,
    -- nonce (12) || the data key (32) encrypted with its tag (16).
    wrapped_key   bytea       NOT NULL CHECK (length(wrapped_key) = 60),
    created_at    timestamptz NOT NULL
);

REVOKE ALL ON worker_key FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON worker_key TO "${appRole}";
