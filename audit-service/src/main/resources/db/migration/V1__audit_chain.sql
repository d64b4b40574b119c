-- The audit log: one row per event, in chain order. seq is assigned by the service under the chain_head lock,
-- so it has no gaps; hash = sha256(prev_hash || '\n' || canonical form of the row), see AuditChain.
CREATE TABLE audit_event (
    seq             bigint PRIMARY KEY CHECK (seq > 0),
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
    reason          varchar(500),
    prev_hash       varchar(64)  NOT NULL,
    hash            varchar(64)  NOT NULL
);
-- The query filters, each paired with seq for keyset pagination.
CREATE INDEX audit_event_worker ON audit_event (worker_id, seq);
CREATE INDEX audit_event_actor_subject ON audit_event (actor_subject, seq);
CREATE INDEX audit_event_actor_username ON audit_event (actor_username, seq);
CREATE INDEX audit_event_action ON audit_event (action, seq);
CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at);

-- The end of the chain: the last seq and hash. Appenders lock this single row, which orders them.
CREATE TABLE chain_head (
    id        smallint    PRIMARY KEY CHECK (id = 1),
    last_seq  bigint      NOT NULL CHECK (last_seq >= 0),
    last_hash varchar(64) NOT NULL
);
INSERT INTO chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
