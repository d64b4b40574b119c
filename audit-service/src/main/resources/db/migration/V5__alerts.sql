-- Alerts on sealed events and the security team's review of them (docs/audit.md, "Alerts and review").
--
-- Named V5 although the alert work was planned as V4: the query/details work on audit-service takes V3 and V4.
-- Like the log itself, these tables are insert-only for the app role (${appRole}): an alert is raised once, an
-- event is linked to it once, a review is written once, and the scanner's progress is a row per scan.

-- One alert: a rule broken by one actor within one window, or a random sample an auditor drew (rule 'sample').
CREATE TABLE audit_alert (
    id             uuid         PRIMARY KEY,
    -- The order alerts were raised in: the cursor of keyset pagination.
    seq            bigint       GENERATED ALWAYS AS IDENTITY UNIQUE,
    rule           varchar(32)  NOT NULL
        CHECK (rule IN ('mass-read', 'out-of-scope', 'denial-burst', 'vital-interest', 'sample')),
    raised_at      timestamptz  NOT NULL,
    -- The officer the alert is about (null for a sample), as the triggering events named them.
    actor_subject  varchar(64),
    actor_username varchar(255),
    actor_agency   varchar(16),
    actor_mission  varchar(64),
    -- The worker, when every triggering event is about the same one.
    worker_id      uuid,
    -- The window [window_start, window_end) of occurred_at the alert covers; later events in it join the alert.
    window_start   timestamptz,
    window_end     timestamptz,
    -- The rule's threshold when the alert was raised, and the value that reached it (events or distinct workers).
    threshold      integer,
    measure        integer,
    -- What the rule or the sample looked at, as parameter=value pairs (no personal data).
    criteria       varchar(500) NOT NULL,
    -- For a sample: the auditor who drew it.
    requested_by   varchar(64),
    UNIQUE (rule, actor_subject, window_start)
);
CREATE INDEX audit_alert_rule ON audit_alert (rule, seq);
CREATE INDEX audit_alert_actor ON audit_alert (actor_subject, rule, window_start);

-- The events of an alert: those that made it fire (triggering) and those that came later in its window.
CREATE TABLE audit_alert_event (
    alert_id   uuid    NOT NULL REFERENCES audit_alert (id),
    event_id   uuid    NOT NULL,
    leaf_index bigint  NOT NULL,
    triggering boolean NOT NULL,
    PRIMARY KEY (alert_id, event_id)
);

-- The sign-off of an alert: at most one, so a second review fails on the primary key.
CREATE TABLE audit_alert_review (
    alert_id          uuid         PRIMARY KEY REFERENCES audit_alert (id),
    outcome           varchar(16)  NOT NULL CHECK (outcome IN ('JUSTIFIED', 'VIOLATION', 'FALSE_POSITIVE')),
    note              varchar(2000) NOT NULL,
    reviewer_subject  varchar(64)  NOT NULL,
    reviewer_username varchar(255),
    reviewed_at       timestamptz  NOT NULL
);

-- The scanner's progress: each scan adds a row; the cursor is the greatest up_to_leaf.
CREATE TABLE alert_scan (
    up_to_leaf bigint      PRIMARY KEY CHECK (up_to_leaf >= 0),
    scanned_at timestamptz NOT NULL,
    events     integer     NOT NULL,
    alerts     integer     NOT NULL
);

-- The scanner reads an actor's events around the new ones.
CREATE INDEX audit_entry_actor_occurred ON audit_entry (actor_subject, occurred_at);

REVOKE ALL ON audit_alert, audit_alert_event, audit_alert_review, alert_scan FROM PUBLIC;
GRANT SELECT, INSERT ON audit_alert, audit_alert_event, audit_alert_review, alert_scan TO "${appRole}";
