package id.sinergi.identity.linking;

import id.sinergi.identity.domain.Assurance;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.domain.WorkerFlag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Builds a worker's combined view from the records linked to them: each attribute from the record that counts
 * most and has it (the source ranked highest by {@link id.sinergi.identity.domain.Source}, then the latest), with
 * the provenance of every field, and the flags of all the records. Rebuilt after every link change, so the view
 * never keeps anything from a record that was unlinked.
 */
public final class WorkerAssembly {

    /** Orders records by how much they count: source rank first, then the latest received or changed. */
    static final Comparator<SourceRecord> PRECEDENCE = Comparator.comparingInt((SourceRecord r) -> r.source.rank())
            .thenComparing(r -> r.updatedAt)
            .thenComparing(r -> r.receivedAt)
            .thenComparing(r -> r.id);

    /** The fields of the combined view that come from records, by name, each with how a record gives it. */
    public static final Map<String, Function<SourceRecord, Object>> FIELDS = fields();

    private WorkerAssembly() {}

    private static Map<String, Function<SourceRecord, Object>> fields() {
        Map<String, Function<SourceRecord, Object>> fields = new LinkedHashMap<>();
        fields.put("fullName", r -> r.fullName);
        fields.put("birthDate", r -> r.birthDate);
        fields.put("sex", r -> r.sex);
        fields.put("destinationCountry", r -> r.destinationCountry);
        fields.put("phase", r -> r.phase);
        fields.put("birthPlace", r -> r.birthPlace);
        fields.put("nik", r -> r.nik);
        fields.put("passport", r -> r.passportNumber);
        return Collections.unmodifiableMap(fields);
    }

    /** Which record a field of the view came from. */
    public record Provenance(UUID sourceRecordId, String source, String sourceRecordKey, Instant receivedAt) {

        static Provenance of(SourceRecord r) {
            return new Provenance(r.id, r.source.name(), r.sourceRecordId, r.updatedAt);
        }
    }

    /** Gives the worker the attributes and flags of these records (at least one). */
    public static void apply(Worker worker, List<SourceRecord> records, LocalDate today, Instant now) {
        List<SourceRecord> ranked = ranked(records);
        SourceRecord leading = ranked.get(0);
        worker.fullName = leading.fullName;
        worker.birthDate = leading.birthDate;
        worker.sex = leading.sex;
        worker.destinationCountry = leading.destinationCountry;
        worker.phase = leading.phase;
        worker.birthPlace = first(ranked, r -> r.birthPlace).orElse(null);
        worker.updatedAt = now;
        if (!worker.nikPromoted) {
            identifyBy(worker, ranked);
        }
        worker.flags = flags(worker, ranked, today);
    }

    /**
     * Keeps a NIK that came from a record only while a linked record still gives it: after an unlink the worker
     * takes the NIK of the record that now counts most, or, with none left, becomes provisional again. A worker
     * never becomes NIK-verified here; that is the founding record's or a promotion's doing.
     */
    private static void identifyBy(Worker worker, List<SourceRecord> ranked) {
        if (worker.nik == null || ranked.stream().anyMatch(r -> worker.nik.equals(r.nik))) {
            return;
        }
        Optional<SourceRecord> withNik = source(ranked, r -> r.nik);
        if (withNik.isPresent()) {
            worker.nik = withNik.get().nik;
        } else {
            worker.nik = null;
            worker.assurance =
                    ranked.stream().anyMatch(r -> r.passportNumber != null) ? Assurance.PASSPORT : Assurance.REPORTED;
        }
    }

    /** Per field, the record it comes from; fields no record gives are left out. */
    public static Map<String, Provenance> provenance(List<SourceRecord> records) {
        return provenance(fieldSources(records, (r, field) -> true));
    }

    /** The provenance of each field of these field sources, in their order. */
    public static Map<String, Provenance> provenance(Map<String, SourceRecord> fieldSources) {
        Map<String, Provenance> provenance = new LinkedHashMap<>();
        fieldSources.forEach((field, r) -> provenance.put(field, Provenance.of(r)));
        return provenance;
    }

    /**
     * Per field of the combined view, the record that gives it: the one counting most among those that have the
     * field and that {@code mayGive} allows for it. Allowing every record gives the worker's own attributes (the
     * required fields all come from the leading record); a caller's view allows only the records it may see.
     * Fields no allowed record gives are left out. Records may be empty.
     */
    public static Map<String, SourceRecord> fieldSources(
            List<SourceRecord> records, BiPredicate<SourceRecord, String> mayGive) {
        List<SourceRecord> ranked =
                records.stream().sorted(PRECEDENCE.reversed()).toList();
        Map<String, SourceRecord> sources = new LinkedHashMap<>();
        FIELDS.forEach((field, value) -> ranked.stream()
                .filter(r -> value.apply(r) != null && mayGive.test(r, field))
                .findFirst()
                .ifPresent(r -> sources.put(field, r)));
        return sources;
    }

    /** The latest passport on record: the one with the latest expiry, else the latest received. */
    public static Optional<SourceRecord> latestPassport(List<SourceRecord> records) {
        return records.stream()
                .filter(r -> r.passportNumber != null)
                .max(Comparator.comparing(
                                (SourceRecord r) -> r.passportExpiryDate,
                                Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(r -> r.updatedAt));
    }

    static List<SourceRecord> ranked(List<SourceRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a worker needs at least one record");
        }
        return records.stream().sorted(PRECEDENCE.reversed()).toList();
    }

    private static <T> Optional<T> first(List<SourceRecord> ranked, Function<SourceRecord, T> field) {
        return source(ranked, field).map(field);
    }

    private static Optional<SourceRecord> source(List<SourceRecord> ranked, Function<SourceRecord, ?> field) {
        return ranked.stream().filter(r -> field.apply(r) != null).findFirst();
    }

    private static Set<WorkerFlag> flags(Worker worker, List<SourceRecord> ranked, LocalDate today) {
        Set<WorkerFlag> flags = EnumSet.noneOf(WorkerFlag.class);
        ranked.forEach(r -> flags.addAll(r.flags));
        flags.remove(WorkerFlag.PASSPORT_EXPIRED);
        latestPassport(ranked)
                .filter(r -> r.passportExpiryDate != null && r.passportExpiryDate.isBefore(today))
                .ifPresent(r -> flags.add(WorkerFlag.PASSPORT_EXPIRED));
        SourceRecord leading = ranked.get(0);
        if (ranked.stream().anyMatch(r -> leading.source.outranks(r.source) && disagreesOnIdentity(r, leading))) {
            flags.add(WorkerFlag.SOURCE_DISAGREEMENT);
        }
        if (worker.nik != null && ranked.stream().anyMatch(r -> r.nik != null && !r.nik.equals(worker.nik))) {
            flags.add(WorkerFlag.NIK_DISAGREEMENT);
        }
        if (worker.assurance != Assurance.NIK_VERIFIED && ranked.stream().anyMatch(r -> r.nik != null)) {
            flags.add(WorkerFlag.NIK_AWAITING_PROMOTION);
        }
        return flags;
    }

    /** Names are compared ignoring case and runs of spaces, which sources spell differently without meaning it. */
    private static boolean disagreesOnIdentity(SourceRecord record, SourceRecord leading) {
        return !normalName(record.fullName).equals(normalName(leading.fullName))
                || !record.birthDate.equals(leading.birthDate)
                || !Objects.equals(record.sex, leading.sex);
    }

    private static String normalName(String name) {
        return name.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
