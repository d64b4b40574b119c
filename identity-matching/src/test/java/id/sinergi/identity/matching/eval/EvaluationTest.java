package id.sinergi.identity.matching.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sinergi.identity.matching.MatchClass;
import id.sinergi.identity.matching.MatchScorer;
import id.sinergi.identity.matching.MatchSettings;
import id.sinergi.identity.matching.Sex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    private static final ExportRow.Passport PASSPORT =
            new ExportRow.Passport("C1234567", "IDN", LocalDate.of(2031, 5, 1));

    @Test
    void shouldLinkARecordIdenticalInBothSourcesAndLeaveAStrangerAlone() {
        ExportRow siskop = row(ExportRow.SISKOP2MI, "SP-000001", "3578015708900001", PASSPORT, "Siti Aminah");
        ExportRow same = row(ExportRow.PEDULI_WNI, "PW-000001", "3578015708900001", PASSPORT, "Siti Aminah");
        ExportRow stranger = new ExportRow(
                ExportRow.PEDULI_WNI,
                "PW-000002",
                "5206181204850003",
                new ExportRow.Passport("E7654321", "IDN", LocalDate.of(2034, 1, 2)),
                "Bambang Siregar",
                LocalDate.of(1985, 4, 12),
                "Kabupaten Bima",
                Sex.M,
                "TW",
                "ABROAD",
                null);
        Map<ExportFiles.RecordKey, Integer> truth = Map.of(
                key(siskop), 1,
                key(same), 1,
                key(stranger), 2);

        Evaluation.Run run =
                Evaluation.evaluate(List.of(siskop), List.of(same, stranger), truth, MatchSettings.defaults());

        // One true pair (SP-1, PW-1), linked; the stranger shares no key: 1 linked, 1 correct, nothing in review.
        assertThat(run.workerOf()[1]).isEqualTo(run.workerOf()[0]);
        assertThat(run.workerOf()[2]).isNotEqualTo(run.workerOf()[0]);
        assertThat(run.decisions()).containsExactly(MatchClass.NO_MATCH, MatchClass.MATCH, MatchClass.NO_MATCH);
        assertThat(run.metrics().truePairs()).isEqualTo(1);
        assertThat(run.metrics().precision()).isEqualTo(1.0);
        assertThat(run.metrics().recall()).isEqualTo(1.0);
        assertThat(run.metrics().reviewItems()).isZero();
        assertThat(run.candidates()).containsExactly(0, 1, 0);
    }

    @Test
    void shouldMatchSiskopRowsBeforePeduliRows() {
        ExportRow peduli = row(ExportRow.PEDULI_WNI, "PW-000001", "3578015708900001", PASSPORT, "Siti Aminah");
        ExportRow siskop = row(ExportRow.SISKOP2MI, "SP-000001", "3578015708900001", PASSPORT, "Siti Aminah");

        Evaluation.Run run = Evaluation.evaluate(
                List.of(siskop), List.of(peduli), Map.of(key(siskop), 1, key(peduli), 1), MatchSettings.defaults());

        // The SISKOP2MI row comes first, finds nothing, and founds the worker the PEDULI_WNI row then joins.
        assertThat(run.rows().get(0).source()).isEqualTo(ExportRow.SISKOP2MI);
        assertThat(run.candidates()[0]).isZero();
        assertThat(run.workerOf()[1]).isEqualTo(run.workerOf()[0]);
    }

    @Test
    void shouldRefuseRowsTheTruthDoesNotName() {
        ExportRow siskop = row(ExportRow.SISKOP2MI, "SP-000001", "3578015708900001", PASSPORT, "Siti Aminah");

        assertThatThrownBy(() -> Evaluation.evaluate(List.of(siskop), List.of(), Map.of(), MatchSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SP-000001");
    }

    @Test
    void shouldEvaluateGeneratedExportsFromTheirFilesAndWriteTheErrors(@TempDir Path dir) {
        LabelledExports.Result generated =
                LabelledExports.generate(GeneratorSettings.defaults().withPersons(400));
        ExportFiles.write(generated, dir);

        Evaluation.Run run = Evaluation.evaluate(dir, MatchSettings.defaults());
        EvaluationReport.writeErrors(
                run,
                new MatchScorer(MatchSettings.defaults()),
                ExportFiles.readNoise(dir.resolve(ExportFiles.NOISE)),
                dir.resolve("errors.txt"));

        assertThat(run.metrics().records()).isEqualTo(generated.all().size());
        assertThat(run.reviews())
                .allSatisfy(r -> assertThat(run.decisions()[r.record()]).isNotEqualTo(MatchClass.MATCH));
        assertThat(dir.resolve("errors.txt")).exists();
    }

    @Test
    void shouldNameNoIdentifierInTheErrorsFile(@TempDir Path dir) throws Exception {
        LabelledExports.Result generated =
                LabelledExports.generate(GeneratorSettings.defaults().withPersons(400));
        ExportFiles.write(generated, dir);
        Evaluation.Run run = Evaluation.evaluate(dir, MatchSettings.defaults());

        EvaluationReport.writeErrors(
                run,
                new MatchScorer(MatchSettings.defaults()),
                ExportFiles.readNoise(dir.resolve(ExportFiles.NOISE)),
                dir.resolve("errors.txt"));

        String errors = Files.readString(dir.resolve("errors.txt"));
        assertThat(errors).doesNotContainPattern("[0-9]{16}");
        assertThat(generated.all()).allSatisfy(r -> {
            if (r.row().passport() != null) {
                assertThat(errors).doesNotContain(r.row().passport().number());
            }
        });
    }

    private static ExportRow row(String source, String id, String nik, ExportRow.Passport passport, String name) {
        return new ExportRow(
                source,
                id,
                nik,
                passport,
                name,
                LocalDate.of(1990, 8, 17),
                "Kota Surabaya",
                Sex.F,
                "MY",
                "ABROAD",
                null);
    }

    private static ExportFiles.RecordKey key(ExportRow row) {
        return new ExportFiles.RecordKey(row.source(), row.sourceRecordId());
    }
}
