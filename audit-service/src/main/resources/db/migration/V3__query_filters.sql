-- The security team's further filters (docs/audit.md): the actor's agency and mission, the purpose and the outcome.
-- Each is paired with ingest_id, as V2's are, so that a filtered page is one index range read in keyset order.
CREATE INDEX audit_entry_actor_agency ON audit_entry (actor_agency, ingest_id);
CREATE INDEX audit_entry_actor_mission ON audit_entry (actor_mission, ingest_id);
CREATE INDEX audit_entry_purpose ON audit_entry (purpose, ingest_id);
-- Few values, but DENIED and FAILED are rare and are what an investigation asks for first.
CREATE INDEX audit_entry_outcome ON audit_entry (outcome, ingest_id);
