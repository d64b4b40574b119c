-- Referrals and transfers of a case to the other ministry or to a named service, with the permit for the worker
-- data they share and the receiving party's answer; and the outcomes a case achieved for the worker.

CREATE TABLE case_referral (
    id                         uuid PRIMARY KEY,
    case_id                    uuid          NOT NULL REFERENCES protection_case (id),
    kind                       varchar(16)   NOT NULL CHECK (kind IN ('REFERRAL', 'TRANSFER')),
    target                     varchar(32)   NOT NULL
        CHECK (target IN ('KEMLU', 'KEMENP2MI', 'REPATRIATION', 'INSURANCE_CLAIM', 'LEGAL_AID', 'SHELTER')),
    to_mission                 varchar(64),
    provider_name              varchar(200),
    reason                     varchar(500)  NOT NULL,
    from_agency                varchar(16)   NOT NULL CHECK (from_agency IN ('KEMLU', 'KEMENP2MI')),
    from_mission               varchar(64),
    status                     varchar(16)   NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    shares_worker_data         boolean       NOT NULL,
    data_categories            varchar(100),
    sharing_basis              varchar(16)   CHECK (sharing_basis IN ('PERMIT', 'OVERRIDE')),
    consent_basis              varchar(32),
    consent_reason             varchar(64),
    consent_grant_id           uuid,
    consent_vital_interest_id  uuid,
    override_reason            varchar(2000),
    created_by                 varchar(64)   NOT NULL,
    created_username           varchar(255),
    created_at                 timestamptz   NOT NULL,
    decided_by                 varchar(64),
    decided_username           varchar(255),
    decision_reason            varchar(500),
    decided_at                 timestamptz,
    -- Only the other ministry can take over a case; a service is named by its provider, a ministry is not.
    CHECK (kind = 'REFERRAL' OR target IN ('KEMLU', 'KEMENP2MI')),
    CHECK ((target IN ('KEMLU', 'KEMENP2MI')) = (provider_name IS NULL)),
    -- A referral to Kemlu is addressed to one mission; one to anyone else to none.
    CHECK ((target = 'KEMLU') = (to_mission IS NOT NULL)),
    -- A ministry is referred to only by the other one.
    CHECK (target <> from_agency),
    -- Shared data names its categories and how sharing was allowed: a permit, or an override with its reason.
    CHECK (shares_worker_data = (data_categories IS NOT NULL)),
    CHECK (shares_worker_data = (sharing_basis IS NOT NULL)),
    CHECK ((sharing_basis IS NOT DISTINCT FROM 'OVERRIDE') = (override_reason IS NOT NULL)),
    CHECK (sharing_basis IS DISTINCT FROM 'PERMIT' OR consent_reason IS NOT NULL),
    -- An answer has who, when and why; a pending referral has none.
    CHECK ((status = 'PENDING') = (decided_by IS NULL)),
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK ((status = 'PENDING') = (decision_reason IS NULL))
);
CREATE INDEX case_referral_case ON case_referral (case_id, created_at);
-- At most one transfer of a case waits for an answer: two could hand the lead to two places.
CREATE UNIQUE INDEX case_referral_one_pending_transfer ON case_referral (case_id)
    WHERE kind = 'TRANSFER' AND status = 'PENDING';

CREATE TABLE case_outcome (
    id              uuid PRIMARY KEY,
    case_id         uuid           NOT NULL REFERENCES protection_case (id),
    kind            varchar(24)    NOT NULL
        CHECK (kind IN ('WAGES_RECOVERED', 'REPATRIATED', 'LEGAL_RESULT', 'REMAINS_REPATRIATED')),
    amount          numeric(14, 2) CHECK (amount > 0),
    currency        char(3)        CHECK (currency ~ '^[A-Z]{3}$'),
    occurred_on     date,
    legal_result    varchar(24)
        CHECK (legal_result IN ('DIBEBASKAN', 'HUKUMAN_DIRINGANKAN', 'DIVONIS', 'DAMAI', 'DIHENTIKAN')),
    note            varchar(1000),
    actor_subject   varchar(64)    NOT NULL,
    actor_username  varchar(255),
    recorded_at     timestamptz    NOT NULL,
    CHECK ((kind = 'WAGES_RECOVERED') = (amount IS NOT NULL)),
    CHECK ((amount IS NULL) = (currency IS NULL)),
    CHECK ((kind = 'LEGAL_RESULT') = (legal_result IS NOT NULL)),
    CHECK (kind NOT IN ('REPATRIATED', 'REMAINS_REPATRIATED') OR occurred_on IS NOT NULL)
);
CREATE INDEX case_outcome_case ON case_outcome (case_id, recorded_at);
