package id.sinergi.identity.service;

import id.sinergi.common.consent.DataCategory;
import id.sinergi.identity.domain.Phase;
import id.sinergi.identity.domain.Source;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.domain.WorkerFlag;
import id.sinergi.identity.linking.WorkerAssembly;
import id.sinergi.identity.matching.Sex;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A worker as one caller may see them: the combined view rebuilt from the parts of the records the release lets
 * them see, so that a field the worker took from a record the caller may not see is never shown; it falls back to
 * the best record the caller does see, or is withheld (null).
 *
 * @param worker the worker; only its id, assurance, status and timestamps are shown as they are
 * @param records all the worker's records, oldest first; their ids and sources are shown, their contents per
 *     category
 * @param fieldSources per shown field of the combined view, the record it comes from
 * @param nik the worker's NIK, when a record the caller sees the identity of gives it, or they see every record's
 * @param placement the latest SiskoP2MI record, when the caller sees its placement and it has one
 */
public record DisclosedWorker(
        Worker worker,
        List<SourceRecord> records,
        Release release,
        Map<String, SourceRecord> fieldSources,
        String nik,
        List<String> passportNumbers,
        Set<WorkerFlag> flags,
        SourceRecord placement) {

    /** Which category each field of the combined view belongs to. */
    private static final Map<String, DataCategory> CATEGORY_OF_FIELD = Map.of(
            "fullName", DataCategory.IDENTITY,
            "birthDate", DataCategory.IDENTITY,
            "sex", DataCategory.IDENTITY,
            "birthPlace", DataCategory.IDENTITY,
            "nik", DataCategory.IDENTITY,
            "passport", DataCategory.IDENTITY,
            "destinationCountry", DataCategory.PLACEMENT,
            "phase", DataCategory.PLACEMENT);

    /** The data categories a worker read needs of every source. */
    public static final Set<DataCategory> CATEGORIES = Set.of(DataCategory.IDENTITY, DataCategory.PLACEMENT);

    /** The most recently received or changed SiskoP2MI record: the placement's source of truth. */
    static final Comparator<SourceRecord> LATEST =
            Comparator.comparing((SourceRecord r) -> r.updatedAt).thenComparing(r -> r.receivedAt);

    /** What of the worker and their records this release lets the caller see. */
    public static DisclosedWorker of(WorkerDetails details, Release release) {
        Worker w = details.worker();
        List<SourceRecord> records = details.records();
        Map<String, SourceRecord> sources =
                WorkerAssembly.fieldSources(records, (r, field) -> release.sees(r, CATEGORY_OF_FIELD.get(field)));
        List<SourceRecord> identified = records.stream()
                .filter(r -> release.sees(r, DataCategory.IDENTITY))
                .toList();
        boolean identifiesAll = !records.isEmpty() && identified.size() == records.size();
        String nik = w.nik != null && (identifiesAll || identified.stream().anyMatch(r -> w.nik.equals(r.nik)))
                ? w.nik
                : null;
        if (nik == null) {
            sources.remove("nik");
        }
        List<String> passports = identified.stream()
                .map(r -> r.passportNumber)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Set<WorkerFlag> flags = EnumSet.noneOf(WorkerFlag.class);
        if (identifiesAll) {
            flags.addAll(w.flags);
        } else {
            identified.forEach(r -> flags.addAll(r.flags));
        }
        SourceRecord placement = records.stream()
                .filter(r -> r.source == Source.SISKOP2MI)
                .max(LATEST)
                .filter(r -> r.hasPlacement() && release.sees(r, DataCategory.PLACEMENT))
                .orElse(null);
        return new DisclosedWorker(w, records, release, sources, nik, passports, flags, placement);
    }

    public String fullName() {
        return field("fullName").map(r -> r.fullName).orElse(null);
    }

    public LocalDate birthDate() {
        return field("birthDate").map(r -> r.birthDate).orElse(null);
    }

    public String birthPlace() {
        return field("birthPlace").map(r -> r.birthPlace).orElse(null);
    }

    public Sex sex() {
        return field("sex").map(r -> r.sex).orElse(null);
    }

    public String destinationCountry() {
        return field("destinationCountry").map(r -> r.destinationCountry).orElse(null);
    }

    public Phase phase() {
        return field("phase").map(r -> r.phase).orElse(null);
    }

    private Optional<SourceRecord> field(String name) {
        return Optional.ofNullable(fieldSources.get(name));
    }
}
