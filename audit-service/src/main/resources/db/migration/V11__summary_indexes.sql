-- Every intake writes every index of audit_entry, and on two cores PostgreSQL's index work limited batch intake
-- (docs/benchmarks.md). A B-tree entry per row is kept only where a query needs the rows in order or the value has
-- many rows; the others become summaries per block range (BRIN), which cost a fraction of that at intake.
--
-- * worker_id and resource_id (the case): a worker or a case has few events among millions, scattered over the
--   log. A bloom filter per 8 heap pages answers "may this range hold the value?"; a lookup reads the whole
--   summary (about 2 bytes per row) and then only the ranges that answered yes. Sized for 256 values a range and
--   one false match in a thousand ranges.
-- * actor_subject and actor_username: an actor's events are many, and every query by actor reads them through a
--   bitmap (subject or user name), so the key need not carry ingest_id: without it PostgreSQL stores each actor's
--   row pointers as one deduplicated posting list. The alert scanner's reads of an officer in a time range combine
--   the subject's bitmap with occurred_at's BRIN, and no longer need an index of their own.
DROP INDEX audit_entry_worker;
DROP INDEX audit_entry_resource;
DROP INDEX audit_entry_actor_occurred;
DROP INDEX audit_entry_actor_subject;
DROP INDEX audit_entry_actor_username;
CREATE INDEX audit_entry_actor_subject ON audit_entry (actor_subject);
CREATE INDEX audit_entry_actor_username ON audit_entry (actor_username);
CREATE INDEX audit_entry_worker ON audit_entry
    USING brin (worker_id uuid_bloom_ops (n_distinct_per_range = 256, false_positive_rate = 0.001))
    WITH (pages_per_range = 8);
CREATE INDEX audit_entry_resource ON audit_entry
    USING brin (resource_id text_bloom_ops (n_distinct_per_range = 256, false_positive_rate = 0.001))
    WITH (pages_per_range = 8);

-- A block range that has no summary yet matches every lookup, so its pages are read by every query through these
-- indexes. PostgreSQL summarizes new ranges only in VACUUM, which for an insert-only table may come after a fifth
-- of the table has been added. The sealer calls this after every round that sealed events, so the summaries follow
-- the log within a second. Summarizing needs the owner's rights; the function does only that, and only for the
-- summary indexes of audit_entry. It gives way to a VACUUM of the table (which also summarizes): it waits at most
-- 50 ms for the lock, less than the deadlock_timeout after which an autovacuum would be cancelled for it, and
-- then gives -1 and leaves the summaries to the next call.
CREATE FUNCTION audit_entry_summarize() RETURNS integer
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
    SET lock_timeout = '50ms'
AS $$
BEGIN
    RETURN brin_summarize_new_values('audit_entry_worker')
         + brin_summarize_new_values('audit_entry_resource')
         + brin_summarize_new_values('audit_entry_occurred_at');
EXCEPTION WHEN lock_not_available THEN
    RETURN -1;
END
$$;
REVOKE ALL ON FUNCTION audit_entry_summarize() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_entry_summarize() TO "${appRole}";
