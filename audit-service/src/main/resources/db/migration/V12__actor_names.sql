-- A query by an actor's user name found its events through a B-tree on audit_entry.actor_username, which every
-- intake wrote an entry into for every row (a probe on PostgreSQL 15: 17.3 µs a row with V11's indexes, 15.2
-- without this one; docs/benchmarks.md). An actor's events are now found through the subject's index, and the log
-- keeps each user name with the subjects that carried it, one row per pair: some thousands of rows where the index
-- had one entry per event. The intake's INSERT adds the pairs of its events (LogStore) but those audit-service has
-- seen stored (ActorNames), so that a known officer's events cost nothing here. Rows copied into audit_entry past
-- the service must add their pairs too. No row is removed: a pair whose events retention purged finds no event.
CREATE TABLE audit_actor_name (
    username varchar(255) NOT NULL,
    subject  varchar(64)  NOT NULL,
    PRIMARY KEY (username, subject)
);
INSERT INTO audit_actor_name (username, subject)
SELECT DISTINCT actor_username, actor_subject FROM audit_entry WHERE actor_username IS NOT NULL;
GRANT SELECT, INSERT ON audit_actor_name TO "${appRole}";

DROP INDEX audit_entry_actor_username;
