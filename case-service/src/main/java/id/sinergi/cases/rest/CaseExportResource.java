package id.sinergi.cases.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.cases.domain.CaseStatus;
import id.sinergi.cases.domain.Party;
import id.sinergi.cases.redaction.CaseCsv;
import id.sinergi.cases.redaction.ExportFormat;
import id.sinergi.cases.service.CaseExports;
import id.sinergi.cases.service.CaseExports.Exported;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.rest.PathTemplates;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cases exported for a party outside the officer's own side: an employer, a placement agency (P3MI), the insurer
 * (BPJS Ketenagakerjaan) or one of the two ministries. The officer reads what the party will receive; the party's
 * redaction rule for the case's category decides which fields it holds.
 */
@Path("/api/cases")
@Tag(name = "Protection cases")
public class CaseExportResource {

    /** The parties, as annotations can name them; a test checks them against {@link Party}. */
    static final String PARTIES = "EMPLOYER, PLACEMENT_AGENCY, INSURER, KEMLU or KEMENP2MI";

    private static final String REDACTION = " A party outside the two ministries receives only the fields its"
            + " redaction rule shares for the case's category (reference/redaction_rules.csv); the others are absent"
            + " and named in member withheld, which depends on the party and the category only, never on which"
            + " fields have a value. KEMLU and KEMENP2MI receive the whole case. Each exported case is audited as"
            + " case.export naming the party and the fields shared.";

    @Inject
    CaseExports exports;

    @Inject
    Caller caller;

    @GET
    @Path("/" + PathTemplates.UUID_ID + "/export")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(
            summary = "Export one case for a party",
            description = "The case as it goes to the party, for an officer who may read the case." + REDACTION)
    @APIResponse(
            responseCode = "200",
            description = "The case's fields shared with the party, after members party (code, termId, glossEn)"
                    + " and withheld (the names of the fields left out)",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "invalid-parameter: party is missing or not one of " + PARTIES)
    @APIResponse(responseCode = "404", description = "No such case, or not one the caller may see")
    public Uni<ObjectNode> exportOne(
            @PathParam("id") UUID id,
            @QueryParam("party") @Parameter(description = "One of " + PARTIES, required = true) String party) {
        Party to = party(party);
        return exports.one(id, to, caller).map(Exported::body);
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", "application/x-ndjson"})
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(
            summary = "Export the caller's cases for a party, as CSV or NDJSON",
            description = "The cases the caller may read that match the filters (a consular officer's are their own"
                    + " mission's; another mission gives none, and the attempt is audited), newest first."
                    + REDACTION + " CSV: a header line, then a line per case, every cell quoted; columns party,"
                    + " withheld (space-separated field names), then the columns of every field some rule shares with"
                    + " the party (a nested member as field.member); a withheld field's cells read [withheld]; a cell"
                    + " starting with = + - @, a tab or a carriage return gets a leading apostrophe so that a"
                    + " spreadsheet shows it as text. NDJSON: one object per line, as the single export gives it."
                    + " Header Sinergi-More-Cases: true when more cases matched than limit let in.")
    @APIResponse(
            responseCode = "200",
            description = "The exported cases",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "400",
            description = "invalid-parameter: party, format, status or workerId missing or unreadable;"
                    + " unknown-mission, unknown-category; validation: limit is not 1 to " + CaseExports.MAX_CASES)
    public Uni<Response> exportList(
            @QueryParam("party") @Parameter(description = "One of " + PARTIES, required = true) String party,
            @QueryParam("format") @Parameter(description = "csv or ndjson", required = true) String format,
            @QueryParam("missionId") @Parameter(example = "KBRI-KUALALUMPUR") String missionId,
            @QueryParam("status") @Parameter(description = "One of CaseStatus") String status,
            @QueryParam("categoryCode") @Parameter(example = "GAJI_TIDAK_DIBAYAR") String categoryCode,
            @QueryParam("workerId") @Parameter(description = "identity-service's worker id") String workerId,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(CaseExports.MAX_CASES) int limit) {
        Party to = party(party);
        ExportFormat as = ExportFormat.ofList(format)
                .orElseThrow(
                        () -> ProblemException.invalidField("invalid-parameter", "format", "must be csv or ndjson"));
        CaseExports.Filter filter = new CaseExports.Filter(
                blankToNull(missionId),
                QueryValues.constant(CaseStatus.class, "status", status),
                blankToNull(categoryCode),
                QueryValues.uuid("workerId", workerId),
                limit);
        return exports.list(filter, to, as, caller).map(listed -> {
            String body = as == ExportFormat.CSV ? csv(to, listed.cases()) : ndjson(listed.cases());
            Response.ResponseBuilder answer = Response.ok(body, as.mediaType())
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"cases-" + to.name().toLowerCase(Locale.ROOT) + "." + as.parameter()
                                    + "\"");
            if (listed.more()) {
                answer.header("Sinergi-More-Cases", "true");
            }
            return answer.build();
        });
    }

    private String csv(Party party, List<Exported> cases) {
        List<String> columns = exports.columns(party);
        StringBuilder csv = new StringBuilder(CaseCsv.header(columns));
        for (Exported e : cases) {
            csv.append(CaseCsv.row(e.redaction(), e.body(), columns));
        }
        return csv.toString();
    }

    private static String ndjson(List<Exported> cases) {
        StringBuilder lines = new StringBuilder();
        for (Exported e : cases) {
            // Jackson's compact form has no line break: string values escape theirs.
            lines.append(e.body().toString()).append('\n');
        }
        return lines.toString();
    }

    private static Party party(String value) {
        Party party = QueryValues.constant(Party.class, "party", value);
        if (party == null) {
            throw ProblemException.invalidField("invalid-parameter", "party", "is required: one of " + PARTIES);
        }
        return party;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
