package id.sinergi.audit.service;

import java.util.List;

/**
 * One page of a query, in ingest order.
 *
 * @param events the events of this page
 * @param next the cursor for the next page (the last ingest id of this one), or null when this is the last page
 */
public record RecordPage(List<StoredEvent> events, Long next) {}
