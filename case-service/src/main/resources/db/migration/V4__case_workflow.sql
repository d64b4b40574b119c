-- The shared case file: the worker's phase and the lead agency it gives, priority and routing from the category,
-- the reporter when someone reports for the worker, deadlines, the full workflow with supervised closing, and the
-- keys that make a repeated intake one case.

ALTER TABLE protection_case DROP CONSTRAINT protection_case_status_check;
ALTER TABLE protection_case ADD CONSTRAINT protection_case_status_check
    CHECK (status IN ('REPORTED', 'TRIAGED', 'IN_PROGRESS', 'REFERRED', 'RESOLVED', 'CLOSED', 'REOPENED'));

-- Before departure and after return a case may have no mission (the ministry at home handles it).
ALTER TABLE protection_case ALTER COLUMN mission_id DROP NOT NULL;

ALTER TABLE protection_case
    ADD COLUMN phase varchar(20) NOT NULL DEFAULT 'ABROAD'
        CHECK (phase IN ('BEFORE_DEPARTURE', 'ABROAD', 'AFTER_RETURN')),
    ADD COLUMN lead_agency varchar(16) NOT NULL DEFAULT 'KEMLU' CHECK (lead_agency IN ('KEMLU', 'KEMENP2MI')),
    ADD COLUMN participant_agency varchar(16) CHECK (participant_agency IN ('KEMLU', 'KEMENP2MI')),
    ADD COLUMN priority varchar(8) NOT NULL DEFAULT 'MEDIUM' CHECK (priority IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    ADD COLUMN routed_to varchar(32) NOT NULL DEFAULT 'MISSION_PROTECTION',
    ADD COLUMN reporter_relation varchar(16) NOT NULL DEFAULT 'WORKER'
        CHECK (reporter_relation IN ('WORKER', 'FAMILY', 'OTHER_PROXY')),
    ADD COLUMN reporter_name varchar(200),
    ADD COLUMN reporter_relationship varchar(100),
    ADD COLUMN reporter_contact varchar(100),
    ADD COLUMN first_response_due timestamptz,
    ADD COLUMN resolution_due timestamptz,
    ADD COLUMN first_responded_at timestamptz,
    ADD COLUMN resolved_at timestamptz,
    ADD COLUMN closed_at timestamptz;

-- Cases stored before this migration get the deadlines of their default priority from the application.
UPDATE protection_case SET first_response_due = reported_at + interval '3 days',
                           resolution_due = reported_at + interval '60 days';
ALTER TABLE protection_case ALTER COLUMN first_response_due SET NOT NULL;
ALTER TABLE protection_case ALTER COLUMN resolution_due SET NOT NULL;
ALTER TABLE protection_case ALTER COLUMN phase DROP DEFAULT;
ALTER TABLE protection_case ALTER COLUMN lead_agency DROP DEFAULT;
ALTER TABLE protection_case ALTER COLUMN priority DROP DEFAULT;
ALTER TABLE protection_case ALTER COLUMN routed_to DROP DEFAULT;
ALTER TABLE protection_case ALTER COLUMN reporter_relation DROP DEFAULT;

ALTER TABLE protection_case
    ADD CONSTRAINT protection_case_abroad_has_mission CHECK (phase <> 'ABROAD' OR mission_id IS NOT NULL),
    ADD CONSTRAINT protection_case_kemlu_lead_has_mission CHECK (lead_agency <> 'KEMLU' OR mission_id IS NOT NULL),
    ADD CONSTRAINT protection_case_participant_not_lead CHECK (participant_agency IS DISTINCT FROM lead_agency),
    ADD CONSTRAINT protection_case_proxy_named
        CHECK ((reporter_relation = 'WORKER') = (reporter_name IS NULL));

CREATE INDEX protection_case_open_due ON protection_case (resolution_due) WHERE status <> 'CLOSED';
CREATE INDEX protection_case_lead ON protection_case (lead_agency, reported_at DESC);

-- Priority changes (triage raises it) and lead hand-overs, each with who, when and why.
CREATE TABLE case_priority_change (
    id              uuid PRIMARY KEY,
    case_id         uuid         NOT NULL REFERENCES protection_case (id),
    from_priority   varchar(8)   NOT NULL,
    to_priority     varchar(8)   NOT NULL,
    actor_subject   varchar(64)  NOT NULL,
    actor_username  varchar(255),
    reason          varchar(500) NOT NULL,
    changed_at      timestamptz  NOT NULL
);
CREATE INDEX case_priority_change_case ON case_priority_change (case_id, changed_at);

CREATE TABLE case_lead_change (
    id                   uuid PRIMARY KEY,
    case_id              uuid         NOT NULL REFERENCES protection_case (id),
    from_agency          varchar(16)  NOT NULL,
    from_mission         varchar(64),
    to_agency            varchar(16)  NOT NULL,
    to_mission           varchar(64),
    actor_subject        varchar(64)  NOT NULL,
    actor_username       varchar(255),
    reason               varchar(500) NOT NULL,
    changed_at           timestamptz  NOT NULL
);
CREATE INDEX case_lead_change_case ON case_lead_change (case_id, changed_at);

-- Closing needs a supervisor: an officer asks, a supervisor other than the asker approves or rejects. A request
-- still waiting when the case leaves RESOLVED another way is withdrawn by whoever moved the case.
CREATE TABLE case_closure_request (
    id                  uuid PRIMARY KEY,
    case_id             uuid         NOT NULL REFERENCES protection_case (id),
    requested_by        varchar(64)  NOT NULL,
    requested_username  varchar(255),
    reason              varchar(500) NOT NULL,
    requested_at        timestamptz  NOT NULL,
    decision            varchar(16)  CHECK (decision IN ('APPROVED', 'REJECTED', 'WITHDRAWN')),
    decided_by          varchar(64),
    decided_username    varchar(255),
    decision_reason     varchar(500),
    decided_at          timestamptz,
    CHECK ((decision IS NULL) = (decided_by IS NULL) AND (decision IS NULL) = (decided_at IS NULL)),
    CHECK (decision = 'WITHDRAWN' OR decided_by IS DISTINCT FROM requested_by)
);
-- At most one undecided request per case.
CREATE UNIQUE INDEX case_closure_request_open ON case_closure_request (case_id) WHERE decision IS NULL;

-- Idempotent intake: the key a caller sent with a report, the digest of the report's body and the case it made.
CREATE TABLE case_intake_key (
    caller          varchar(64)  NOT NULL,
    idempotency_key varchar(128) NOT NULL,
    request_sha256  bytea        NOT NULL,
    case_id         uuid         NOT NULL REFERENCES protection_case (id),
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
