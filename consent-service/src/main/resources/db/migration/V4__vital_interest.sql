-- Vital-interest authorisations (UU 27/2022 Pasal 20 ayat (2) huruf d): a consular officer handling a critical
-- protection case may have the worker's data used without consent; tied to the case, ends by itself after 72
-- hours unless renewed, and waits for the security team's review.
CREATE TABLE vital_interest (
    id                uuid PRIMARY KEY,
    worker_id         uuid          NOT NULL,
    agency            varchar(16)   NOT NULL CHECK (agency IN ('KEMENP2MI', 'KEMLU')),
    case_id           uuid          NOT NULL,
    case_category     varchar(32)   NOT NULL
        CHECK (case_category IN ('DANGER_TO_LIFE', 'TRAFFICKING', 'DETENTION', 'DEATH', 'VIOLENCE')),
    data_categories   varchar(500)  NOT NULL,
    officer_subject   varchar(64)   NOT NULL,
    officer_username  varchar(255),
    officer_mission   varchar(64)   NOT NULL,
    reason            varchar(2000) NOT NULL,
    requested_by      varchar(255)  NOT NULL,
    created_at        timestamptz   NOT NULL,
    expires_at        timestamptz   NOT NULL,
    renewals          integer       NOT NULL DEFAULT 0,
    last_renewed_at   timestamptz,
    reviewed_at       timestamptz,
    reviewed_by       varchar(64),
    review_note       varchar(1000),
    version           bigint        NOT NULL DEFAULT 0,
    CHECK (expires_at > created_at),
    CHECK ((reviewed_at IS NULL) = (reviewed_by IS NULL))
);
CREATE INDEX vital_interest_worker ON vital_interest (worker_id, agency, expires_at);
CREATE INDEX vital_interest_unreviewed ON vital_interest (created_at) WHERE reviewed_at IS NULL;
