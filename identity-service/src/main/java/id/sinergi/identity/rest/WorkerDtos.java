package id.sinergi.identity.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sinergi.identity.domain.Phase;
import id.sinergi.identity.domain.Sex;
import id.sinergi.identity.domain.Source;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.domain.WorkerFlag;
import id.sinergi.identity.service.PlacementDisclosure;
import id.sinergi.identity.service.Registration;
import id.sinergi.identity.service.RegistrationOutcome;
import id.sinergi.identity.service.WorkerDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the worker API. */
public final class WorkerDtos {

    /** Shape of a passport number as both source systems record it. */
    static final String PASSPORT_PATTERN = "[A-Z][0-9A-Z]{5,8}";

    private WorkerDtos() {}

    /**
     * A source system's record of a worker. The NIK's rules (16 digits, known district, real date, serial) are
     * checked by the service, each with a problem type of its own, so the field has no pattern here.
     */
    @Schema(name = "WorkerRegistrationRequest")
    public record RegistrationRequest(
            @NotNull Source source,
            @NotBlank @Size(min = 1, max = 64) @Schema(description = "The record's id in the source system")
                    String sourceRecordId,
            @NotNull @Schema(description = "NIK: exactly 16 digits", example = "3171011708450001") String nik,
            @Pattern(regexp = PASSPORT_PATTERN) @Schema(example = "C1234567") String passportNumber,
            @NotBlank @Size(min = 1, max = 150) String fullName,
            @NotNull LocalDate birthDate,
            @NotNull Sex sex,
            @NotNull @Schema(description = "ISO 3166-1 alpha-2", example = "MY") String destinationCountry,
            @NotNull Phase phase,
            @Valid PlacementDetails placement) {}

    /** The placement as SiskoP2MI records it: employer, placement agency (P3MI), job and contract dates. */
    @Schema(name = "PlacementDetails")
    public record PlacementDetails(
            @Size(max = 200) String employerName,
            @Size(max = 200) String placementAgency,
            @Size(max = 100) String occupation,
            LocalDate departureDate,
            LocalDate contractEndDate) {}

    @Schema(name = "WorkerRegistration")
    public record RegistrationView(UUID workerId, RegistrationOutcome outcome, Set<WorkerFlag> flags) {

        static RegistrationView of(Registration r) {
            return new RegistrationView(r.workerId(), r.outcome(), r.flags());
        }
    }

    @Schema(name = "WorkerSource")
    public record SourceView(Source source, String sourceRecordId, Instant receivedAt) {}

    @Schema(name = "Worker")
    public record WorkerView(
            UUID id,
            String nik,
            String fullName,
            LocalDate birthDate,
            Sex sex,
            String destinationCountry,
            Phase phase,
            List<String> passportNumbers,
            Set<WorkerFlag> flags,
            List<SourceView> sources,
            Instant createdAt) {

        static WorkerView of(WorkerDetails details) {
            Worker w = details.worker();
            List<SourceRecord> records = details.records();
            return new WorkerView(
                    w.id,
                    w.nik,
                    w.fullName,
                    w.birthDate,
                    w.sex,
                    w.destinationCountry,
                    w.phase,
                    records.stream()
                            .map(r -> r.passportNumber)
                            .filter(Objects::nonNull)
                            .distinct()
                            .toList(),
                    w.flags,
                    records.stream()
                            .map(r -> new SourceView(r.source, r.sourceRecordId, r.receivedAt))
                            .toList(),
                    w.createdAt);
        }
    }

    /** Search by exactly one identifier; the body keeps it out of URLs and access logs. */
    @Schema(name = "WorkerSearchRequest", description = "Exactly one of nik and passportNumber")
    public record SearchRequest(
            @Pattern(regexp = "[0-9]{16}") String nik, @Pattern(regexp = PASSPORT_PATTERN) String passportNumber) {}

    @Schema(name = "WorkerMatch")
    public record Match(
            UUID id, String fullName, LocalDate birthDate, Sex sex, String destinationCountry, Phase phase) {

        static Match of(Worker w) {
            return new Match(w.id, w.fullName, w.birthDate, w.sex, w.destinationCountry, w.phase);
        }
    }

    @Schema(name = "WorkerSearchResult")
    public record SearchResult(List<Match> matches) {}

    /**
     * Placement data as disclosed, with the lawful basis of the disclosure: {@code CONSENT} (with the grant) for
     * Kemlu, {@code LEGAL_OBLIGATION} for KemenP2MI, whose own system holds the data.
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
