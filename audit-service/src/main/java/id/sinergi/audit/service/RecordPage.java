package id.sinergi.audit.service;

import id.sinergi.audit.domain.AuditRecord;
import java.util.List;

/**
 * One page of a query, in seq order.
 *
 * @param records the rows of this page
 * @param next the cursor for the next page (the last seq of this one), or null when this is the last page
 */
public record RecordPage(List<AuditRecord> records, Long next) {}
