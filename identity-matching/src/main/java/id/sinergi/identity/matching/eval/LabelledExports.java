package id.sinergi.identity.matching.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Generates labelled test data for the matcher: synthetic persons with NIKs from the real region codes, written
 * into a SISKOP2MI and a PEDULI_WNI export with realistic noise, plus the truth (which record is which person).
 *
 * <p>Deterministic: the same settings and seed give byte-identical files. Run {@link #main} with {@code --persons N
 * --seed S --out DIR --rate key=value}.
 */
public final class LabelledExports {

    /** A generated row, the person it belongs to, and the noise put into it. */
    public record LabelledRow(ExportRow row, int personId, Set<Noise> noise) {

        public ExportFiles.RecordKey key() {
            return new ExportFiles.RecordKey(row.source(), row.sourceRecordId());
        }
    }

    /** Both exports in file order. */
    public record Result(GeneratorSettings settings, List<LabelledRow> siskop2mi, List<LabelledRow> peduliWni) {

        /** Every row, SISKOP2MI first: the order the evaluation feeds them to the matcher. */
        public List<LabelledRow> all() {
            List<LabelledRow> all = new ArrayList<>(siskop2mi);
            all.addAll(peduliWni);
            return all;
        }

        List<String> truthLines() {
            return all().stream()
                    .map(r -> r.row().source() + "," + r.row().sourceRecordId() + "," + r.personId())
                    .toList();
        }

        List<String> noiseLines() {
            return all().stream()
                    .map(r -> r.row().source() + "," + r.row().sourceRecordId() + "," + labels(r.noise()))
                    .toList();
        }

        /** How many rows carry each label. */
        public Map<Noise, Integer> noiseCounts() {
            Map<Noise, Integer> counts = new EnumMap<>(Noise.class);
            for (LabelledRow r : all()) {
                r.noise().forEach(n -> counts.merge(n, 1, Integer::sum));
            }
            return counts;
        }
    }

    private LabelledExports() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args, false);
            options.generatorSettings();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        Result result = generate(options.generatorSettings());
        ExportFiles.write(result, options.out());
        printSummary(result, options.out(), System.out);
    }

    /** Makes the persons, then their records, then shuffles each export and numbers its rows. */
    public static Result generate(GeneratorSettings settings) {
        Random random = new Random(settings.seed());
        RegionCodes regions = RegionCodes.fromClasspath();
        PersonFactory factory = new PersonFactory(regions, settings, random);
        RecordMaker maker = new RecordMaker(settings, random, regions, factory);
        List<RecordMaker.Draft> siskop = new ArrayList<>();
        List<RecordMaker.Draft> peduli = new ArrayList<>();
        for (Person person : factory.population()) {
            addRecords(person, settings, random, maker, siskop, peduli);
        }
        Collections.shuffle(siskop, random);
        Collections.shuffle(peduli, random);
        return new Result(settings, numbered(siskop, "SP-"), numbered(peduli, "PW-"));
    }

    /** A person's records: in one or both exports, and now and then a second time in one of them. */
    private static void addRecords(
            Person person,
            GeneratorSettings settings,
            Random random,
            RecordMaker maker,
            List<RecordMaker.Draft> siskop,
            List<RecordMaker.Draft> peduli) {
        double draw = random.nextDouble();
        double both = settings.rate(Rate.IN_BOTH);
        double peduliOnly = settings.rate(Rate.ONLY_PEDULI);
        boolean inSiskop = draw < both || draw >= both + peduliOnly;
        boolean inPeduli = draw < both + peduliOnly;
        if (inSiskop) {
            siskop.add(maker.make(person, ExportRow.SISKOP2MI, false, false));
        }
        if (inPeduli) {
            peduli.add(maker.make(person, ExportRow.PEDULI_WNI, inSiskop, false));
        }
        if (random.nextDouble() < settings.rate(Rate.RE_REGISTRATION)) {
            boolean again = inSiskop && (!inPeduli || random.nextBoolean());
            String source = again ? ExportRow.SISKOP2MI : ExportRow.PEDULI_WNI;
            (again ? siskop : peduli).add(maker.make(person, source, true, true));
        }
    }

    private static List<LabelledRow> numbered(List<RecordMaker.Draft> drafts, String prefix) {
        List<LabelledRow> rows = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            RecordMaker.Draft d = drafts.get(i);
            String id = prefix + String.format("%06d", i + 1);
            // An EnumSet, not Set.copyOf: its order is fixed, where Set.copyOf's changes from one JVM run to the next.
            Set<Noise> noise = Collections.unmodifiableSet(EnumSet.copyOf(d.noise()));
            rows.add(new LabelledRow(d.row().withSourceRecordId(id), d.personId(), noise));
        }
        return List.copyOf(rows);
    }

    static String labels(Set<Noise> noise) {
        return noise.stream().sorted().map(Enum::name).collect(Collectors.joining(";"));
    }

    /** The rates used and what came out of them, so that figures are never quoted without their data. */
    static void printSummary(Result result, Path dir, PrintStream out) {
        GeneratorSettings s = result.settings();
        out.printf("Labelled exports: %d persons, seed %d, written to %s%n", s.persons(), s.seed(), dir);
        out.printf(
                "  rows: %d SISKOP2MI, %d PEDULI_WNI%n",
                result.siskop2mi().size(), result.peduliWni().size());
        out.println("  rates (--rate key=value):");
        for (Rate rate : Rate.values()) {
            out.printf("    %-28s %6.3f  %s%n", rate.key(), s.rate(rate), rate.description());
        }
        out.println("  rows carrying each label:");
        result.noiseCounts().forEach((noise, count) -> out.printf("    %-28s %6d%n", noise, count));
    }
}
