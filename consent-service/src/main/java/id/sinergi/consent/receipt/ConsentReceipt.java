package id.sinergi.consent.receipt;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.LawfulBasis;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.security.Agency;
import id.sinergi.consent.domain.CaptureChannel;
import id.sinergi.consent.domain.CapturePlace;
import id.sinergi.consent.domain.GiverRelationship;
import id.sinergi.consent.domain.GrantGiver;
import id.sinergi.consent.domain.GrantStatus;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The signed payload of a consent receipt: what the worker agreed to, with whom, on which basis, for how long,
 * how it was captured, where it stands now and how to withdraw it. The fields follow the consent record of
 * ISO/IEC TS 27560 (itself from the Kantara Consent Receipt): record and schema, the PII principal, controllers,
 * purposes with their lawful basis, PII categories, validity, retention, the collection event and the state.
 *
 * @param version the receipt schema, {@value #VERSION}; a reader refuses a version it does not know
 * @param receiptId a new id at every issue: two receipts of one grant state differ in id and issue time
 * @param language the BCP-47 tag of the language the consent was explained and given in
 * @param grantId the grant the receipt is of
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsentReceipt(
        String version,
        String conformsTo,
        UUID receiptId,
        Instant issuedAt,
        String issuer,
        String jurisdiction,
        URI policyUrl,
        String language,
        UUID grantId,
        PiiPrincipal piiPrincipal,
        ConsentGiver consentGiver,
        List<Controller> piiControllers,
        List<ReceiptPurpose> purposes,
        List<PiiCategory> piiCategories,
        boolean specificData,
        Validity validity,
        String retention,
        Collection collection,
        State state,
        Withdrawal withdrawal) {

    /** The schema of the receipt this service writes. */
    public static final String VERSION = "sinergi-consent-receipt/1";

    /** The standard whose shape the receipt takes. */
    public static final String CONFORMS_TO = "ISO/IEC TS 27560:2023 consent record (Kantara Consent Receipt lineage)";

    /** The worker the data are about, by Sinergi worker id (never NIK or passport). */
    public record PiiPrincipal(String idSystem, UUID id) {}

    /**
     * Who gave the consent: the worker ({@code SELF}), or a guardian or representative acting for the worker,
     * named with their relationship.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentGiver(GrantGiver role, String name, GiverRelationship relationship, UUID actingFor) {}

    /** A controller that receives the data under the grant. */
    public record Controller(Agency code, String name, String role) {}

    /**
     * One purpose, coded in the published vocabulary, with the lawful basis of each granted category: consent for
     * those consent was asked for, the purpose's own basis for those it already covers.
     */
    public record ReceiptPurpose(
            String system, Purpose code, String term, String gloss, String consentType, List<Basis> lawfulBases) {}

    /** A lawful basis (UU 27/2022 Pasal 20 ayat (2)) and the granted categories it covers for the purpose. */
    public record Basis(LawfulBasis basis, String term, String reference, List<DataCategory> categories) {}

    /** A data category of the grant; {@code specific} for specific personal data such as health. */
    public record PiiCategory(DataCategory code, String term, boolean specific) {}

    /** The validity window, {@code [from, until)}: the grant no longer holds at the instant {@code until}. */
    public record Validity(Instant from, Instant until) {}

    /** How the consent was captured; the officer by user name, the place by mission or service point code. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Collection(
            CaptureChannel channel,
            Instant at,
            CapturePlace place,
            String placeCode,
            String officer,
            String language,
            String interpreter,
            String witness) {}

    /** Where the grant stands at the receipt's issue: its status as it reads then, and its latest version. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record State(
            GrantStatus status, int revision, Instant changedAt, Instant revokedAt, String revocationReason) {}

    /** Where and how the grant can be withdrawn. */
    public record Withdrawal(String method, URI url, String how) {}
}
