package id.sinergi.audit.console;

import id.sinergi.audit.alert.AlertDtos.AlertView;
import id.sinergi.audit.alert.AlertDtos.ReviewOutcome;
import id.sinergi.audit.alert.AlertDtos.ReviewRequest;
import id.sinergi.audit.alert.AlertDtos.SampleRequest;
import id.sinergi.audit.alert.AlertDtos.Status;
import id.sinergi.audit.alert.AlertService;
import id.sinergi.audit.console.ConsoleViews.AlertRow;
import id.sinergi.audit.console.ConsoleViews.Choice;
import id.sinergi.audit.console.ConsoleViews.EventRow;
import id.sinergi.audit.console.ConsoleViews.Page;
import id.sinergi.audit.console.ConsoleViews.VerificationRow;
import id.sinergi.audit.log.Backlog;
import id.sinergi.audit.log.LogVerifier;
import id.sinergi.audit.log.MerkleLog;
import id.sinergi.audit.log.MerkleLog.WitnessCosignature;
import id.sinergi.audit.rest.FilterParams;
import id.sinergi.audit.service.AccessLogPage;
import id.sinergi.audit.service.AuditLog;
import id.sinergi.audit.service.RecordPage;
import id.sinergi.audit.service.WorkerRights;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.RoleDenials;
import id.sinergi.common.security.Roles;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The security team's web console: server-rendered pages over the same service beans as the REST API, so every
 * search, trail, alert read, sign-off, sample and verification is audited exactly as the API call would be. Signed
 * in with Keycloak's authorization code flow (tenant {@code console}); only {@code security-auditor} may use it.
 */
@Path("/console")
@Produces(ConsoleResource.HTML)
public class ConsoleResource {

    static final String HTML = "text/html;charset=UTF-8";

    /** Events, trail entries and tasks per console page. */
    static final int PAGE = 50;

    @Inject
    AuditLog log;

    @Inject
    WorkerRights rights;

    @Inject
    AlertService alerts;

    @Inject
    MerkleLog merkleLog;

    @Inject
    LogVerifier verifier;

    @Inject
    Backlog backlog;

    @Inject
    Caller caller;

    @Inject
    RoleDenials roleDenials;

    @Inject
    Validator validator;

    @Inject
    CurrentVertxRequest currentRequest;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page page);

        static native TemplateInstance events(
                Page page, FilterParams filter, List<Choice> outcomes, List<EventRow> events, String nextLink);

        static native TemplateInstance worker(Page page, String workerId, AccessLogPage trail, String nextLink);

        static native TemplateInstance alerts(Page page, String status, List<AlertRow> alerts, String nextLink);

        static native TemplateInstance alert(
                Page page, AlertRow row, List<EventRow> events, List<Choice> findings, String eventsLink);

        static native TemplateInstance sample(Page page, List<Choice> outcomes);

        static native TemplateInstance verification(
                Page page,
                Backlog.View backlog,
                String checkpoint,
                List<String> witnesses,
                List<WitnessCosignature> cosignatures,
                VerificationRow last,
                boolean ranNow);

        static native TemplateInstance error(Page page, int status, String title, String detail, List<String> errors);

        static native TemplateInstance signedOut(Page page);
    }

    @GET
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(hidden = true)
    public String home() {
        return Templates.home(page("Konsol audit (Audit console)")).render();
    }

    @GET
    @Path("/events")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(hidden = true)
    public Uni<String> events(
            @BeanParam FilterParams filter, @QueryParam("after") String after, @QueryParam("limit") String limit) {
        int pageSize = FilterParams.intParam("limit", limit, PAGE, 1, 500);
        long cursor = FilterParams.cursorParam("after", after);
        Page page = page("Pencarian peristiwa (Event search)");
        return log.query(filter.toFilter(), cursor, pageSize, caller).map(found -> Templates.events(
                        page,
                        filter,
                        ConsoleViews.outcomes(),
                        found.events().stream().map(EventRow::of).toList(),
                        nextEventsLink(filter, found, pageSize))
                .render());
    }

    @GET
    @Path("/worker")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(hidden = true)
    public Uni<String> worker(@QueryParam("workerId") String workerId, @QueryParam("before") String before) {
        UUID worker = FilterParams.requiredUuid("workerId", workerId);
        Long cursor = FilterParams.optionalLong("before", before);
        Page page = page("Jejak akses pekerja (A worker's access trail)");
        return rights.accessLog(worker, null, null, cursor == null ? Long.MAX_VALUE : cursor, PAGE, false, caller)
                .map(trail -> Templates.worker(
                                page,
                                worker.toString(),
                                trail,
                                trail.next() == null
                                        ? null
                                        : Links.of(
                                                "/console/worker", Map.of("workerId", worker, "before", trail.next())))
                        .render());
    }

    @GET
    @Path("/alerts")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(hidden = true)
    public Uni<String> alertList(@QueryParam("status") String status, @QueryParam("after") String after) {
        Status wanted = status(status);
        long cursor = FilterParams.cursorParam("after", after);
        Page page = page("Peringatan dan tinjauan (Alerts and review)");
        return alerts.list(wanted, null, null, cursor, PAGE, caller).map(found -> Templates.alerts(
                        page,
                        wanted.name(),
                        found.alerts().stream().map(AlertRow::of).toList(),
                        found.next() == null
                                ? null
                                : Links.of("/console/alerts", Map.of("status", wanted, "after", found.next())))
                .render());
    }

    @GET
    @Path("/alert")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(hidden = true)
    public Uni<String> alert(@QueryParam("id") String id) {
        UUID alertId = FilterParams.requiredUuid("id", id);
        Page page = page("Tugas tinjauan (Review task)");
        return alerts.get(alertId, caller).flatMap(view -> eventsOf(view).map(events -> Templates.alert(
                        page, AlertRow.of(view), events, ConsoleViews.findings(), eventsLink(view))
                .render()));
    }

    @POST
    @Path("/alert/review")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> review(
            @FormParam("id") String id, @FormParam("outcome") String outcome, @FormParam("note") String note) {
        UUID alertId = FilterParams.requiredUuid("id", id);
        ReviewRequest request = valid(new ReviewRequest(finding(outcome), note == null ? null : note.strip()));
        return alerts.review(alertId, request, caller).map(view -> seeOther("/console/alert", "id", view.id()));
    }

    @GET
    @Path("/sample")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(hidden = true)
    public String sampleForm() {
        return Templates.sample(page("Sampel acak untuk ditinjau (A random sample to review)"), ConsoleViews.outcomes())
                .render();
    }

    @POST
    @Path("/sample")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> sample(
            @FormParam("size") String size,
            @FormParam("service") String service,
            @FormParam("action") String action,
            @FormParam("outcome") String outcome,
            @FormParam("from") String from,
            @FormParam("to") String to) {
        SampleRequest request = valid(new SampleRequest(
                FilterParams.intParam("size", size, 10, 1, 100),
                blankToNull(service),
                blankToNull(action),
                eventOutcome(outcome),
                instant("from", from),
                instant("to", to)));
        return alerts.sample(request, caller).map(view -> seeOther("/console/alert", "id", view.id()));
    }

    @GET
    @Path("/verification")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(hidden = true)
    public Uni<String> verification(@QueryParam("ran") String ran) {
        boolean runNow = "true".equals(ran);
        Page page = page("Status verifikasi log (The log's verification status)");
        return backlog.current().flatMap(view -> merkleLog
                .checkpoint()
                .onFailure(ProblemException.class)
                .recoverWithNull()
                .flatMap(note -> merkleLog.cosignatures(view.treeSize()).flatMap(cosigned -> verifier.lastRun()
                        .map(last -> Templates.verification(
                                        page,
                                        view,
                                        note,
                                        merkleLog.witnessNames(),
                                        cosigned,
                                        last.map(r -> new VerificationRow(
                                                        r.result(),
                                                        ConsoleViews.verification(
                                                                r.result().status()),
                                                        r.by() == null ? "jadwal (schedule)" : r.by(),
                                                        r.at().toString()))
                                                .orElse(null),
                                        runNow)
                                .render()))));
    }

    /**
     * Verifies the whole log now, as the signed-in auditor: a form post with the CSRF token, since a run is costly
     * and is recorded as the auditor's (a link another site could make the browser follow must not start one).
     */
    @POST
    @Path("/verification/run")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> runVerification() {
        return verifier.verify(caller).map(v -> seeOther("/console/verification", "ran", "true"));
    }

    /**
     * Sign-out: the code flow answers this path itself, before the method runs, by ending the session and sending
     * the browser to Keycloak's end-session endpoint (RP-initiated logout). The path needs a resource so that the
     * request is authenticated at all; the method is reached only when that did not happen, and goes home.
     */
    @GET
    @Path("/logout")
    @Authenticated
    @Operation(hidden = true)
    public Response logout() {
        Log.warnf("event=console-logout-not-handled subject=%s", caller.subject());
        return Response.seeOther(URI.create("/console")).build();
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    @Operation(hidden = true)
    public String signedOut() {
        return Templates.signedOut(new Page("Anda telah keluar (You are signed out)", null))
                .render();
    }

    /** A refused or bad request: the page says what was wrong; the API keeps its problem bodies. */
    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Problem p = e.problem();
        List<String> errors = p.getErrors() == null
                ? List.of()
                : p.getErrors().stream()
                        .map(err -> err.field() + ": " + err.message())
                        .toList();
        return errorPage(p.getStatus(), p.getTitle(), p.getDetail(), errors);
    }

    /**
     * Not signed in: the code flow's challenge, a redirect to Keycloak's login page (the module's problem mappers
     * would answer the API's 401 instead).
     */
    @ServerExceptionMapper
    public Uni<Response> signIn(UnauthorizedException e) {
        return challenge();
    }

    /**
     * A session that can no longer be renewed (Keycloak's session ended: a sign-out elsewhere, an administrator, a
     * restart): sign in again rather than the API's JSON 401.
     */
    @ServerExceptionMapper
    public Uni<Response> signInAgain(AuthenticationFailedException e) {
        Log.infof("event=console-session-ended effect=\"sent to sign in again\"");
        return challenge();
    }

    private Uni<Response> challenge() {
        RoutingContext context = currentRequest.getCurrent();
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        return authenticator.getChallenge(context).map(challenge -> {
            Response.ResponseBuilder response = Response.status(challenge.status);
            challenge.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
            return response.build();
        });
    }

    /**
     * A signed-in user without the security-auditor role: the access-denied page, and a DENIED event
     * {@code operation.forbidden} in the log naming the console page, as the API's refusals by role are recorded
     * (the page is shown if the event cannot be written; that is logged at WARN).
     */
    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, ResourceInfo resource) {
        Log.infof("event=console-forbidden subject=%s", caller.subject());
        Response page = errorPage(
                403,
                "Akses ditolak (Access denied)",
                "Konsol ini hanya untuk peran security-auditor. (This console is for the security-auditor role"
                        + " only; ask the security team if you need it.)",
                List.of());
        String operation = RoleDenials.operation(resource.getResourceClass(), resource.getResourceMethod());
        return roleDenials
                .record(caller.actor(), operation == null ? "GET /console" : operation, Map.of())
                .onFailure()
                .invoke(f -> Log.warnf(
                        "event=role-denial-unaudited subject=%s path=/console error=%s",
                        caller.subject(), f.getClass().getSimpleName()))
                .onFailure()
                .recoverWithNull()
                .replaceWith(page);
    }

    private Response errorPage(int status, String title, String detail, List<String> errors) {
        String user = null;
        try {
            user = caller.username();
        } catch (RuntimeException e) {
            // no signed-in user: the page says nothing about one
        }
        String html = Templates.error(new Page(title, user), status, title, detail, errors)
                .render();
        return Response.status(status).type(HTML).entity(html).build();
    }

    private Page page(String title) {
        return new Page(title, caller.username());
    }

    /** The events of an alert about an officer: that officer's events in the alert's window, as a search finds. */
    private Uni<List<EventRow>> eventsOf(AlertView view) {
        if (view.actor() == null || view.actor().subject() == null || view.windowStart() == null) {
            return Uni.createFrom().item(List.of());
        }
        FilterParams filter = windowFilter(view);
        return log.query(filter.toFilter(), 0, PAGE, caller)
                .map(found -> found.events().stream().map(EventRow::of).toList());
    }

    private static String eventsLink(AlertView view) {
        if (view.actor() == null || view.actor().subject() == null || view.windowStart() == null) {
            return null;
        }
        FilterParams filter = windowFilter(view);
        return Links.of("/console/events", Map.of("actor", filter.actor, "from", filter.from, "to", filter.to));
    }

    private static FilterParams windowFilter(AlertView view) {
        FilterParams filter = new FilterParams();
        filter.actor = view.actor().subject();
        filter.from = view.windowStart().toString();
        filter.to = view.windowEnd().toString();
        return filter;
    }

    private static String nextEventsLink(FilterParams filter, RecordPage found, int pageSize) {
        if (found.next() == null) {
            return null;
        }
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("workerId", filter.workerId);
        params.put("actor", filter.actor);
        params.put("agency", filter.agency);
        params.put("mission", filter.mission);
        params.put("action", filter.action);
        params.put("outcome", filter.outcome);
        params.put("purpose", filter.purpose);
        params.put("service", filter.service);
        params.put("from", filter.from);
        params.put("to", filter.to);
        params.put("limit", pageSize == PAGE ? null : pageSize);
        params.put("after", found.next());
        return Links.of("/console/events", params);
    }

    private <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return request;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        violations.stream()
                .sorted((a, b) -> a.getPropertyPath()
                        .toString()
                        .compareTo(b.getPropertyPath().toString()))
                .forEach(v -> errors.add(
                        new Problem.FieldError(v.getPropertyPath().toString(), "validation", v.getMessage())));
        throw ProblemException.badRequest(
                "validation", "Isian tidak sah (Invalid input)", "Periksa isian formulir (check the form).", errors);
    }

    private static Response seeOther(String path, String name, Object value) {
        return Response.seeOther(URI.create(Links.of(path, Map.of(name, value))))
                .build();
    }

    private static Status status(String value) {
        if (value == null || value.isBlank()) {
            return Status.OPEN;
        }
        try {
            return Status.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("invalid-parameter", "status", "must be OPEN or REVIEWED");
        }
    }

    private static ReviewOutcome finding(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField("validation", "outcome", "must be chosen");
        }
        try {
            return ReviewOutcome.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    "validation", "outcome", "must be JUSTIFIED, VIOLATION or FALSE_POSITIVE");
        }
    }

    private static AuditOutcome eventOutcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AuditOutcome.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("validation", "outcome", "must be SUCCESS, DENIED or FAILED");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(
                    "validation", name, "must be an ISO 8601 instant, e.g. 2026-12-01T00:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
