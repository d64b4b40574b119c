package id.sinergi.audit.service;

import id.sinergi.audit.details.OpenedDetails;
import id.sinergi.audit.domain.AuditRecord;

/**
 * An event as a read finds it.
 *
 * @param record the stored row (its details sealed)
 * @param details the details opened, or null when the event has none
 */
public record StoredEvent(AuditRecord record, OpenedDetails details) {}
