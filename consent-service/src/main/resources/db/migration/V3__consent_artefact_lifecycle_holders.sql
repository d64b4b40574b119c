-- The full consent artefact (who gave it, retention, capture), the status lifecycle with its append-only
-- history, the holders that received data under a grant, and the stop notices sent to them on revocation.

-- Grants recorded before V3 were given by the worker (V1 knew no other giver), may be kept one year, and were
-- captured in a way nobody recorded (UNRECORDED, no language).
ALTER TABLE consent_grant DROP CONSTRAINT consent_grant_status_check;
ALTER TABLE consent_grant
    ADD CONSTRAINT consent_grant_status_check
        CHECK (status IN ('PENDING', 'ACTIVE', 'PAUSED', 'REVOKED', 'EXPIRED', 'REJECTED')),
    ADD COLUMN given_by             varchar(16)  NOT NULL DEFAULT 'SELF'
        CHECK (given_by IN ('SELF', 'GUARDIAN', 'REPRESENTATIVE')),
    ADD COLUMN giver_name           varchar(200),
    ADD COLUMN giver_relationship   varchar(32),
    ADD COLUMN retention            varchar(16)  NOT NULL DEFAULT 'P1Y',
    ADD COLUMN capture_channel      varchar(16)  NOT NULL DEFAULT 'UNRECORDED'
        CHECK (capture_channel IN ('SELF_SERVICE', 'ASSISTED', 'UNRECORDED')),
    ADD COLUMN capture_place        varchar(16)  CHECK (capture_place IN ('SERVICE_POINT', 'MISSION')),
    ADD COLUMN capture_place_code   varchar(64),
    ADD COLUMN captured_by          varchar(64),
    ADD COLUMN captured_by_username varchar(255),
    ADD COLUMN capture_language     varchar(16),
    ADD COLUMN interpreter_name     varchar(200),
    ADD COLUMN witness_name         varchar(200),
    ADD COLUMN revision             integer      NOT NULL DEFAULT 1,
    ADD COLUMN use_count            bigint       NOT NULL DEFAULT 0,
    ADD CONSTRAINT consent_grant_giver_named
        CHECK ((given_by = 'SELF') = (giver_name IS NULL AND giver_relationship IS NULL)),
    ADD CONSTRAINT consent_grant_giver_complete CHECK ((giver_name IS NULL) = (giver_relationship IS NULL)),
    ADD CONSTRAINT consent_grant_capture_language
        CHECK (capture_channel = 'UNRECORDED' OR capture_language IS NOT NULL),
    ADD CONSTRAINT consent_grant_assisted_by CHECK (capture_channel <> 'ASSISTED' OR captured_by IS NOT NULL);
-- New grants must say all of it.
ALTER TABLE consent_grant
    ALTER COLUMN given_by DROP DEFAULT,
    ALTER COLUMN retention DROP DEFAULT,
    ALTER COLUMN capture_channel DROP DEFAULT;
-- The expiry job looks for grants that are still open past their end.
CREATE INDEX consent_grant_open_until ON consent_grant (valid_until) WHERE status IN ('PENDING', 'ACTIVE', 'PAUSED');

-- Every version of every grant: its status change (who, when, why) and a snapshot of the whole grant after it.
CREATE TABLE consent_grant_version (
    id                  uuid PRIMARY KEY,
    grant_id            uuid         NOT NULL REFERENCES consent_grant (id),
    worker_id           uuid         NOT NULL,
    revision            integer      NOT NULL CHECK (revision > 0),
    status              varchar(16)  NOT NULL,
    changed_at          timestamptz  NOT NULL,
    changed_by          varchar(64)  NOT NULL,
    changed_by_username varchar(255),
    reason              varchar(500),
    snapshot            text         NOT NULL,
    UNIQUE (grant_id, revision)
);
CREATE INDEX consent_grant_version_worker ON consent_grant_version (worker_id, changed_at);

-- The history is append-only: nothing may change or remove a version once written.
CREATE FUNCTION consent_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'consent_grant_version is append-only';
END
$$;
CREATE TRIGGER consent_grant_version_append_only
    BEFORE UPDATE OR DELETE ON consent_grant_version
    FOR EACH ROW EXECUTE FUNCTION consent_history_is_append_only();

-- Existing grants get one version: their status as it stands, changed when it last changed.
INSERT INTO consent_grant_version
    (id, grant_id, worker_id, revision, status, changed_at, changed_by, reason, snapshot)
SELECT gen_random_uuid(), g.id, g.worker_id, 1, g.status,
       coalesce(g.revoked_at, g.granted_at), coalesce(g.revoked_by, g.granted_by),
       coalesce(g.revocation_reason, 'recorded before the version history (V3)'),
       json_build_object(
           'id', g.id, 'workerId', g.worker_id, 'receivingAgency', g.receiving_agency,
           'purposes', string_to_array(g.purposes, ','), 'dataCategories', string_to_array(g.data_categories, ','),
           'validFrom', g.valid_from, 'validUntil', g.valid_until, 'status', g.status, 'givenBy', 'SELF',
           'retention', 'P1Y', 'captureChannel', 'UNRECORDED', 'grantedAt', g.granted_at,
           'revokedAt', g.revoked_at, 'revocationReason', g.revocation_reason)::text
FROM consent_grant g;

-- Who received data under a grant: one row per receiving party (agency, OAuth client, user), with its uses.
CREATE TABLE consent_grant_holder (
    id            uuid PRIMARY KEY,
    grant_id      uuid         NOT NULL REFERENCES consent_grant (id),
    agency        varchar(16)  NOT NULL,
    client_id     varchar(255) NOT NULL,
    subject       varchar(64)  NOT NULL,
    username      varchar(255),
    first_used_at timestamptz  NOT NULL,
    last_used_at  timestamptz  NOT NULL,
    uses          bigint       NOT NULL CHECK (uses > 0),
    UNIQUE (grant_id, agency, client_id, subject)
);

-- On revocation every holder must stop processing within 3x24 hours (UU 27/2022) and confirm it.
CREATE TABLE stop_notice (
    id                uuid PRIMARY KEY,
    grant_id          uuid         NOT NULL REFERENCES consent_grant (id),
    worker_id         uuid         NOT NULL,
    holder_id         uuid         NOT NULL UNIQUE REFERENCES consent_grant_holder (id),
    agency            varchar(16)  NOT NULL,
    client_id         varchar(255) NOT NULL,
    subject           varchar(64)  NOT NULL,
    username          varchar(255),
    issued_at         timestamptz  NOT NULL,
    due_at            timestamptz  NOT NULL,
    confirmed_at      timestamptz,
    confirmed_by      varchar(64),
    confirmation_note varchar(500),
    version           bigint       NOT NULL DEFAULT 0,
    CHECK (due_at > issued_at),
    CHECK ((confirmed_at IS NULL) = (confirmed_by IS NULL))
);
CREATE INDEX stop_notice_open_due ON stop_notice (due_at) WHERE confirmed_at IS NULL;
