package id.sinergi.consent.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sinergi.common.rest.PathTemplates;
import id.sinergi.common.security.Agency;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.consent.domain.GrantStatus;
import id.sinergi.consent.domain.StopNotice;
import id.sinergi.consent.service.ConsentClock;
import id.sinergi.consent.service.StopNotices;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stop notices (pemberitahuan penghentian pemrosesan) to the holders of a revoked or paused grant's data. */
@Path("/api/stop-notices")
@Tag(name = "Stop notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StopNoticeResource {

    @Inject
    StopNotices notices;

    @Inject
    Caller caller;

    @Inject
    ConsentClock clock;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "StopNotice")
    public record NoticeView(
            UUID id,
            UUID grantId,
            UUID workerId,
            Agency agency,
            String clientId,
            String subject,
            String username,
            @Schema(description = "REVOKED or PAUSED: the change that stops processing") GrantStatus cause,
            Instant issuedAt,
            Instant dueAt,
            boolean overdue,
            Instant confirmedAt,
            String confirmedBy,
            String confirmationNote,
            @Schema(description = "When a pause's notice ended: the grant was resumed or revoked") Instant endedAt,
            @Schema(description = "ACTIVE (resumed) or REVOKED (the revocation's notice replaces it)")
                    GrantStatus endedBy) {

        static NoticeView of(StopNotice n, Instant now) {
            return new NoticeView(
                    n.id,
                    n.grantId,
                    n.workerId,
                    n.agency,
                    n.clientId,
                    n.subject,
                    n.username,
                    n.cause,
                    n.issuedAt,
                    n.dueAt,
                    n.overdueAt(now),
                    n.confirmedAt,
                    n.confirmedBy,
                    n.confirmationNote,
                    n.endedAt,
                    n.endedBy);
        }
    }

    @Schema(name = "StopConfirmation")
    public record Confirmation(@NotBlank @Size(min = 3, max = 500) String note) {}

    @GET
    @RolesAllowed({Roles.PWNI_HQ, Roles.SECURITY_AUDITOR})
    @Operation(summary = "Stop notices awaiting confirmation, soonest due first; overdue=true for those past due")
    @APIResponse(responseCode = "200", description = "The notices")
    @APIResponse(responseCode = "400", description = "overdue is neither true nor false (invalid-parameter)")
    public Uni<List<NoticeView>> list(@QueryParam("overdue") String overdue) {
        Boolean flag = QueryFlags.parse("overdue", overdue);
        return notices.open(flag, caller).map(list -> {
            Instant now = clock.now();
            return list.stream().map(n -> NoticeView.of(n, now)).toList();
        });
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/confirmation")
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.SINERGI_SERVICE})
    @Operation(summary = "The holder confirms that it stopped processing the data")
    @APIResponse(responseCode = "200", description = "Confirmed")
    @APIResponse(responseCode = "403", description = "Role not allowed, or not the holder the notice names")
    @APIResponse(responseCode = "404", description = "No such notice")
    @APIResponse(responseCode = "409", description = "Already confirmed, or a pause's notice that ended (notice-ended)")
    public Uni<NoticeView> confirm(@PathParam("id") UUID id, @NotNull @Valid Confirmation confirmation) {
        return notices.confirm(id, confirmation.note().strip(), caller).map(n -> NoticeView.of(n, clock.now()));
    }
}
