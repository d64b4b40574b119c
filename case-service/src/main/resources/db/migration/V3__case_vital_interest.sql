-- The vital-interest authorisation consent-service gave for the case (the one invoked or renewed last): its id
-- and when it ends unless renewed. consent-service holds the authorisation itself and the officer's reason.
ALTER TABLE protection_case ADD COLUMN vital_interest_id uuid;
ALTER TABLE protection_case ADD COLUMN vital_interest_expires_at timestamptz;
ALTER TABLE protection_case ADD CONSTRAINT protection_case_vital_interest_pair
    CHECK ((vital_interest_id IS NULL) = (vital_interest_expires_at IS NULL));
