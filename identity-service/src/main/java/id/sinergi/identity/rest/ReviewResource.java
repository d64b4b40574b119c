package id.sinergi.identity.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.common.rest.PathTemplates;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.identity.linking.ReviewService;
import id.sinergi.identity.rest.LinkingDtos.DecidedView;
import id.sinergi.identity.rest.LinkingDtos.DecisionRequest;
import id.sinergi.identity.rest.LinkingDtos.QuestionView;
import id.sinergi.identity.rest.LinkingDtos.QueueView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The review queue of possible matches, for the data stewards of both ministries. */
@Path("/api/reviews")
@Tag(name = "Match review")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.P2MI_OFFICER, Roles.PWNI_HQ})
public class ReviewResource {

    @Inject
    ReviewService reviews;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(
            summary = "List open review questions, oldest first",
            description = "Each question shows the source record and the candidate worker with their records side"
                    + " by side, and the matcher's score per field.")
    @APIResponse(
            responseCode = "200",
            description = "A page of open questions and the number open in all",
            content = @Content(schema = @Schema(implementation = QueueView.class)))
    @APIResponse(responseCode = "400", description = "page or size out of range (validation)")
    public Uni<QueueView> queue(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(LinkingDtos.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return reviews.queue(page, size, caller.actor())
                .map(queue -> new QueueView(
                        queue.open(),
                        page,
                        size,
                        queue.questions().stream()
                                .map(q -> QuestionView.of(q, json))
                                .toList()));
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/decision")
    @Operation(
            summary = "Decide a review question: link or not-link",
            description = "LINK moves the record to the worker and closes the record's other open questions (a"
                    + " record belongs to one worker); a worker left without records is merged into this one."
                    + " NOT_LINK keeps them apart for good: no automatic run links or proposes the pair again.")
    @APIResponse(
            responseCode = "200",
            description = "The decided question",
            content = @Content(schema = @Schema(implementation = DecidedView.class)))
    @APIResponse(responseCode = "400", description = "Verdict or reason missing (validation)")
    @APIResponse(responseCode = "404", description = "No such question")
    @APIResponse(
            responseCode = "409",
            description = "The question was decided already (question-decided), or its worker was merged"
                    + " (worker-merged)")
    public Uni<DecidedView> decide(@PathParam("id") UUID id, @NotNull @Valid DecisionRequest request) {
        return reviews.decide(id, request.verdict(), request.reason(), caller.actor())
                .map(DecidedView::of);
    }
}
