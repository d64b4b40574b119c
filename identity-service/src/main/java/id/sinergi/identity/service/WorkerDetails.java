package id.sinergi.identity.service;

import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import java.util.List;

/** A worker with their source records, oldest first. */
public record WorkerDetails(Worker worker, List<SourceRecord> records) {}
