package id.sinergi.identity.rest;

import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.identity.linking.MatchEngine;
import id.sinergi.identity.linking.MatchRuns;
import id.sinergi.identity.rest.LinkingDtos.RunRequest;
import id.sinergi.identity.rest.LinkingDtos.RunView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The matcher's rules in force, and re-matching under them. */
@Path("/api/matching")
@Tag(name = "Matching")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MatchingResource {

    static final int DEFAULT_RUN_LIMIT = 200;
    static final int MAX_RUN_LIMIT = 1000;

    /** The rules in force: their version and every weight and threshold. */
    @Schema(name = "MatchingRules")
    public record RulesView(String version, Map<String, String> settings) {}

    @Inject
    MatchEngine engine;

    @Inject
    MatchRuns runs;

    @Inject
    Caller caller;

    @GET
    @Path("/rules")
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.PWNI_HQ, Roles.PLATFORM_ADMIN, Roles.SECURITY_AUDITOR})
    @Operation(
            summary = "Read the matching rules in force",
            description = "Weights and thresholds come from configuration (sinergi.matching.*); every decision in"
                    + " the link history names the version it was taken under.")
    @APIResponse(
            responseCode = "200",
            description = "The rules",
            content = @Content(schema = @Schema(implementation = RulesView.class)))
    public RulesView rules() {
        return new RulesView(
                engine.rulesVersion(), new TreeMap<>(engine.settings().asProperties()));
    }

    @POST
    @Path("/runs")
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.PWNI_HQ})
    @Operation(
            summary = "Re-match a page of workers under the rules in force",
            description = "Call again with the answer's next until it is absent. A record that founded its worker"
                    + " alone joins a worker it now matches; other matches become review questions. Manual links"
                    + " and pairs a reviewer rejected are left as decided.")
    @APIResponse(
            responseCode = "200",
            description = "What the page did, and where the next page starts",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "400", description = "limit out of range (invalid-limit)")
    public Uni<RunView> run(@NotNull @Valid RunRequest request) {
        int limit = request.limit() == null ? DEFAULT_RUN_LIMIT : request.limit();
        if (limit < 1 || limit > MAX_RUN_LIMIT) {
            throw ProblemException.invalidField("invalid-limit", "limit", "must be between 1 and " + MAX_RUN_LIMIT);
        }
        return runs.run(request.after(), limit, caller.actor()).map(page -> RunView.of(engine.rulesVersion(), page));
    }
}
