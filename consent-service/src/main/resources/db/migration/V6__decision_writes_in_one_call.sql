-- A decision's writes in one call, so that the hottest path of the suite costs one round trip to write: the use
-- of each grant it rests on is counted, its holder recorded, and its audit event put in the outbox, all or
-- nothing. A grant is counted only while it is still ACTIVE and inside its window at the decision's instant; when
-- one no longer is (a revocation or pause committed since the grants were read), nothing is written and the call
-- fails with SQLSTATE SG001, and consent-service takes the decision again from the new state. Grants are locked
-- in the order of their ids, as every other writer of several grants would.
CREATE FUNCTION record_consent_decision(
    p_grants          uuid[],
    p_at              timestamptz,
    p_agency          varchar,
    p_client          varchar,
    p_subject         varchar,
    p_username        varchar,
    p_event_id        uuid,
    p_event_payload   text,
    p_event_created   timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    g uuid;
BEGIN
    FOR g IN SELECT DISTINCT x FROM unnest(p_grants) AS x ORDER BY x LOOP
        UPDATE consent_grant SET use_count = use_count + 1
         WHERE id = g AND status = 'ACTIVE' AND valid_from <= p_at AND valid_until > p_at;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'consent grant % changed during the decision', g USING ERRCODE = 'SG001';
        END IF;
        INSERT INTO consent_grant_holder
            (id, grant_id, agency, client_id, subject, username, first_used_at, last_used_at, uses)
        VALUES (gen_random_uuid(), g, p_agency, p_client, p_subject, p_username, p_at, p_at, 1)
        ON CONFLICT (grant_id, agency, client_id, subject) DO UPDATE
            SET uses = consent_grant_holder.uses + 1,
                last_used_at = excluded.last_used_at,
                username = excluded.username;
    END LOOP;
    INSERT INTO audit_outbox (event_id, payload, created_at) VALUES (p_event_id, p_event_payload, p_event_created);
END
$$;
