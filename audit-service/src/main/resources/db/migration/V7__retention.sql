-- Retention per category and the legal hold (docs/audit.md, "Retention and legal hold").
--
-- An event's payload (its row, with its encrypted details) expires when its category's retention period has
-- passed and no legal hold covers it; its leaf stays in merkle_leaf, so every checkpoint and proof still verifies.
-- The log first records a signed retention statement naming the leaves (an event of its own, entry_format 4, the
-- statement in `purge`), seals it into the tree, and only then removes the rows, through audit_expire() below.
-- The app role still cannot UPDATE or DELETE a row of audit_entry: audit_expire() is the one way, and it removes
-- only what a sealed statement names, once the statement's policy made it due and while no hold covers it.
-- A period is counted from recorded_at, which audit-service stamps at intake, never from occurred_at, which the
-- sending service claims (a service that backdated its events would otherwise have them removed at once).

-- Canonical form 4 is version 3 with one more member, "purge"; only the log's retention statements use it.
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_entry_format_check;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_entry_format_check CHECK (entry_format IN (2, 3, 4));
ALTER TABLE audit_entry ADD COLUMN purge text;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_purge_format CHECK ((entry_format = 4) = (purge IS NOT NULL));
CREATE INDEX audit_entry_retention_statements ON audit_entry (ingest_id) WHERE entry_format = 4;
-- Holds look events up by the case they name.
CREATE INDEX audit_entry_resource ON audit_entry (resource_type, resource_id);
-- The purge reads the candidates in the order the log recorded them.
CREATE INDEX audit_entry_recorded ON audit_entry (recorded_at, ingest_id);

-- The retention category of an entry, from its service, action and outcome: the same rules, in the same order, as
-- RetentionCategory.of in Java (RetentionTest compares the two). audit_expire() takes the category from
-- here, not from the statement, so a statement cannot relabel an entry into a category with a shorter period.
CREATE FUNCTION audit_retention_category(service text, action text, outcome text) RETURNS text
    LANGUAGE sql
    IMMUTABLE
    PARALLEL SAFE
AS $$
SELECT CASE
    WHEN service = 'audit-service' AND action LIKE 'audit.%' THEN 'LOG'
    WHEN service = 'keycloak' OR action LIKE 'keycloak.%' OR outcome IS DISTINCT FROM 'SUCCESS'
        OR strpos(action, 'vital-interest') > 0 THEN 'SECURITY'
    WHEN service = 'consent-service' OR action LIKE 'consent.%' THEN 'CONSENT'
    WHEN regexp_replace(action, '^.*[.]', '') IN ('read', 'list', 'search', 'query', 'summary', 'export', 'view')
        THEN 'ACCESS'
    ELSE 'CHANGE'
END
$$;

-- Holds a security auditor places by hand, on one case (its events and its worker's) or on one worker.
CREATE TABLE legal_hold (
    id                 uuid         PRIMARY KEY,
    seq                bigint       GENERATED ALWAYS AS IDENTITY UNIQUE,
    scope              varchar(8)   NOT NULL CHECK (scope IN ('CASE', 'WORKER')),
    target_id          uuid         NOT NULL,
    reason             varchar(500) NOT NULL,
    placed_by          varchar(64)  NOT NULL,
    placed_by_username varchar(255),
    placed_at          timestamptz  NOT NULL
);
CREATE INDEX legal_hold_target ON legal_hold (scope, target_id);

-- The release of a hold: at most one, so a second release fails on the primary key.
CREATE TABLE legal_hold_release (
    hold_id              uuid         PRIMARY KEY REFERENCES legal_hold (id),
    reason               varchar(500) NOT NULL,
    released_by          varchar(64)  NOT NULL,
    released_by_username varchar(255),
    released_at          timestamptz  NOT NULL
);

-- What is left of an expired event: where it was in the tree, which statement expired it, and for the worker's
-- access log that an event about them of this category happened then. No actor, purpose, reason or details.
CREATE TABLE expired_entry (
    leaf_index     bigint      PRIMARY KEY,
    ingest_id      bigint      NOT NULL UNIQUE,
    event_id       uuid        NOT NULL,
    worker_id      uuid,
    category       varchar(32) NOT NULL,
    occurred_at    timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL,
    statement_leaf bigint      NOT NULL,
    expired_at     timestamptz NOT NULL
);
CREATE INDEX expired_entry_worker ON expired_entry (worker_id, ingest_id);

-- One row per statement audit_expire() carried out: how many rows went, and the leaves a hold kept.
CREATE TABLE retention_run (
    statement_ingest_id bigint      PRIMARY KEY,
    statement_leaf      bigint      NOT NULL,
    expired             integer     NOT NULL,
    kept                bigint[]    NOT NULL,
    completed_at        timestamptz NOT NULL
);

-- The cases that hold their events: every case with an event of case-service in the log and no successful
-- transition to CLOSED (an open case), and every case under a manual hold not released.
CREATE VIEW retention_held_case AS
SELECT DISTINCT e.resource_id AS case_id, 'open-case' AS source
FROM audit_entry e
WHERE e.service = 'case-service' AND e.resource_type = 'case' AND e.resource_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM audit_entry c
                  WHERE c.resource_type = 'case' AND c.resource_id = e.resource_id AND c.service = 'case-service'
                    AND c.action = 'case.transition' AND c.outcome = 'SUCCESS'
                    AND c.reason ~ '(^| )to=CLOSED( |$)')
UNION ALL
SELECT h.target_id::text, 'manual'
FROM legal_hold h
WHERE h.scope = 'CASE' AND NOT EXISTS (SELECT 1 FROM legal_hold_release r WHERE r.hold_id = h.id);

-- The workers whose events are held: the workers of held cases, and workers under a manual hold not released.
CREATE VIEW retention_held_worker AS
SELECT DISTINCT e.worker_id
FROM audit_entry e
WHERE e.resource_type = 'case' AND e.worker_id IS NOT NULL
  AND e.resource_id IN (SELECT case_id FROM retention_held_case)
UNION
SELECT h.target_id
FROM legal_hold h
WHERE h.scope = 'WORKER' AND NOT EXISTS (SELECT 1 FROM legal_hold_release r WHERE r.hold_id = h.id);

-- Removes the payloads a sealed retention statement names. Runs as the tables' owner (SECURITY DEFINER) with a
-- fixed search path; the app role may call it and nothing else that deletes. It refuses anything that is not a
-- sealed statement of audit-service's, a statement dated after now, a leaf not before the statement, a time that
-- is not the entry's recorded_at, a category that is not the entry's (audit_retention_category), a leaf its
-- policy did not make due counted from recorded_at, and another statement; it keeps (does not remove) leaves
-- a hold covers now and gives them back in `kept`. Running it again for the same statement does nothing
-- (and gives 0 and no leaves).
CREATE FUNCTION audit_expire(statement_ingest_id bigint, OUT expired integer, OUT kept bigint[])
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
    SET TimeZone = 'UTC'
AS $$
DECLARE
    s         record;
    r         record;
    done      record;
    line      text;
    w         text[];
    purged_at timestamptz;
    category  text;
    policy    jsonb := '{}';
BEGIN
    SELECT e.ingest_id, e.purge, l.leaf_index INTO s
    FROM audit_entry e JOIN merkle_leaf l ON l.ingest_id = e.ingest_id
    WHERE e.ingest_id = statement_ingest_id AND e.service = 'audit-service'
      AND e.action = 'audit.retention.purge' AND e.entry_format = 4;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'ingest id % is no sealed retention statement', statement_ingest_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT rr.statement_ingest_id INTO done FROM retention_run rr WHERE rr.statement_ingest_id = s.ingest_id;
    IF FOUND THEN
        expired := 0;
        kept := '{}';
        RETURN;
    END IF;
    expired := 0;
    kept := '{}';
    -- The note's text ends at its blank line; the signature lines after it are not read here.
    FOREACH line IN ARRAY string_to_array(split_part(s.purge, E'\n\n', 1), E'\n') LOOP
        w := string_to_array(line, ' ');
        IF w[1] = 'purged-at' THEN
            purged_at := w[2]::timestamptz;
            IF purged_at > now() THEN
                RAISE EXCEPTION 'the statement is dated after now' USING ERRCODE = 'insufficient_privilege';
            END IF;
        ELSIF w[1] = 'policy' THEN
            policy := policy || jsonb_build_object(w[2], w[3]);
        ELSIF w[1] = 'leaf' THEN
            SELECT e.ingest_id, e.event_id, e.worker_id, e.occurred_at, e.recorded_at, e.action, e.service,
                   e.outcome, e.resource_type, e.resource_id, l.leaf_index
            INTO r
            FROM merkle_leaf l JOIN audit_entry e ON e.ingest_id = l.ingest_id
            WHERE l.leaf_index = w[2]::bigint;
            CONTINUE WHEN NOT FOUND; -- gone already
            IF r.leaf_index >= s.leaf_index OR (r.service = 'audit-service' AND r.action = 'audit.retention.purge')
            THEN
                RAISE EXCEPTION 'leaf % may not be expired by this statement', r.leaf_index
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            category := audit_retention_category(r.service, r.action, r.outcome);
            IF w[3] IS DISTINCT FROM category THEN
                RAISE EXCEPTION 'leaf % is not of the category the statement gives', r.leaf_index
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF purged_at IS NULL OR r.recorded_at <> w[4]::timestamptz OR policy ->> category IS NULL
                OR r.recorded_at + (policy ->> category)::interval > purged_at THEN
                RAISE EXCEPTION 'leaf % was not due under the statement', r.leaf_index
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF (r.resource_type = 'case' AND r.resource_id IN (SELECT case_id FROM retention_held_case))
                OR r.worker_id IN (SELECT worker_id FROM retention_held_worker) THEN
                kept := kept || r.leaf_index;
                CONTINUE;
            END IF;
            DELETE FROM audit_entry WHERE ingest_id = r.ingest_id;
            INSERT INTO expired_entry (leaf_index, ingest_id, event_id, worker_id, category, occurred_at,
                                       recorded_at, statement_leaf, expired_at)
            VALUES (r.leaf_index, r.ingest_id, r.event_id, r.worker_id, category, r.occurred_at, r.recorded_at,
                    s.leaf_index, now());
            expired := expired + 1;
        END IF;
    END LOOP;
    INSERT INTO retention_run (statement_ingest_id, statement_leaf, expired, kept, completed_at)
    VALUES (s.ingest_id, s.leaf_index, expired, kept, now());
END
$$;

REVOKE ALL ON legal_hold, legal_hold_release, expired_entry, retention_run FROM PUBLIC;
REVOKE ALL ON retention_held_case, retention_held_worker FROM PUBLIC;
GRANT SELECT, INSERT ON legal_hold, legal_hold_release TO "${appRole}";
GRANT SELECT ON expired_entry, retention_run, retention_held_case, retention_held_worker TO "${appRole}";
REVOKE ALL ON FUNCTION audit_expire(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_expire(bigint) TO "${appRole}";
REVOKE ALL ON FUNCTION audit_retention_category(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_retention_category(text, text, text) TO "${appRole}";
