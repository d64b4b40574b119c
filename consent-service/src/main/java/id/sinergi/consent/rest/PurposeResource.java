package id.sinergi.consent.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.LawfulBasis;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.security.Agency;
import id.sinergi.consent.vocabulary.PurposeRule;
import id.sinergi.consent.vocabulary.PurposeVocabulary;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The published purpose vocabulary. Open without a token: a worker must be able to read what each purpose means
 * and on which lawful basis it rests before consenting, and it holds no personal data.
 */
@Path("/api/purposes")
@Tag(name = "Purposes")
@Produces(MediaType.APPLICATION_JSON)
public class PurposeResource {

    /** One purpose and the lawful basis it rests on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Purpose")
    public record PurposeView(
            Purpose code,
            String term,
            String gloss,
            LawfulBasis basis,
            String basisTerm,
            String basisGloss,
            String legalReference,
            @Schema(description = "Whether some category of this purpose needs the worker's consent")
                    boolean consentRequired,
            @Schema(description = "Categories the purpose's own basis covers, without consent")
                    Set<DataCategory> basisCategories,
            @Schema(description = "Categories usable only on the worker's consent") Set<DataCategory> consentCategories,
            @Schema(description = "Whether a vital-interest authorisation of a critical case may stand in for consent")
                    boolean vitalInterest,
            Set<Agency> agencies) {

        static PurposeView of(PurposeRule r) {
            return new PurposeView(
                    r.purpose(),
                    r.purpose().term(),
                    r.purpose().gloss(),
                    r.basis(),
                    r.basis().term(),
                    r.basis().gloss(),
                    r.legalReference(),
                    r.consentRequired(),
                    new TreeSet<>(r.basisCategories()),
                    new TreeSet<>(r.consentCategories()),
                    r.vitalInterest(),
                    new TreeSet<>(r.agencies()));
        }
    }

    @GET
    @PermitAll
    @Operation(summary = "The purposes, each with its lawful basis (UU 27/2022 Pasal 20 ayat (2))")
    public List<PurposeView> vocabulary() {
        return PurposeVocabulary.all().stream().map(PurposeView::of).toList();
    }
}
