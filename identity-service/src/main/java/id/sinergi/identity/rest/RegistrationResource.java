package id.sinergi.identity.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.identity.intake.BulkIntake;
import id.sinergi.identity.intake.BulkRows;
import id.sinergi.identity.intake.BulkRows.Row;
import id.sinergi.identity.rest.WorkerDtos.RegistrationRequest;
import id.sinergi.identity.rest.WorkerDtos.RegistrationView;
import id.sinergi.identity.service.Registrant;
import id.sinergi.identity.service.RegistrationOutcome;
import id.sinergi.identity.service.RegistrationService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Iterator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Source systems (and officers on their behalf) register their records of workers. */
@Path("/api/workers/registrations")
@Tag(name = "Worker registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";
    private static final MediaType CSV_TYPE = MediaType.valueOf(CSV);

    @Inject
    RegistrationService registrations;

    @Inject
    Caller caller;

    @Inject
    UriInfo uriInfo;

    @Inject
    BulkIntake intake;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @POST
    @RolesAllowed({Roles.SOURCE_CONNECTOR, Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ})
    @Operation(
            summary = "Register a source record of a worker",
            description = "Matches the record against the index: MATCH links it to the worker it is, POSSIBLE_MATCH"
                    + " founds a worker with it and puts the candidates in the review queue, NO_MATCH founds a"
                    + " worker. A record without a NIK founds a provisional worker. A resend with identical content"
                    + " changes nothing. A NIK that disagrees with the declared birth date or sex is kept and"
                    + " flagged. The worker's attributes come from the highest-ranked source (SISKOP2MI above"
                    + " PEDULI_WNI), from its latest record; a lower-ranked record that disagrees on name, birth"
                    + " date or sex is kept and flagged SOURCE_DISAGREEMENT.")
    @APIResponse(
            responseCode = "201",
            description = "CREATED: a new worker",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(
            responseCode = "200",
            description = "LINKED to a known worker, UNCHANGED resend, or UPDATED record",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid record: missing-identifier, invalid-nik-format, unknown-district,"
                    + " invalid-nik-date, invalid-nik-serial, future-birth-date, unknown-country,"
                    + " invalid-placement-dates, a passport problem (see PassportDetails), validation,"
                    + " malformed-json, invalid-json-value")
    @APIResponse(
            responseCode = "403",
            description = "Role not allowed (forbidden), or a source of another agency (source-not-yours)")
    @APIResponse(
            responseCode = "409",
            description = "The source record is registered with another NIK (source-record-conflict)")
    public Uni<Response> register(@NotNull @Valid RegistrationRequest request) {
        return registrations.register(request, caller).map(r -> {
            RegistrationView view = RegistrationView.of(r);
            if (r.outcome() != RegistrationOutcome.CREATED) {
                return Response.ok(view).build();
            }
            return Response.created(uriInfo.getBaseUriBuilder()
                            .path("api/workers")
                            .path(r.workerId().toString())
                            .build())
                    .entity(view)
                    .build();
        });
    }

    @POST
    @Path("/bulk")
    @Blocking
    @Consumes({NDJSON, CSV})
    @Produces(NDJSON)
    @RolesAllowed({Roles.SOURCE_CONNECTOR, Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ})
    @Operation(
            summary = "Register a source export, streamed",
            description = "NDJSON (one registration per line, as the single registration's body) or CSV (a header"
                    + " row, then one registration per row with one cell per header column; empty cells are absent"
                    + " values). The header names these columns only, each at most once, in any order: source and"
                    + " sourceRecordId (both required), nik, passportNumber, passportIssuingState, passportExpiryDate,"
                    + " fullName, birthDate, birthPlace, sex, destinationCountry, phase, reportedBy, employerName,"
                    + " placementAgency, occupation, departureDate, contractEndDate. A source system's own export"
                    + " (SiskoP2MI's id_pmi, nama_lengkap, ...) must be mapped to these columns first. The media type"
                    + " is compared without regard to case. Rows are committed in batches (25 rows to a transaction by"
                    + " default); a batch that fails for a reason other than a row's own checks is rolled back and"
                    + " its rows registered again one by one, each in a transaction of its own, so each row is stored"
                    + " whole or not at all. The answer streams one NDJSON line per row, in row order, with status"
                    + " STORED (and what the registration did) or REJECTED (with the problem: the single"
                    + " registration's 400 problems, row-too-long, or for CSV wrong-cell-count), then a summary line."
                    + " A row that cannot be read costs no other row its place, except a CSV quote left open: its"
                    + " row is REJECTED with malformed-csv (member stoppedAtRow) and the rest of the file is not"
                    + " read. An empty file gives the summary only. Re-sending the same file changes nothing: every"
                    + " row comes back UNCHANGED. Up to 64 MiB per request; split larger exports.")
    @APIResponse(
            responseCode = "200",
            description = "One result line per row, then {\"summary\": …}",
            content = @Content(mediaType = NDJSON))
    @APIResponse(
            responseCode = "400",
            description = "A CSV header with an unknown column (unknown-column), a column named twice"
                    + " (duplicate-column), without source or sourceRecordId (missing-column), or that cannot be read"
                    + " (malformed-csv)")
    @APIResponse(responseCode = "415", description = "Neither NDJSON nor CSV")
    public Response bulk(InputStream body, @Context HttpHeaders headers) {
        Registrant registrant = Registrant.of(caller);
        Iterator<Row> rows = isCsv(headers.getMediaType())
                ? BulkRows.csv(body, json, validator)
                : BulkRows.ndjson(body, json, validator);
        StreamingOutput results = out -> intake.run(rows, registrant, out);
        return Response.ok(results, NDJSON).build();
    }

    /** Whether the body is CSV: type and subtype compared without regard to case, parameters ignored. */
    static boolean isCsv(MediaType type) {
        return type != null && !type.isWildcardType() && !type.isWildcardSubtype() && CSV_TYPE.isCompatible(type);
    }
}
