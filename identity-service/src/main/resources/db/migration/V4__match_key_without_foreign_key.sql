-- match_key is an index the service derives from source_record in the same transaction that writes the record, and
-- replaces whenever the record changes; nothing else writes it, and source records are never deleted. Its foreign
-- key checked each of a record's (up to eight) key rows against source_record and locked the record's row eight
-- times per insert: the costliest part of storing a record, for a guarantee the service already gives.
ALTER TABLE match_key DROP CONSTRAINT match_key_source_record_id_fkey;
