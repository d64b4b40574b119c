-- Processing must stop while a grant is paused, too: a pause sends every holder a stop notice (cause PAUSED), as a
-- revocation does (cause REVOKED). A holder may so get several notices of one grant: one per pause, and one at the
-- revocation. A resume ends the open pause notices (processing may go on), and so does the revocation, whose own
-- notice replaces them; an ended notice is no longer waiting for a confirmation.
ALTER TABLE stop_notice DROP CONSTRAINT stop_notice_holder_id_key;
ALTER TABLE stop_notice
    ADD COLUMN cause varchar(16) NOT NULL DEFAULT 'REVOKED' CHECK (cause IN ('REVOKED', 'PAUSED'));
ALTER TABLE stop_notice ALTER COLUMN cause DROP DEFAULT;
ALTER TABLE stop_notice
    ADD COLUMN ended_at timestamptz,
    ADD COLUMN ended_by varchar(16) CHECK (ended_by IN ('ACTIVE', 'REVOKED'));
ALTER TABLE stop_notice ADD CHECK ((ended_at IS NULL) = (ended_by IS NULL));
CREATE UNIQUE INDEX stop_notice_one_revocation_per_holder ON stop_notice (holder_id) WHERE cause = 'REVOKED';
DROP INDEX stop_notice_open_due;
CREATE INDEX stop_notice_open_due ON stop_notice (due_at) WHERE confirmed_at IS NULL AND ended_at IS NULL;
CREATE INDEX stop_notice_grant ON stop_notice (grant_id);
