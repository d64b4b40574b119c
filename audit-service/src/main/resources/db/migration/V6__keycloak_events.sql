-- Keycloak's login and admin events in the audit log, and alerts on them (docs/audit.md, "Keycloak's events").
--
-- The puller's progress is a row per pull that moved a cursor, insert-only for the app role (${appRole}) like the
-- scanner's: the cursor of a stream is its latest row.

-- Rules 'impersonation', 'role-change' and 'scope-change' join the rules of V5.
ALTER TABLE audit_alert DROP CONSTRAINT audit_alert_rule_check;
ALTER TABLE audit_alert ADD CONSTRAINT audit_alert_rule_check
    CHECK (rule IN ('mass-read', 'out-of-scope', 'denial-burst', 'vital-interest', 'impersonation', 'role-change',
                    'scope-change', 'sample'));

-- One pull of one of Keycloak's event streams ('user': login events; 'admin': admin events) that moved its cursor.
CREATE TABLE keycloak_pull (
    seq          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stream       varchar(8)  NOT NULL CHECK (stream IN ('user', 'admin')),
    -- The next pull asks Keycloak for the events of this time (Keycloak's clock, milliseconds) and later.
    resume_from  timestamptz NOT NULL,
    -- The newest event time this pull read, if it read any.
    newest_event timestamptz,
    pulled_at    timestamptz NOT NULL,
    -- Events read (the overlap with the pull before included) and of those, events the log did not hold yet.
    events_read  integer     NOT NULL CHECK (events_read >= 0),
    events_new   integer     NOT NULL CHECK (events_new >= 0)
);
CREATE INDEX keycloak_pull_stream ON keycloak_pull (stream, seq);

REVOKE ALL ON keycloak_pull FROM PUBLIC;
GRANT SELECT, INSERT ON keycloak_pull TO "${appRole}";
