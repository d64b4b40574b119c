-- The master worker index: workers without a NIK yet, source records linked by matching instead of by NIK alone,
-- blocking keys for finding candidates, a review queue and the full history of every link decision.

-- A worker is no longer keyed by NIK: provisional workers have none yet, and two records that share a NIK but are
-- not the same person (a reviewer said so) must be able to stay apart.
ALTER TABLE worker DROP CONSTRAINT worker_nik_unique;
ALTER TABLE worker ALTER COLUMN nik DROP NOT NULL;
CREATE INDEX worker_nik ON worker (nik) WHERE nik IS NOT NULL;
-- Whether the NIK came from an officer's promotion rather than from a linked record: a promoted NIK stays when
-- records are unlinked, a record's NIK goes with the record.
ALTER TABLE worker ADD COLUMN nik_promoted boolean NOT NULL DEFAULT false;
ALTER TABLE worker ADD COLUMN birth_place varchar(100);
-- NIK_VERIFIED, or provisional: PASSPORT (passport only) or REPORTED (name and birth date reported by family).
ALTER TABLE worker ADD COLUMN assurance varchar(16) NOT NULL DEFAULT 'NIK_VERIFIED'
    CHECK (assurance IN ('NIK_VERIFIED', 'PASSPORT', 'REPORTED'));
ALTER TABLE worker ALTER COLUMN assurance DROP DEFAULT;
-- A merged worker keeps its row (references to it stay valid) and names the worker it was merged into.
ALTER TABLE worker ADD COLUMN status varchar(8) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'MERGED'));
ALTER TABLE worker ADD COLUMN merged_into uuid REFERENCES worker (id);
ALTER TABLE worker ADD CONSTRAINT worker_merged_has_target CHECK ((status = 'MERGED') = (merged_into IS NOT NULL));
ALTER TABLE worker ALTER COLUMN flags TYPE varchar(300);
CREATE INDEX worker_provisional ON worker (created_at) WHERE assurance <> 'NIK_VERIFIED' AND status = 'ACTIVE';

ALTER TABLE source_record ALTER COLUMN nik DROP NOT NULL;
ALTER TABLE source_record ADD COLUMN passport_issuing_state varchar(3);
ALTER TABLE source_record ADD COLUMN passport_expiry_date date;
ALTER TABLE source_record ADD COLUMN birth_place varchar(100);
-- Who reported a family-reported record, e.g. SPOUSE; null when the worker or an officer did.
ALTER TABLE source_record ADD COLUMN reported_by varchar(16);
-- How the record came to its worker: NEW (it founded the worker), AUTO (the matcher) or MANUAL (a reviewer).
ALTER TABLE source_record ADD COLUMN link_kind varchar(8) NOT NULL DEFAULT 'NEW'
    CHECK (link_kind IN ('NEW', 'AUTO', 'MANUAL'));
ALTER TABLE source_record ALTER COLUMN link_kind DROP DEFAULT;
ALTER TABLE source_record ADD COLUMN flags varchar(300) NOT NULL DEFAULT '';
ALTER TABLE source_record ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- Blocking keys: 64-bit hashes of what a record shares with its likely duplicates (see BlockingKeys).
CREATE TABLE match_key (
    key_hash         bigint NOT NULL,
    source_record_id uuid   NOT NULL REFERENCES source_record (id),
    PRIMARY KEY (key_hash, source_record_id)
);
CREATE INDEX match_key_record ON match_key (source_record_id);

-- The review queue: a source record that may be the same person as a worker it is not linked to.
CREATE TABLE match_candidate (
    id               uuid PRIMARY KEY,
    source_record_id uuid             NOT NULL REFERENCES source_record (id),
    worker_id        uuid             NOT NULL REFERENCES worker (id),
    score            double precision NOT NULL,
    -- The per-field explanation, JSON: [{"field":"name","agreement":"PARTIAL","weight":3.1,"explanation":"…"}].
    explanation      text             NOT NULL,
    rules_version    varchar(40)      NOT NULL,
    status           varchar(12)      NOT NULL CHECK (status IN ('OPEN', 'LINKED', 'NOT_LINKED', 'CLOSED')),
    created_at       timestamptz      NOT NULL,
    decided_at       timestamptz,
    decided_by       varchar(100),
    decision_reason  varchar(500),
    version          bigint           NOT NULL DEFAULT 0
);
-- One open question per record and worker.
CREATE UNIQUE INDEX match_candidate_open ON match_candidate (source_record_id, worker_id) WHERE status = 'OPEN';
CREATE INDEX match_candidate_queue ON match_candidate (created_at, id) WHERE status = 'OPEN';
CREATE INDEX match_candidate_worker ON match_candidate (worker_id);

-- Pairs a reviewer said are not the same person: no automatic run may link or propose them again.
CREATE TABLE match_exclusion (
    source_record_id uuid        NOT NULL REFERENCES source_record (id),
    worker_id        uuid        NOT NULL REFERENCES worker (id),
    decided_at       timestamptz NOT NULL,
    PRIMARY KEY (source_record_id, worker_id)
);

-- Every link decision, automatic or manual, as it was taken: it survives re-matching and rule changes.
CREATE TABLE link_event (
    id               uuid PRIMARY KEY,
    worker_id        uuid             NOT NULL REFERENCES worker (id),
    source_record_id uuid REFERENCES source_record (id),
    -- The other worker of a merge, a move or an unlink.
    other_worker_id  uuid REFERENCES worker (id),
    action           varchar(16)      NOT NULL CHECK (action IN ('CREATED', 'AUTO_LINKED', 'REVIEW_OPENED',
                                          'LINKED', 'NOT_LINKED', 'UNLINKED', 'MERGED', 'PROMOTED')),
    match_class      varchar(16),
    score            double precision,
    explanation      text,
    rules_version    varchar(40),
    actor            varchar(100)     NOT NULL,
    reason           varchar(500),
    at               timestamptz      NOT NULL
);
CREATE INDEX link_event_worker ON link_event (worker_id, at);
CREATE INDEX link_event_record ON link_event (source_record_id, at) WHERE source_record_id IS NOT NULL;
CREATE INDEX link_event_other ON link_event (other_worker_id) WHERE other_worker_id IS NOT NULL;
