package id.sinergi.identity.matching.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.identity.matching.BulkColumns;
import id.sinergi.identity.matching.Sex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledExportsTest {

    private static final int PERSONS = 3_000;

    private static RegionCodes regions;
    private static LabelledExports.Result result;

    @BeforeAll
    static void generate() {
        regions = RegionCodes.fromClasspath();
        result = LabelledExports.generate(GeneratorSettings.defaults().withPersons(PERSONS));
    }

    @Test
    void shouldWriteIdenticalFilesForTheSameSeed(@TempDir Path first, @TempDir Path second) throws IOException {
        GeneratorSettings settings =
                GeneratorSettings.defaults().withPersons(500).withSeed(7);

        ExportFiles.write(LabelledExports.generate(settings), first);
        ExportFiles.write(LabelledExports.generate(settings), second);

        for (String name : List.of(
                ExportFiles.SISKOP2MI_NDJSON,
                ExportFiles.PEDULI_WNI_NDJSON,
                ExportFiles.SISKOP2MI_CSV,
                ExportFiles.PEDULI_WNI_CSV,
                ExportFiles.TRUTH,
                ExportFiles.NOISE)) {
            assertThat(Files.readAllBytes(second.resolve(name)))
                    .as(name)
                    .isEqualTo(Files.readAllBytes(first.resolve(name)));
        }
    }

    @Test
    void shouldMakeOtherDataForAnotherSeed() {
        GeneratorSettings settings = GeneratorSettings.defaults().withPersons(500);

        List<String> a = jsonLines(LabelledExports.generate(settings.withSeed(1)));
        List<String> b = jsonLines(LabelledExports.generate(settings.withSeed(2)));

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void shouldMakeEveryNikStructurallyValidAgainstTheRegionCodes() {
        List<String> invalid = result.all().stream()
                .map(r -> r.row().nik())
                .filter(nik -> nik != null && !validNik(nik))
                .toList();

        assertThat(invalid).isEmpty();
    }

    @Test
    void shouldEncodeTheDeclaredBirthDateAndSexInEveryNikNotLabelledOtherwise() {
        Set<Noise> dateOrNikChanged = Set.of(Noise.NIK_TYPO, Noise.DAY_MONTH_SWAPPED, Noise.DATE_TYPO);
        List<LabelledExports.LabelledRow> clean = result.all().stream()
                .filter(r -> r.row().nik() != null)
                .filter(r -> r.noise().stream().noneMatch(dateOrNikChanged::contains))
                .toList();

        assertThat(clean).isNotEmpty();
        assertThat(clean).allSatisfy(r -> assertThat(r.row().nik().substring(6, 12))
                .isEqualTo(nikDate(r.row().birthDate(), r.row().sex())));
    }

    @Test
    void shouldChangeExactlyOneDigitOfANikLabelledAsTypo() {
        Map<Integer, String> trueNik = result.all().stream()
                .filter(r -> r.row().nik() != null && !r.noise().contains(Noise.NIK_TYPO))
                .collect(Collectors.toMap(
                        LabelledExports.LabelledRow::personId, r -> r.row().nik(), (x, y) -> x));
        List<LabelledExports.LabelledRow> typos = result.all().stream()
                .filter(r -> r.noise().contains(Noise.NIK_TYPO) && trueNik.containsKey(r.personId()))
                .toList();

        assertThat(typos).isNotEmpty();
        assertThat(typos).allSatisfy(r -> assertThat(differingDigits(r.row().nik(), trueNik.get(r.personId())))
                .isEqualTo(1));
    }

    @Test
    void shouldGiveEveryPersonOneNikExceptWhereLabelledAsTypo() {
        Map<Integer, Set<String>> niks = new HashMap<>();
        result.all().stream()
                .filter(r -> r.row().nik() != null && !r.noise().contains(Noise.NIK_TYPO))
                .forEach(r -> niks.computeIfAbsent(r.personId(), k -> new HashSet<>())
                        .add(r.row().nik()));

        assertThat(niks.values()).allSatisfy(set -> assertThat(set).hasSize(1));
        assertThat(niks.values().stream().map(s -> s.iterator().next()).distinct())
                .hasSize(niks.size());
    }

    @Test
    void shouldUseTheRegencyOfTheNikDistrictAsBirthPlace() {
        List<LabelledExports.LabelledRow> plain = result.all().stream()
                .filter(r -> r.row().nik() != null && r.row().birthPlace() != null)
                .filter(r -> !r.noise().contains(Noise.NIK_TYPO) && !r.noise().contains(Noise.BIRTH_PLACE_VARIANT))
                .toList();

        assertThat(plain).isNotEmpty();
        assertThat(plain).allSatisfy(r -> assertThat(r.row().birthPlace())
                .isEqualTo(regions.district(r.row().nik().substring(0, 6)).regencyName()));
    }

    @Test
    void shouldCoverEveryRowInTheTruth(@TempDir Path dir) {
        ExportFiles.write(result, dir);

        Map<ExportFiles.RecordKey, Integer> truth = ExportFiles.readTruth(dir.resolve(ExportFiles.TRUTH));
        List<ExportRow> rows = new ArrayList<>(ExportFiles.readNdjson(dir.resolve(ExportFiles.SISKOP2MI_NDJSON)));
        rows.addAll(ExportFiles.readNdjson(dir.resolve(ExportFiles.PEDULI_WNI_NDJSON)));

        Set<ExportFiles.RecordKey> keys = rows.stream()
                .map(r -> new ExportFiles.RecordKey(r.source(), r.sourceRecordId()))
                .collect(Collectors.toSet());
        assertThat(keys).hasSize(rows.size());
        assertThat(truth.keySet()).isEqualTo(keys);
    }

    @Test
    void shouldPutMostPersonsInBothExportsAndSomeTwiceInOne() {
        Map<Integer, List<String>> sourcesByPerson = result.all().stream()
                .collect(Collectors.groupingBy(
                        LabelledExports.LabelledRow::personId,
                        Collectors.mapping(r -> r.row().source(), Collectors.toList())));

        long both = sourcesByPerson.values().stream()
                .filter(s -> s.contains(ExportRow.SISKOP2MI) && s.contains(ExportRow.PEDULI_WNI))
                .count();
        long twiceInOne = sourcesByPerson.values().stream()
                .filter(s -> s.stream().distinct().count() < s.size())
                .count();
        assertThat(sourcesByPerson).hasSize(PERSONS);
        assertThat((double) both / PERSONS).isBetween(0.55, 0.65);
        assertThat(twiceInOne).isPositive();
    }

    @Test
    void shouldMakeTwinsWithOneSurnameDateAndDistrictButAnotherGivenNameAndSerial() {
        List<Person> persons = new PersonFactory(
                        regions, GeneratorSettings.defaults().withPersons(PERSONS), new Random(3))
                .population();
        List<Person> twins = persons.stream()
                .filter(p -> p.tags().contains(Noise.TWIN) && p.relatedTo() > p.id())
                .toList();

        assertThat(twins).isNotEmpty();
        assertThat(twins).allSatisfy(p -> {
            Person twin = persons.get(p.relatedTo());
            assertThat(twin.familyName()).isEqualTo(p.familyName());
            assertThat(twin.birthDate()).isEqualTo(p.birthDate());
            assertThat(twin.district()).isEqualTo(p.district());
            assertThat(twin.nik().substring(0, 12)).isEqualTo(p.nik().substring(0, 12));
            assertThat(twin.nik()).isNotEqualTo(p.nik());
            assertThat(twin.givenNames()).isNotEqualTo(p.givenNames());
        });
    }

    @Test
    void shouldMakeRelativesWithOneSurnameBirthDateAndBirthPlace() {
        List<Person> persons = new PersonFactory(
                        regions, GeneratorSettings.defaults().withPersons(PERSONS), new Random(3))
                .population();
        List<Person> relatives = persons.stream()
                .filter(p -> p.tags().contains(Noise.RELATIVE) && p.relatedTo() > p.id())
                .toList();

        assertThat(relatives).isNotEmpty();
        assertThat(relatives).allSatisfy(p -> {
            Person relative = persons.get(p.relatedTo());
            assertThat(relative.familyName()).isEqualTo(p.familyName());
            assertThat(relative.birthDate()).isEqualTo(p.birthDate());
            assertThat(relative.district().regencyName()).isEqualTo(p.district().regencyName());
            assertThat(relative.givenNames()).isNotEqualTo(p.givenNames());
        });
    }

    @Test
    void shouldWriteTheIntakeShapeWithAbsentValuesLeftOut() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> allowed = Set.of(
                "source",
                "sourceRecordId",
                "nik",
                "passport",
                "fullName",
                "birthDate",
                "birthPlace",
                "sex",
                "destinationCountry",
                "phase",
                "placement");

        for (LabelledExports.LabelledRow r : result.all()) {
            JsonNode node = json.readTree(ExportFiles.json(r.row()));
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            assertThat(allowed).containsAll(names);
            assertThat(node.has("placement"))
                    .isEqualTo(ExportRow.SISKOP2MI.equals(r.row().source()));
            assertThat(node.has("nik")).isEqualTo(!r.noise().contains(Noise.NIK_MISSING));
            assertThat(node.path("nik").isNull()).isFalse();
        }
    }

    @Test
    void shouldLeaveEveryNikOutOfPeduliWhenTheRateIsOne() {
        GeneratorSettings settings =
                GeneratorSettings.defaults().withPersons(300).with(Map.of("peduli-nik-missing", "1"));

        LabelledExports.Result all = LabelledExports.generate(settings);

        assertThat(all.peduliWni()).isNotEmpty();
        assertThat(all.peduliWni()).allSatisfy(r -> assertThat(r.row().nik()).isNull());
    }

    @Test
    void shouldRejectAnUnknownRate() {
        assertThatThrownBy(() -> GeneratorSettings.defaults().with(Map.of("typo-rate", "0.1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("typo-rate");
    }

    @Test
    void shouldQuoteCsvFieldsAsRfc4180Requires() {
        assertThat(ExportFiles.csvField("Orchid Electronics Co., Ltd.")).isEqualTo("\"Orchid Electronics Co., Ltd.\"");
        assertThat(ExportFiles.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ExportFiles.csvField("Kabupaten Malang")).isEqualTo("Kabupaten Malang");
        assertThat(ExportFiles.csvField(null)).isEmpty();
    }

    @Test
    void shouldWriteOneCsvColumnPerHeaderName(@TempDir Path dir) throws IOException {
        ExportFiles.write(result, dir);

        List<String> lines = Files.readAllLines(dir.resolve(ExportFiles.SISKOP2MI_CSV));

        assertThat(lines.get(0)).isEqualTo(String.join(",", BulkColumns.NAMES));
        assertThat(lines.subList(1, lines.size()))
                .allSatisfy(line -> assertThat(csvFieldCount(line)).isEqualTo(BulkColumns.NAMES.size()));
    }

    /** The test's own NIK rules, written from DOMAIN.md rather than taken from the generator. */
    private static boolean validNik(String nik) {
        if (!nik.matches("[0-9]{16}") || !regions.isKnown(nik.substring(0, 6)) || nik.endsWith("0000")) {
            return false;
        }
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int year = Integer.parseInt(nik.substring(10, 12));
        int realDay = day > 40 ? day - 40 : day;
        for (int century : new int[] {1900, 2000}) {
            try {
                LocalDate.of(century + year, month, realDay);
                return true;
            } catch (DateTimeException e) {
                // Not a date in this century; try the other.
            }
        }
        return false;
    }

    private static String nikDate(LocalDate date, Sex sex) {
        int day = date.getDayOfMonth() + (sex == Sex.F ? 40 : 0);
        return String.format("%02d%02d%02d", day, date.getMonthValue(), date.getYear() % 100);
    }

    private static int differingDigits(String a, String b) {
        int count = 0;
        for (int i = 0; i < a.length(); i++) {
            count += a.charAt(i) == b.charAt(i) ? 0 : 1;
        }
        return count;
    }

    private static int csvFieldCount(String line) {
        int fields = 1;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields++;
            }
        }
        return fields;
    }

    private static List<String> jsonLines(LabelledExports.Result r) {
        return r.all().stream().map(row -> ExportFiles.json(row.row())).toList();
    }
}
