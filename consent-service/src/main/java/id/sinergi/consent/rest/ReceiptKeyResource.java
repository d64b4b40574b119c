package id.sinergi.consent.rest;

import id.sinergi.consent.receipt.ReceiptKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public keys consent receipts verify with. Open without a token: a receipt is worth something only if the
 * worker, a court or the supervisory agency can check it without an account here.
 */
@Path("/api/consent-receipts")
@Tag(name = "Consent receipts")
public class ReceiptKeyResource {

    /** The media type of a JWK Set (RFC 7517 section 8.5.1). */
    static final String JWK_SET = "application/jwk-set+json";

    @Inject
    ReceiptKeys keys;

    @GET
    @Path("/keys")
    @PermitAll
    @Produces({JWK_SET, MediaType.APPLICATION_JSON})
    @Operation(summary = "The JWK Set (OKP, Ed25519) receipts are signed with: the current key, then the previous one")
    @APIResponse(responseCode = "200", description = "The key set; each kid is the key's RFC 7638 thumbprint")
    public Response keySet() {
        return Response.ok(keys.keySet())
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
