-- Every index on audit_entry is written at every intake: with sixteen of them, PostgreSQL spent most of an event's
-- cost on its indexes (docs/benchmarks.md). These go:
-- * actor_agency (two values), purpose (eight) and actor_mission (one per mission): a filter on so few values
--   finds a page of matches about as fast by reading the log in its own order, and the security team combines them
--   with a worker, an actor or a time range, which keep their indexes.
-- * outcome keeps an index of the rare outcomes alone (DENIED, FAILED: what an investigation asks for first);
--   SUCCESS, nearly every event, is found by reading the log in order. The query names the predicate
--   (AuditFilter), so that the planner may use the index whatever the value bound.
-- * occurred_at's B-tree becomes a BRIN index: events arrive nearly in the order they occurred, so a summary per
--   block range finds a time range's rows for a fraction of the cost of a B-tree entry per row.
DROP INDEX audit_entry_actor_agency;
DROP INDEX audit_entry_outcome;
DROP INDEX audit_entry_purpose;
DROP INDEX audit_entry_actor_mission;
DROP INDEX audit_entry_occurred_at;
CREATE INDEX audit_entry_outcome ON audit_entry (outcome, ingest_id) WHERE outcome <> 'SUCCESS';
CREATE INDEX audit_entry_occurred_at ON audit_entry USING brin (occurred_at) WITH (pages_per_range = 32);
