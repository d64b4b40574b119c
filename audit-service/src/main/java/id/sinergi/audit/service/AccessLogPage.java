package id.sinergi.audit.service;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a worker's access log, newest first.
 *
 * @param workerId the worker
 * @param entries what was done with their data
 * @param next pass as {@code before} for the next (older) page; null on the last page
 */
@Schema(name = "AccessLogPage")
public record AccessLogPage(
        UUID workerId,
        List<AccessEntry> entries,
        @Schema(description = "Pass as 'before' for the next, older page; null on the last page", nullable = true)
                Long next) {}
