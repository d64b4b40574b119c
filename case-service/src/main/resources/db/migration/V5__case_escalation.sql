-- The escalation ladder: each step up a case took because a deadline was breached, recorded once per level by the
-- escalation job (EscalationJob). Level 1 is the head of protection of the lead side (the mission's, or KemenP2MI's
-- protection supervisor), level 2 the protection directorate at home (Kemlu's PWNI, or KemenP2MI's). A case's
-- current level is the highest recorded; the rows are never changed.
CREATE TABLE case_escalation (
    id           uuid         PRIMARY KEY,
    case_id      uuid         NOT NULL REFERENCES protection_case (id),
    level        smallint     NOT NULL CHECK (level IN (1, 2)),
    deadline     varchar(16)  NOT NULL CHECK (deadline IN ('FIRST_RESPONSE', 'RESOLUTION')),
    due_at       timestamptz  NOT NULL,
    escalated_at timestamptz  NOT NULL,
    -- The configured rule that escalated it, e.g. first-response-overdue; no personal data.
    reason       varchar(200) NOT NULL,
    -- Whose ladder it was when it escalated: the lead agency and, when Kemlu led, its mission.
    lead_agency  varchar(16)  NOT NULL CHECK (lead_agency IN ('KEMLU', 'KEMENP2MI')),
    mission_id   varchar(64),
    UNIQUE (case_id, level)
);

-- The job and the breach list look for open cases past a deadline not yet met.
CREATE INDEX protection_case_awaiting_response ON protection_case (first_response_due)
    WHERE first_responded_at IS NULL AND status <> 'CLOSED';
CREATE INDEX protection_case_awaiting_resolution ON protection_case (resolution_due)
    WHERE resolved_at IS NULL AND status <> 'CLOSED';
