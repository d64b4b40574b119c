package id.sinergi.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.scenario.ExportGenerator.Exports;
import id.sinergi.scenario.ExportGenerator.Person;
import id.sinergi.scenario.ExportGenerator.Row;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExportGeneratorTest {

    private static ReferenceData reference;

    @BeforeAll
    static void loadReference() {
        reference = ReferenceData.load();
    }

    @Test
    void shouldMakeTheSameExportsFromTheSameSeed() {
        Exports first = new ExportGenerator(reference, 7).generate(120);
        Exports second = new ExportGenerator(reference, 7).generate(120);

        assertThat(second.sisko())
                .map(Row::values)
                .isEqualTo(first.sisko().stream().map(Row::values).toList());
        assertThat(second.peduli())
                .map(Row::values)
                .isEqualTo(first.peduli().stream().map(Row::values).toList());
    }

    @Test
    void shouldBuildEveryValidNikFromARealDistrictAndTheEncodedBirthDate() {
        Exports exports = new ExportGenerator(reference, 11).generate(300);
        Set<String> districts = new HashSet<>(reference.districts());
        districts.addAll(reference.retiredDistricts());

        for (Person p : exports.people()) {
            String nik = p.nik();
            assertThat(nik).matches("\\d{16}");
            assertThat(districts).contains(nik.substring(0, 6));
            int day = Integer.parseInt(nik.substring(6, 8)) - (p.sex().equals("P") ? 40 : 0);
            if (!p.nikDateMismatch()) {
                assertThat(day).isEqualTo(p.birthDate().getDayOfMonth());
                assertThat(Integer.parseInt(nik.substring(8, 10)))
                        .isEqualTo(p.birthDate().getMonthValue());
            }
            assertThat(nik.substring(12)).isNotEqualTo("0000");
        }
        assertThat(exports.people()).map(Person::nik).doesNotHaveDuplicates();
    }

    @Test
    void shouldPutManyWorkersInBothExportsSomeUnderAnotherSpelling() {
        Exports exports = new ExportGenerator(reference, 13).generate(300);
        Map<Integer, String> siskoNames = exports.sisko().stream()
                .filter(r -> r.personKey() != null)
                .collect(Collectors.toMap(Row::personKey, r -> r.values().get("nama_lengkap")));

        long respelled = exports.peduli().stream()
                .filter(r -> r.personKey() != null && siskoNames.containsKey(r.personKey()))
                .filter(r -> !r.values().get("nama").equalsIgnoreCase(siskoNames.get(r.personKey())))
                .count();

        assertThat(exports.expectedCrossSourceLinks()).isGreaterThan(100);
        assertThat(respelled).isGreaterThan(5);
        assertThat(exports.people().stream().filter(Person::nikDateMismatch)).isNotEmpty();
    }

    @Test
    void shouldIncludeEveryKindOfInvalidRow() {
        Exports exports = new ExportGenerator(reference, 17).generate(300);

        assertThat(exports.expectedRejections()).containsOnlyKeys(ExportGenerator.INVALID_REASONS);
        assertThat(exports.concat().stream().filter(r -> r.invalidBecause() != null))
                .allMatch(r -> r.personKey() == null);
    }
}
