package id.sinergi.audit.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.audit.log.Backlog;
import id.sinergi.audit.log.LogVerifier;
import id.sinergi.audit.log.LogViews.ConsistencyProof;
import id.sinergi.audit.log.LogViews.CosignatureReceipt;
import id.sinergi.audit.log.LogViews.InclusionProof;
import id.sinergi.audit.log.LogViews.Verification;
import id.sinergi.audit.log.MerkleLog;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The log as a verifiable Merkle tree (RFC 9162): signed checkpoints in the C2SP format, proofs, witnesses'
 * cosignatures, the export for the offline verifier, and the verification of the whole log. Checkpoints, the key
 * and consistency proofs are public, as in Certificate Transparency: they hold hashes only, and anyone who keeps
 * a checkpoint must be able to check the next one.
 */
@Path("/api/audit-log")
@Tag(name = "Audit log proofs")
public class AuditLogResource {

    @Inject
    MerkleLog log;

    @Inject
    LogVerifier verifier;

    @Inject
    Backlog backlog;

    @Inject
    Caller caller;

    @GET
    @Path("/checkpoint")
    @PermitAll
    @SecurityRequirements
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(
            summary = "The latest signed checkpoint",
            description = "A C2SP tlog-checkpoint as a signed note: origin, tree size, root hash (base64) and a"
                    + " 'time' line, then the log's Ed25519 signature and the witnesses' cosignatures stored for"
                    + " it. No token needed.")
    @APIResponse(responseCode = "200", description = "The checkpoint note")
    @APIResponse(responseCode = "503", description = "log-not-sealed: no checkpoint yet")
    public Uni<String> checkpoint() {
        return log.checkpoint();
    }

    @GET
    @Path("/key")
    @PermitAll
    @SecurityRequirements
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(
            summary = "The log's public key",
            description = "A C2SP vkey (<origin>+<key id>+<base64 of 0x01 and the Ed25519 key>). Witnesses and the"
                    + " offline verifier are configured with it, ideally from a copy obtained out of band.")
    @APIResponse(responseCode = "200", description = "The vkey")
    public String key() {
        return log.vkey();
    }

    @GET
    @Path("/proofs/consistency")
    @PermitAll
    @SecurityRequirements
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Consistency proof between two tree sizes",
            description = "RFC 9162 section 2.1.4: shows that the tree of 'to' leaves extends the one of 'from'"
                    + " leaves. No token needed.")
    @APIResponse(
            responseCode = "200",
            description = "The proof",
            content = @Content(schema = @Schema(implementation = ConsistencyProof.class)))
    @APIResponse(responseCode = "400", description = "'from' or 'to' missing or outside 1..latest tree size")
    public Uni<ConsistencyProof> consistency(
            @QueryParam("from")
                    @Parameter(
                            description = "The older tree size, at least 1",
                            required = true,
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    String from,
            @QueryParam("to")
                    @Parameter(
                            description = "The newer tree size, at most the latest",
                            required = true,
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    String to) {
        return log.consistency(FilterParams.requiredTreeSize("from", from), FilterParams.requiredTreeSize("to", to));
    }

    @GET
    @Path("/proofs/inclusion")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Inclusion proof of a leaf",
            description = "RFC 9162 section 2.1.3: the audit path of leaf 'index' in the tree of 'size' leaves"
                    + " (the latest checkpoint's when omitted). Audited (action audit.proof.read).")
    @APIResponse(
            responseCode = "200",
            description = "The proof",
            content = @Content(schema = @Schema(implementation = InclusionProof.class)))
    @APIResponse(responseCode = "400", description = "'index' or 'size' outside the tree")
    public Uni<InclusionProof> inclusion(
            @QueryParam("index")
                    @Parameter(
                            description = "The leaf index, from 0",
                            required = true,
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
                    String index,
            @QueryParam("size")
                    @Parameter(
                            description = "The tree size; the latest when omitted",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    String size) {
        return log.inclusion(
                FilterParams.requiredLong("index", index), FilterParams.optionalTreeSize("size", size), caller);
    }

    @POST
    @Path("/cosignatures")
    @RolesAllowed(Roles.AUDIT_WITNESS)
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Store a witness's cosignature",
            description = "The body is the checkpoint note as fetched, with the witness's cosignature/v1 line"
                    + " (C2SP tlog-cosignature) added. The text must be exactly a checkpoint this log issued, and the"
                    + " line must verify under a key in sinergi.audit.log.witnesses. Audited (action"
                    + " audit.checkpoint.cosigned).")
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = CosignatureReceipt.class)))
    @APIResponse(responseCode = "200", description = "This cosignature was stored before")
    @APIResponse(responseCode = "400", description = "Not a signed checkpoint note, or no valid cosignature")
    @APIResponse(responseCode = "403", description = "unknown-witness: no line by a configured witness key")
    @APIResponse(responseCode = "409", description = "checkpoint-not-issued: the log issued no such checkpoint")
    public Uni<RestResponse<CosignatureReceipt>> cosign(String note) {
        return log.cosign(note, caller)
                .map(r -> r.alreadyStored() ? RestResponse.ok(r) : RestResponse.status(RestResponse.Status.CREATED, r));
    }

    @GET
    @Path("/export")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Produces("application/x-ndjson")
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Export the log for the offline verifier",
            description = "NDJSON: first a line of type 'checkpoint' with the signed note, then one line of type"
                    + " 'entry' per leaf in index order with index, leafHash, eventId and entry, the canonical JSON"
                    + " the leaf hash covers (null when the event row is gone). Check it with"
                    + " './sinergi audit-verify'. Audited (action audit.export).")
    @APIResponse(responseCode = "200", description = "The export")
    @APIResponse(responseCode = "400", description = "'size' is no checkpoint's tree size")
    public Multi<ObjectNode> export(
            @QueryParam("size")
                    @Parameter(
                            description = "A checkpoint's tree size; the latest when omitted",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    String size) {
        return log.export(FilterParams.optionalTreeSize("size", size), caller);
    }

    @GET
    @Path("/backlog")
    @RolesAllowed({Roles.SECURITY_AUDITOR, Roles.PLATFORM_ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Events accepted but not yet sealed, per source",
            description = "Per delivering service: how many accepted events wait for the sealer and how long the"
                    + " oldest has waited. The same figures are the gauges sinergi_audit_unsealed_events and"
                    + " sinergi_audit_seal_lag_seconds on /q/metrics.")
    @APIResponse(
            responseCode = "200",
            description = "The backlog",
            content = @Content(schema = @Schema(implementation = Backlog.View.class)))
    public Uni<Backlog.View> backlog() {
        return backlog.current();
    }

    @GET
    @Path("/verification")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Verify the whole log",
            description = "Re-hashes every stored event against its leaf, looks for missing leaves, rebuilds the"
                    + " tree and compares it with every checkpoint's root, checks the latest checkpoint's"
                    + " signature, and looks for event rows outside the tree. Lists at most 100 problems. Audited"
                    + " (action audit.verify).")
    @APIResponse(
            responseCode = "200",
            description = "INTACT, or BROKEN with the problems found",
            content = @Content(schema = @Schema(implementation = Verification.class)))
    public Uni<Verification> verify() {
        return verifier.verify(caller);
    }

    @GET
    @Path("/verification/latest")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The newest verification of the whole log",
            description = "What the newest verification found, by any replica: on the schedule"
                    + " (sinergi.audit.log.verify-interval) or asked for by an auditor. Runs nothing; 404 when no"
                    + " verification ran yet.")
    @APIResponse(
            responseCode = "200",
            description = "The newest verification",
            content = @Content(schema = @Schema(implementation = LastVerification.class)))
    @APIResponse(responseCode = "404", description = "No verification ran yet")
    public Uni<LastVerification> latestVerification() {
        return verifier.lastRun()
                .map(last -> last.map(r -> new LastVerification(r.at(), r.by() == null, r.by(), r.result()))
                        .orElseThrow(() -> ProblemException.notFound("A verification of the log")));
    }

    /**
     * The newest verification.
     *
     * @param finishedAt when it finished
     * @param scheduled whether the schedule ran it
     * @param requestedBy the user name of the auditor who asked for it, if one did
     * @param result what it found
     */
    @Schema(name = "LastVerification")
    public record LastVerification(Instant finishedAt, boolean scheduled, String requestedBy, Verification result) {}
}
