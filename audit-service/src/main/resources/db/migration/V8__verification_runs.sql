-- Every verification of the whole log (docs/audit.md, "Verification status"): on the schedule, or asked for by a
-- security auditor. The console and GET /api/audit-log/verification/latest show the newest; every replica sees it.
-- Insert-only for the app role, like the log.
CREATE TABLE verification_run (
    seq                 bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    finished_at         timestamptz  NOT NULL,
    -- Who asked: an auditor's Keycloak subject and user name, or null for the schedule.
    requested_by        varchar(64),
    requested_username  varchar(255),
    status              varchar(8)   NOT NULL CHECK (status IN ('INTACT', 'BROKEN')),
    tree_size           bigint       NOT NULL CHECK (tree_size >= 0),
    checked_leaves      bigint       NOT NULL CHECK (checked_leaves >= 0),
    checked_checkpoints bigint       NOT NULL CHECK (checked_checkpoints >= 0),
    unsealed_events     bigint       NOT NULL CHECK (unsealed_events >= 0),
    expired_leaves      bigint       NOT NULL CHECK (expired_leaves >= 0),
    -- The problems found (at most 100, as the API lists them), as a JSON array.
    problems            jsonb        NOT NULL
);

REVOKE ALL ON verification_run FROM PUBLIC;
GRANT SELECT, INSERT ON verification_run TO "${appRole}";
