package id.sinergi.cases.rest;

import id.sinergi.cases.domain.Deadline;
import id.sinergi.cases.domain.DeadlineStatus;
import id.sinergi.cases.reference.ReferenceData;
import id.sinergi.cases.rest.DeadlineDtos.BreachPage;
import id.sinergi.cases.rest.DeadlineDtos.BreachView;
import id.sinergi.cases.service.CaseBreaches;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The breached deadlines of open cases, most overdue first. */
@Path("/api/cases/breaches")
@Tag(name = "Protection cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseBreachResource {

    /** The deadline statuses that are breaches, and so may be asked for. */
    private static final Set<DeadlineStatus> BREACHES = EnumSet.of(DeadlineStatus.RED, DeadlineStatus.MET_LATE);

    @Inject
    CaseBreaches breaches;

    @Inject
    ReferenceData reference;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(
            summary = "List breached deadlines of open cases, most overdue first",
            description = "One entry per open case and deadline (first response, resolution) that is overdue (RED)"
                    + " or, when asked with status=MET_LATE, was met after its due time; with how late, the case's"
                    + " escalation level and who stands there. Scoped as the case list: a consular officer sees"
                    + " their own mission's cases (asking for another mission gives an empty page), a KemenP2MI"
                    + " officer those KemenP2MI leads or takes part in, PWNI headquarters all. Each case listed is"
                    + " audited as case.list.")
    @APIResponse(
            responseCode = "200",
            description = "A page of breaches",
            content = @Content(schema = @Schema(implementation = BreachPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "invalid-parameter: status is not RED or MET_LATE, or deadline cannot be read;"
                    + " unknown-mission: missionId is not a mission of the reference data; validation: limit is not"
                    + " 1 to 200 or offset not 0 to 10000; errors[].field names the parameter")
    public Uni<BreachPage> list(
            @QueryParam("status")
                    @Parameter(description = "RED (overdue, the default) and/or MET_LATE; repeat for both")
                    List<String> status,
            @QueryParam("deadline") @Parameter(description = "FIRST_RESPONSE or RESOLUTION; both when omitted")
                    String deadline,
            @QueryParam("missionId") @Parameter(example = "KBRI-KUALALUMPUR") String missionId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(10000) int offset) {
        CaseBreaches.Filter filter = new CaseBreaches.Filter(
                statuses(status),
                QueryValues.constant(Deadline.class, "deadline", deadline),
                missionId == null || missionId.isBlank() ? null : missionId,
                limit,
                offset);
        return breaches.list(filter, caller)
                .map(page -> new BreachPage(
                        page.asOf(),
                        offset,
                        limit,
                        page.more(),
                        page.breaches().stream()
                                .map(b -> BreachView.of(b, reference))
                                .toList()));
    }

    /** The statuses asked for: RED when none. */
    private static Set<DeadlineStatus> statuses(List<String> values) {
        Set<DeadlineStatus> statuses = EnumSet.noneOf(DeadlineStatus.class);
        for (String value : values == null ? List.<String>of() : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            DeadlineStatus s = BREACHES.stream()
                    .filter(b -> b.name().equals(value))
                    .findFirst()
                    .orElseThrow(() ->
                            ProblemException.invalidField("invalid-parameter", "status", "must be RED or MET_LATE"));
            statuses.add(s);
        }
        return statuses.isEmpty() ? EnumSet.of(DeadlineStatus.RED) : statuses;
    }
}
