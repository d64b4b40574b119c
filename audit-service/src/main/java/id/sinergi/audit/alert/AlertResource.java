package id.sinergi.audit.alert;

import id.sinergi.audit.alert.AlertDtos.AlertPage;
import id.sinergi.audit.alert.AlertDtos.AlertView;
import id.sinergi.audit.alert.AlertDtos.ReviewRequest;
import id.sinergi.audit.alert.AlertDtos.Status;
import id.sinergi.audit.rest.FilterParams;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.rest.PathTemplates;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Alerts raised on the sealed log, and sample reviews, as review tasks for the security team. */
@Path("/api/audit-alerts")
@Tag(name = "Audit alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertResource {

    @Inject
    AlertService alerts;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(
            summary = "List review tasks, oldest first, one page at a time",
            description = "Keyset pagination on seq: pass the page's 'next' as 'after'. Audited (audit.alert.list).")
    @APIResponse(
            responseCode = "200",
            description = "A page of tasks",
            content = @Content(schema = @Schema(implementation = AlertPage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor; errors[].field names it")
    public Uni<AlertPage> list(
            @QueryParam("status") @Parameter(description = "OPEN or REVIEWED") String status,
            @QueryParam("rule")
                    @Parameter(
                            description = "mass-read, out-of-scope, denial-burst, vital-interest, impersonation,"
                                    + " role-change, scope-change or sample")
                    String rule,
            @QueryParam("actor") @Parameter(description = "Tasks about this officer (Keycloak subject)") String actor,
            @QueryParam("limit") @Parameter(description = "Tasks per page, 1 to 200; 50 when omitted") String limit,
            @QueryParam("after") @Parameter(description = "Only tasks with a greater seq: the previous page's 'next'")
                    String after) {
        return alerts.list(
                status(status),
                rule(rule),
                actor(actor),
                FilterParams.cursorParam("after", after),
                FilterParams.intParam("limit", limit, 50, 1, 200),
                caller);
    }

    @GET
    @Path("/" + PathTemplates.UUID_ID)
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(summary = "Read one review task with its events and sign-off", description = "Audited.")
    @APIResponse(
            responseCode = "200",
            description = "The task",
            content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "404", description = "No task has this id")
    public Uni<AlertView> get(@PathParam("id") UUID id) {
        return alerts.get(id, caller);
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/review")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(
            summary = "Sign a review task off, once",
            description = "Stores the finding and records it in the log as audit.alert.reviewed. A review is never"
                    + " replaced.")
    @APIResponse(
            responseCode = "200",
            description = "The task, now REVIEWED",
            content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "400", description = "A bad body; errors[].field names the field")
    @APIResponse(responseCode = "403", description = "Not a security auditor, or own-alert: the alert is about you")
    @APIResponse(responseCode = "404", description = "No task has this id")
    @APIResponse(responseCode = "409", description = "already-reviewed: the task was signed off already")
    public Uni<AlertView> review(@PathParam("id") UUID id, @NotNull @Valid ReviewRequest request) {
        return alerts.review(id, request, caller);
    }

    private static Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Status.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("invalid-parameter", "status", "must be OPEN or REVIEWED");
        }
    }

    private static AlertRule rule(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return AlertRule.ofCode(value.strip())
                .orElseThrow(() -> ProblemException.invalidField(
                        "invalid-parameter",
                        "rule",
                        "must be one of "
                                + Arrays.stream(AlertRule.values())
                                        .map(AlertRule::code)
                                        .collect(Collectors.joining(", "))));
    }

    private static String actor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 64 || value.indexOf('\0') >= 0) {
            throw ProblemException.invalidField(
                    "invalid-parameter", "actor", "must be a Keycloak subject of at most 64 characters");
        }
        return value;
    }
}
