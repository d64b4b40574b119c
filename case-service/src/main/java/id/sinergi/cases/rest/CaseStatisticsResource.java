package id.sinergi.cases.rest;

import id.sinergi.cases.reference.ReferenceData;
import id.sinergi.cases.rest.DeadlineDtos.StatisticsView;
import id.sinergi.cases.service.CaseStatistics;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Counts of open cases for dashboards. */
@Path("/api/case-statistics")
@Tag(name = "Protection cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseStatisticsResource {

    @Inject
    CaseStatistics statistics;

    @Inject
    ReferenceData reference;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(
            summary = "Count the open cases the caller sees",
            description = "By category, host country, mission, phase, priority and age since the report, each with"
                    + " how many have a deadline overdue, and the breaches of both deadlines. Counts only, no worker"
                    + " named; scoped as the case list (a consular officer counts their own mission's cases, a"
                    + " KemenP2MI officer those KemenP2MI leads or takes part in, PWNI headquarters all). The read is"
                    + " audited once, as case.statistics. Outcomes per month count every case in scope, open or"
                    + " closed.")
    @APIResponse(
            responseCode = "200",
            description = "The counts",
            content = @Content(schema = @Schema(implementation = StatisticsView.class)))
    public Uni<StatisticsView> statistics() {
        return statistics.count(caller).map(counts -> StatisticsView.of(counts, reference));
    }
}
