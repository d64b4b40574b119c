package id.sinergi.audit.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.audit.rest.AuditDtos.EventView;
import id.sinergi.audit.service.AuditFilter;
import id.sinergi.audit.service.AuditLog;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * The export of a query for the security team, streamed as it is read. A resource of its own because its media
 * type follows the {@code format} parameter: Quarkus REST streams a Multi with one media type per method, so the
 * method declares none and the response names the format's type.
 */
@Path("/api/audit-events/export")
@Tag(name = "Audit events")
public class AuditExportResource {

    @Inject
    AuditLog log;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(
            summary = "Export the events a query covers, oldest first, as NDJSON or CSV",
            description = "Takes the query's filters and streams every matching event, read 1000 at a time, so an"
                    + " export of any size is never built in memory. NDJSON has one stored event per line, as the"
                    + " query shows it; CSV has a header row, then one row per event with the details as JSON"
                    + " text, and every cell that a spreadsheet would take for a formula (starting with = + - @,"
                    + " tab or carriage return) prefixed with an apostrophe. Details are opened as in the query."
                    + " The export itself is audited (action audit.query.export) before the first event is read.")
    @APIResponse(
            responseCode = "200",
            description = "The export",
            content = {
                @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = EventView.class)),
                @Content(mediaType = "text/csv")
            })
    @APIResponse(responseCode = "400", description = "A bad filter, format or cursor; errors[].field names it")
    public RestMulti<String> export(
            @BeanParam FilterParams filter,
            @QueryParam("format")
                    @Parameter(
                            description = "ndjson (the default) or csv",
                            schema = @Schema(enumeration = {"ndjson", "csv"}))
                    String format,
            @QueryParam("after") @Parameter(description = "Only events with a greater ingestId") String after) {
        ExportFormat chosen = ExportFormat.of(format);
        AuditFilter parsed = filter.toFilter();
        long cursor = FilterParams.cursorParam("after", after);
        return RestMulti.fromMultiData(chosen.encode(log.export(parsed, cursor, chosen.extension, caller), json))
                .header(HttpHeaders.CONTENT_TYPE, chosen.mediaType)
                .header("Content-Disposition", "attachment; filename=\"audit-events." + chosen.extension + "\"")
                .build();
    }
}
