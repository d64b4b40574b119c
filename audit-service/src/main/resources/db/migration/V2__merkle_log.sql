-- The audit log becomes an RFC 9162 Merkle tree (docs/audit.md).
--
-- Intake only inserts: an event is "accepted" when its row commits. The sealer then appends accepted events to the
-- tree in the order (tx_id, ingest_id): tx_id is the inserting transaction's id, and the sealer only takes rows of
-- transactions older than every transaction still running (pg_snapshot_xmin), so no row can commit later behind
-- its cursor. Events one service delivers one batch after another stay in that order.
--
-- Nothing here is ever updated or deleted by the application: its role (the datasource user, ${appRole}) gets
-- SELECT and INSERT only. Flyway migrates as the owner.

CREATE TABLE audit_entry (
    ingest_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx_id           xid8         NOT NULL DEFAULT pg_current_xact_id(),
    event_id        uuid         NOT NULL UNIQUE,
    occurred_at     timestamptz  NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    service         varchar(64)  NOT NULL,
    action          varchar(96)  NOT NULL,
    outcome         varchar(16)  NOT NULL CHECK (outcome IN ('SUCCESS', 'DENIED', 'FAILED')),
    actor_subject   varchar(64)  NOT NULL,
    actor_username  varchar(255),
    actor_agency    varchar(16),
    actor_mission   varchar(64),
    actor_client_id varchar(255),
    -- The actor's roles as a JSON array of strings, exactly as it enters the canonical form (null: none given).
    actor_roles     text,
    worker_id       uuid,
    purpose         varchar(64),
    resource_type   varchar(64),
    resource_id     varchar(128),
    reason          varchar(500)
);
-- The sealer's cursor.
CREATE INDEX audit_entry_seal_order ON audit_entry (tx_id, ingest_id);
-- The query filters, each paired with ingest_id for keyset pagination.
CREATE INDEX audit_entry_worker ON audit_entry (worker_id, ingest_id);
CREATE INDEX audit_entry_actor_subject ON audit_entry (actor_subject, ingest_id);
CREATE INDEX audit_entry_actor_username ON audit_entry (actor_username, ingest_id);
CREATE INDEX audit_entry_action ON audit_entry (action, ingest_id);
CREATE INDEX audit_entry_occurred_at ON audit_entry (occurred_at);

-- The events of the hash chain (V1) keep their order: they are the tree's first leaves.
INSERT INTO audit_entry (event_id, occurred_at, recorded_at, service, action, outcome, actor_subject,
                         actor_username, actor_agency, actor_mission, actor_client_id, actor_roles, worker_id,
                         purpose, resource_type, resource_id, reason)
SELECT event_id, occurred_at, recorded_at, service, action, outcome, actor_subject, actor_username, actor_agency,
       actor_mission, actor_client_id, actor_roles, worker_id, purpose, resource_type, resource_id, reason
FROM audit_event
ORDER BY seq;
DROP TABLE audit_event;
DROP TABLE chain_head;

-- The tree's leaves: leaf i is the event with that ingest_id; leaf_hash = SHA-256(0x00 || canonical entry).
-- No foreign key on purpose: a row removed from audit_entry must leave its leaf behind for verification to name.
CREATE TABLE merkle_leaf (
    leaf_index bigint PRIMARY KEY CHECK (leaf_index >= 0),
    ingest_id  bigint NOT NULL UNIQUE,
    leaf_hash  bytea  NOT NULL CHECK (length(leaf_hash) = 32)
);

-- Complete subtrees at levels 4, 8, 12, … (the levels between are recomputed; see Node.STORED_EVERY).
CREATE TABLE merkle_node (
    level smallint NOT NULL CHECK (level > 0 AND level % 4 = 0),
    idx   bigint   NOT NULL CHECK (idx >= 0),
    hash  bytea    NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (level, idx)
);

-- One row per sealing: the tree's size and root, its right edge (to go on from), the cursor, and the signed note.
CREATE TABLE checkpoint (
    tree_size      bigint      PRIMARY KEY CHECK (tree_size >= 0),
    root_hash      bytea       NOT NULL CHECK (length(root_hash) = 32),
    frontier       bytea       NOT NULL,
    last_tx        xid8        NOT NULL,
    last_ingest_id bigint      NOT NULL,
    sealed_at      timestamptz NOT NULL,
    note           text        NOT NULL
);

-- Witnesses' cosignatures of checkpoints (C2SP tlog-cosignature), each line as the witness sent it.
CREATE TABLE cosignature (
    tree_size   bigint      NOT NULL REFERENCES checkpoint (tree_size),
    witness     varchar(256) NOT NULL,
    key_id      integer     NOT NULL,
    line        text        NOT NULL,
    signed_at   timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (tree_size, witness, key_id)
);
CREATE INDEX cosignature_witness ON cosignature (witness, tree_size);

REVOKE ALL ON audit_entry, merkle_leaf, merkle_node, checkpoint, cosignature FROM PUBLIC;
GRANT SELECT, INSERT ON audit_entry, merkle_leaf, merkle_node, checkpoint, cosignature TO "${appRole}";
