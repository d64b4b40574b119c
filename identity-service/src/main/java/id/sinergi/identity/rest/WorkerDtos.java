package id.sinergi.identity.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.LawfulBasis;
import id.sinergi.common.consent.Purpose;
import id.sinergi.identity.domain.Assurance;
import id.sinergi.identity.domain.LinkKind;
import id.sinergi.identity.domain.Phase;
import id.sinergi.identity.domain.Relationship;
import id.sinergi.identity.domain.Source;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.domain.WorkerFlag;
import id.sinergi.identity.linking.WorkerAssembly;
import id.sinergi.identity.linking.WorkerAssembly.Provenance;
import id.sinergi.identity.matching.MatchClass;
import id.sinergi.identity.matching.Sex;
import id.sinergi.identity.service.DisclosedWorker;
import id.sinergi.identity.service.PlacementDisclosure;
import id.sinergi.identity.service.Registration;
import id.sinergi.identity.service.RegistrationOutcome;
import id.sinergi.identity.service.Release;
import id.sinergi.identity.service.Release.Verdict;
import id.sinergi.identity.service.WorkerDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the worker API. */
public final class WorkerDtos {

    /** Shape of a passport number in ICAO 9303: up to 9 capital letters and digits (PassportCheck says more). */
    static final String PASSPORT_PATTERN = "[A-Z0-9]{1,9}";

    private WorkerDtos() {}

    /**
     * A source system's record of a worker. A NIK is optional (re-entry and undocumented workers often have none):
     * a record without one founds a provisional worker, known by passport, or reported by family with a name and
     * birth date. The NIK's rules (16 digits, known district, real date, serial) and the passport's (MRZ check
     * digits, agreement with the typed fields) are checked by the service, each with a problem type of its own.
     */
    @Schema(name = "WorkerRegistrationRequest")
    public record RegistrationRequest(
            @NotNull Source source,
            @NotBlank @Size(min = 1, max = 64) @Schema(description = "The record's id in the source system")
                    String sourceRecordId,
            @Schema(
                            description = "NIK: exactly 16 digits; absent when the source has none",
                            example = "3171011708450001")
                    String nik,
            @Valid PassportDetails passport,
            @NotBlank @Size(min = 1, max = 150) String fullName,
            @NotNull LocalDate birthDate,
            @Size(max = 100) @Schema(description = "Tempat lahir: the city or regency of birth") String birthPlace,
            @NotNull Sex sex,
            @NotNull @Schema(description = "ISO 3166-1 alpha-2", example = "MY") String destinationCountry,
            @NotNull Phase phase,
            @Schema(description = "Who reported the worker when it was not the worker or an officer (hubungan pelapor)")
                    Relationship reportedBy,
            @Valid PlacementDetails placement) {}

    /** A passport as typed by the source, optionally with the two lines of its machine-readable zone (TD3). */
    @Schema(name = "PassportDetails")
    public record PassportDetails(
            @NotNull @Schema(description = "1 to 9 capital letters and digits", example = "C1234567") String number,
            @NotNull @Schema(description = "ICAO 9303 code of the issuing state", example = "IDN") String issuingState,
            @Schema(description = "Tanggal habis berlaku: the expiry date") LocalDate expiryDate,
            @Size(min = 2, max = 2) @Schema(description = "The two 44-character lines of the MRZ, as printed")
                    List<@NotNull @Size(max = 60) String> mrz) {}

    /** The placement as SiskoP2MI records it: employer, placement agency (P3MI), job and contract dates. */
    @Schema(name = "PlacementDetails")
    public record PlacementDetails(
            @Size(max = 200) String employerName,
            @Size(max = 200) String placementAgency,
            @Size(max = 100) String occupation,
            LocalDate departureDate,
            LocalDate contractEndDate) {

        static PlacementDetails of(SourceRecord r) {
            return new PlacementDetails(
                    r.employerName, r.placementAgency, r.occupation, r.departureDate, r.contractEndDate);
        }
    }

    /**
     * What a registration did: the worker the record belongs to, what the matcher said, and whether the record
     * waits in the review queue. Other workers' ids and scores stay inside the queue, for reviewers only.
     */
    @Schema(name = "WorkerRegistration")
    public record RegistrationView(
            UUID workerId,
            RegistrationOutcome outcome,
            @Schema(description = "MATCH, POSSIBLE_MATCH or NO_MATCH; absent for a resend or an update")
                    MatchClass match,
            boolean inReview,
            Assurance assurance,
            Set<WorkerFlag> flags) {

        static RegistrationView of(Registration r) {
            return new RegistrationView(r.workerId(), r.outcome(), r.match(), r.inReview(), r.assurance(), r.flags());
        }
    }

    /** One source record linked to the worker, and how it came to be. */
    @Schema(name = "WorkerSource")
    public record SourceView(
            UUID id, Source source, String sourceRecordId, LinkKind linkKind, Instant receivedAt, Instant updatedAt) {

        static SourceView of(SourceRecord r) {
            return new SourceView(r.id, r.source, r.sourceRecordId, r.linkKind, r.receivedAt, r.updatedAt);
        }
    }

    /**
     * A worker's combined view, rebuilt from the records linked to them, with the provenance of each field: which
     * source record gave it, and when. A read shows only what its release lets the caller see: fields of a withheld
     * category are null, and {@code disclosure} says what was released on which basis and what was withheld and why.
     */
    @Schema(name = "Worker")
    public record WorkerView(
            UUID id,
            @Schema(description = "Absent while the worker is provisional, or when the caller may not see it")
                    String nik,
            Assurance assurance,
            String fullName,
            LocalDate birthDate,
            String birthPlace,
            Sex sex,
            String destinationCountry,
            Phase phase,
            List<String> passportNumbers,
            @Schema(description = "The worker's flags; only the records' own flags when some identity is withheld")
                    Set<WorkerFlag> flags,
            @Schema(description = "The placement of the latest SiskoP2MI record, when the caller may see it")
                    PlacementDetails placement,
            List<SourceView> sources,
            Map<String, Provenance> provenance,
            Instant createdAt,
            @Schema(description = "What this read released and withheld; absent on a data steward's view")
                    DisclosureView disclosure) {

        /** The whole worker, as a data steward's step shows it (stewardship covers every record). */
        static WorkerView of(WorkerDetails details) {
            Worker w = details.worker();
            List<SourceRecord> records = details.records();
            return new WorkerView(
                    w.id,
                    w.nik,
                    w.assurance,
                    w.fullName,
                    w.birthDate,
                    w.birthPlace,
                    w.sex,
                    w.destinationCountry,
                    w.phase,
                    records.stream()
                            .map(r -> r.passportNumber)
                            .filter(Objects::nonNull)
                            .distinct()
                            .toList(),
                    w.flags,
                    null,
                    records.stream().map(SourceView::of).toList(),
                    WorkerAssembly.provenance(records),
                    w.createdAt,
                    null);
        }

        /** The worker as a read's release lets the caller see them. */
        static WorkerView of(DisclosedWorker d) {
            Worker w = d.worker();
            return new WorkerView(
                    w.id,
                    d.nik(),
                    w.assurance,
                    d.fullName(),
                    d.birthDate(),
                    d.birthPlace(),
                    d.sex(),
                    d.destinationCountry(),
                    d.phase(),
                    d.passportNumbers(),
                    d.flags(),
                    d.placement() == null ? null : PlacementDetails.of(d.placement()),
                    d.records().stream().map(SourceView::of).toList(),
                    WorkerAssembly.provenance(d.fieldSources()),
                    w.createdAt,
                    DisclosureView.of(d.release()));
        }
    }

    /**
     * What one read released and withheld, per source system and data category. The caller's own agency's records
     * are released on the owner's basis (reason {@code OWN_RECORDS}); the other agency's as consent-service decided
     * for the declared purpose, or withheld with {@code NO_PURPOSE} when none was declared.
     */
    @Schema(name = "WorkerDisclosure")
    public record DisclosureView(Purpose purpose, List<CategoryView> permitted, List<CategoryView> withheld) {

        static DisclosureView of(Release release) {
            return new DisclosureView(
                    release.purpose(),
                    release.permitted().stream().map(CategoryView::of).toList(),
                    release.withheld().stream().map(CategoryView::of).toList());
        }
    }

    /** One source's data category in a read: its basis and grant when released, its reason either way. */
    @Schema(name = "WorkerDisclosureCategory")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CategoryView(
            Source source,
            DataCategory category,
            @Schema(description = "The lawful basis of the release (UU 27/2022 Pasal 20); absent when withheld")
                    LawfulBasis basis,
            @Schema(
                            description = "OWN_RECORDS, consent-service's reason (LAWFUL_BASIS, GRANT_IN_FORCE,"
                                    + " VITAL_INTEREST_IN_FORCE, NO_GRANT, GRANT_REVOKED, CATEGORY_NOT_COVERED, ...),"
                                    + " NO_PURPOSE, NOT_AN_OFFICER or NO_DECISION")
                    String reason,
            @Schema(description = "The grant that permitted, or on a withheld category the grant that no longer covers")
                    UUID grantId,
            UUID vitalInterestId) {

        static CategoryView of(Verdict v) {
            return new CategoryView(v.source(), v.category(), v.basis(), v.reason(), v.grantId(), v.vitalInterestId());
        }
    }

    /** Search by exactly one identifier; the body keeps it out of URLs and access logs. */
    @Schema(name = "WorkerSearchRequest", description = "Exactly one of nik and passportNumber")
    public record SearchRequest(
            @Pattern(regexp = "[0-9]{16}") String nik, @Pattern(regexp = PASSPORT_PATTERN) String passportNumber) {}

    /** A worker found by a search, showing only what the read's release lets the caller see (as a worker read). */
    @Schema(name = "WorkerMatch")
    public record Match(
            UUID id,
            String fullName,
            LocalDate birthDate,
            Sex sex,
            String destinationCountry,
            Phase phase,
            DisclosureView disclosure) {

        static Match of(DisclosedWorker d) {
            return new Match(
                    d.worker().id,
                    d.fullName(),
                    d.birthDate(),
                    d.sex(),
                    d.destinationCountry(),
                    d.phase(),
                    DisclosureView.of(d.release()));
        }
    }

    @Schema(name = "WorkerSearchResult")
    public record SearchResult(List<Match> matches) {}

    /**
     * Placement data as disclosed, with the lawful basis of the disclosure: for Kemlu the one consent-service
     * permitted on ({@code CONSENT} with the grant, or {@code VITAL_INTEREST}), {@code LEGAL_OBLIGATION} for
     * KemenP2MI, whose own system holds the data.
     */
    @Schema(name = "WorkerPlacement")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlacementView(
            UUID workerId,
            String destinationCountry,
            String employerName,
            String placementAgency,
            String occupation,
            LocalDate departureDate,
            LocalDate contractEndDate,
            String basis,
            UUID grantId) {

        static PlacementView of(PlacementDisclosure d) {
            SourceRecord r = d.record();
            return new PlacementView(
                    d.workerId(),
                    r.destinationCountry,
                    r.employerName,
                    r.placementAgency,
                    r.occupation,
                    r.departureDate,
                    r.contractEndDate,
                    d.basis(),
                    d.grantId());
        }
    }
}
