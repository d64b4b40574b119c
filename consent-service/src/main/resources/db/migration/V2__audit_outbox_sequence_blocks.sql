-- The audit client takes outbox sequence numbers 50 at a time (see AuditOutboxEntry), so that a transaction
-- writing many audit events inserts them in one batch. Its sequence must step by the same amount.
ALTER TABLE audit_outbox ALTER COLUMN seq SET INCREMENT BY 50;
