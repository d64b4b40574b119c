-- A closed case may be reopened (case-service's workflow: CLOSED -> REOPENED). A case is open, and holds its
-- events, unless its last successful transition to CLOSED came after every transition to REOPENED.
CREATE OR REPLACE VIEW retention_held_case AS
SELECT DISTINCT e.resource_id AS case_id, 'open-case' AS source
FROM audit_entry e
WHERE e.service = 'case-service' AND e.resource_type = 'case' AND e.resource_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM audit_entry c
                  WHERE c.resource_type = 'case' AND c.resource_id = e.resource_id AND c.service = 'case-service'
                    AND c.action = 'case.transition' AND c.outcome = 'SUCCESS'
                    AND c.reason ~ '(^| )to=CLOSED( |$)'
                    AND NOT EXISTS (SELECT 1 FROM audit_entry r
                                    WHERE r.resource_type = 'case' AND r.resource_id = c.resource_id
                                      AND r.service = 'case-service' AND r.action = 'case.transition'
                                      AND r.outcome = 'SUCCESS' AND r.reason ~ '(^| )to=REOPENED( |$)'
                                      AND (r.occurred_at, r.ingest_id) > (c.occurred_at, c.ingest_id)))
UNION ALL
SELECT h.target_id::text, 'manual'
FROM legal_hold h
WHERE h.scope = 'CASE' AND NOT EXISTS (SELECT 1 FROM legal_hold_release r WHERE r.hold_id = h.id);
