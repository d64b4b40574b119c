package id.sinergi.audit.rest;

import id.sinergi.audit.log.LogViews.EventProof;
import id.sinergi.audit.log.MerkleLog;
import id.sinergi.audit.rest.AuditDtos.EventPage;
import id.sinergi.audit.rest.AuditDtos.EventView;
import id.sinergi.audit.service.AppendResult;
import id.sinergi.audit.service.AuditLog;
import id.sinergi.audit.service.Summary;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.problem.ProblemMappers;
import id.sinergi.common.rest.PathTemplates;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log's events: intake from the suite's services, and queries and counts for the security team. */
@Path("/api/audit-events")
@Tag(name = "Audit events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuditEventResource {

    /** The most events one batch may carry. */
    static final int MAX_BATCH = 1000;

    @Inject
    AuditLog log;

    @Inject
    MerkleLog merkleLog;

    @Inject
    Caller caller;

    @Inject
    Validator validator;

    @POST
    @RolesAllowed(Roles.SINERGI_SERVICE)
    @Operation(summary = "Store one event; an event whose id is already stored is skipped as a duplicate")
    @APIResponse(
            responseCode = "200",
            description = "Stored, or skipped as a duplicate",
            content = @Content(schema = @Schema(implementation = AppendResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid event; nothing stored")
    @APIResponse(
            responseCode = "403",
            description = "Not a service account, or service-mismatch: the event names another service than the"
                    + " caller's client")
    public Uni<AppendResult> ingest(@NotNull @Valid AuditEvent event) {
        return log.ingest(List.of(event), false, caller);
    }

    @POST
    @Path("/batch")
    @RolesAllowed(Roles.SINERGI_SERVICE)
    @Operation(
            summary = "Store a batch of events in the given order, all or none",
            description = "Events whose id is already stored, or that repeat an id of the same batch, are skipped"
                    + " and counted as duplicates, so a retried delivery is harmless.")
    @APIResponse(
            responseCode = "200",
            description = "Stored; duplicates skipped",
            content = @Content(schema = @Schema(implementation = AppendResult.class)))
    @APIResponse(responseCode = "400", description = "An invalid event, or not 1 to 1000 events; nothing stored")
    @APIResponse(
            responseCode = "403",
            description = "Not a service account, or service-mismatch: an event names another service than the"
                    + " caller's client; nothing stored")
    public Uni<AppendResult> ingestBatch(@NotNull @Size(min = 1, max = MAX_BATCH) List<@NotNull AuditEvent> events) {
        validate(events);
        return log.ingest(events, true, caller);
    }

    /**
     * Bean Validation of a batch's events, which the list's declaration leaves to this method: each event that the
     * plain check does not pass is validated by Hibernate Validator, and their violations make a 400 naming each
     * field from its event's index, as validation of the list as a whole would.
     */
    private void validate(List<AuditEvent> events) {
        Map<Integer, Set<ConstraintViolation<AuditEvent>>> broken = new TreeMap<>();
        for (int i = 0; i < events.size(); i++) {
            AuditEvent event = events.get(i);
            if (!PlainEventCheck.passes(event)) {
                Set<ConstraintViolation<AuditEvent>> violations = validator.validate(event);
                if (!violations.isEmpty()) {
                    broken.put(i, violations);
                }
            }
        }
        if (!broken.isEmpty()) {
            throw new ProblemException(ProblemMappers.elementViolationProblem(broken, null));
        }
    }

    @GET
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(
            summary = "Find events, oldest first, one page at a time",
            description = "Keyset pagination on ingestId: pass the page's 'next' as 'after' for the following page."
                    + " Events' personal details are shown opened (detailsStatus ERASED once the worker's key was"
                    + " destroyed). The query itself is audited (action audit.query).")
    @APIResponse(
            responseCode = "200",
            description = "A page of events",
            content = @Content(schema = @Schema(implementation = EventPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad filter, limit or cursor; errors[].field names the parameter")
    public Uni<EventPage> query(
            @BeanParam FilterParams filter,
            @QueryParam("limit") @Parameter(description = "Events per page, 1 to 500; 100 when omitted") String limit,
            @QueryParam("after")
                    @Parameter(description = "Only events with a greater ingestId: the previous page's 'next'")
                    String after) {
        int pageSize = FilterParams.intParam("limit", limit, 100, 1, 500);
        long cursor = FilterParams.cursorParam("after", after);
        return log.query(filter.toFilter(), cursor, pageSize, caller)
                .map(page ->
                        new EventPage(page.events().stream().map(EventView::of).toList(), page.next()));
    }

    @GET
    @Path("/{eventId: " + PathTemplates.UUID + "}/proof")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(
            summary = "Prove that an event is in the log",
            description = "The event's leaf index, its canonical entry and leaf hash, the RFC 9162 inclusion proof"
                    + " and the signed checkpoint it holds against (the latest, or the one of 'size'). Audited"
                    + " (action audit.proof.read).")
    @APIResponse(
            responseCode = "200",
            description = "The proof",
            content = @Content(schema = @Schema(implementation = EventProof.class)))
    @APIResponse(responseCode = "400", description = "'size' is no checkpoint's tree size")
    @APIResponse(responseCode = "404", description = "No sealed event has this id (it may not be sealed yet)")
    @APIResponse(responseCode = "409", description = "The event was sealed after the checkpoint of 'size'")
    public Uni<EventProof> proof(
            @PathParam("eventId") UUID eventId,
            @QueryParam("size")
                    @Parameter(
                            description = "A checkpoint's tree size; the latest when omitted",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    String size) {
        return merkleLog.eventProof(eventId, FilterParams.optionalTreeSize("size", size), caller);
    }

    @GET
    @Path("/summary")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(
            summary = "Count the events a filter covers, per action and per outcome",
            description = "Takes the filters of the query; the summary itself is audited (action audit.summary).")
    @APIResponse(
            responseCode = "200",
            description = "The counts",
            content = @Content(schema = @Schema(implementation = Summary.class)))
    @APIResponse(responseCode = "400", description = "A bad filter; errors[].field names the parameter")
    public Uni<Summary> summary(@BeanParam FilterParams filter) {
        return log.summarize(filter.toFilter(), caller);
    }
}
