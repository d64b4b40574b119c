package id.sinergi.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.identity.domain.Nik;
import id.sinergi.identity.domain.Phase;
import id.sinergi.identity.domain.Sex;
import id.sinergi.identity.domain.Source;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.domain.WorkerFlag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SourcePrecedenceTest {

    private static final LocalDate BORN = LocalDate.of(1990, 5, 12);

    private static final Nik NIK = new Nik("317101", Sex.M, List.of(BORN), "0001");

    private static final Instant EARLIER = Instant.parse("2026-03-01T08:00:00Z");

    private static final Instant LATER = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void shouldRankSiskoP2miAbovePeduliWni() {
        assertThat(Source.SISKOP2MI.outranks(Source.PEDULI_WNI)).isTrue();
        assertThat(Source.PEDULI_WNI.outranks(Source.SISKOP2MI)).isFalse();
        assertThat(Source.SISKOP2MI.outranks(Source.SISKOP2MI)).isFalse();
    }

    @Test
    void shouldTakeEveryAttributeFromSiskoP2miEvenWhenPeduliWniSpokeLater() {
        SourceRecord siskop2mi = record(Source.SISKOP2MI, "BUDI CONTOH", EARLIER);
        SourceRecord peduliWni = record(Source.PEDULI_WNI, "SOMEBODY ELSE", LATER);
        peduliWni.birthDate = LocalDate.of(1970, 1, 1);
        peduliWni.sex = Sex.F;
        peduliWni.destinationCountry = "US";
        peduliWni.phase = Phase.ABROAD;
        Worker worker = new Worker();

        RegistrationService.applyRecords(worker, List.of(siskop2mi, peduliWni), NIK, LATER);

        assertThat(worker.fullName).isEqualTo("BUDI CONTOH");
        assertThat(worker.birthDate).isEqualTo(BORN);
        assertThat(worker.sex).isEqualTo(Sex.M);
        assertThat(worker.destinationCountry).isEqualTo("MY");
        assertThat(worker.phase).isEqualTo(Phase.PRE_DEPARTURE);
        assertThat(worker.flags).contains(WorkerFlag.SOURCE_DISAGREEMENT);
    }

    @Test
    void shouldTakeTheLatestRecordWithinTheHighestRankedSource() {
        SourceRecord older = record(Source.SISKOP2MI, "BUDI CONTOH", EARLIER);
        SourceRecord newer = record(Source.SISKOP2MI, "BUDI CONTOH SANTOSO", LATER);
        newer.destinationCountry = "SG";
        Worker worker = new Worker();

        RegistrationService.applyRecords(worker, List.of(newer, older), NIK, LATER);

        assertThat(worker.fullName).isEqualTo("BUDI CONTOH SANTOSO");
        assertThat(worker.destinationCountry).isEqualTo("SG");
        assertThat(worker.flags).isEmpty();
    }

    @Test
    void shouldFlagLowerRankedRecordThatDisagreesOnSexAlone() {
        SourceRecord siskop2mi = record(Source.SISKOP2MI, "BUDI CONTOH", EARLIER);
        SourceRecord peduliWni = record(Source.PEDULI_WNI, "BUDI CONTOH", LATER);
        peduliWni.sex = Sex.F;
        Worker worker = new Worker();

        RegistrationService.applyRecords(worker, List.of(siskop2mi, peduliWni), NIK, LATER);

        assertThat(worker.sex).isEqualTo(Sex.M);
        assertThat(worker.flags).containsExactlyInAnyOrder(WorkerFlag.SOURCE_DISAGREEMENT, WorkerFlag.NIK_SEX_MISMATCH);
    }

    @Test
    void shouldNotFlagLowerRankedRecordThatDiffersOnlyInSpellingCaseOrPlacement() {
        SourceRecord siskop2mi = record(Source.SISKOP2MI, "BUDI CONTOH", EARLIER);
        SourceRecord peduliWni = record(Source.PEDULI_WNI, " Budi  Contoh", LATER);
        peduliWni.destinationCountry = "SG";
        peduliWni.phase = Phase.ABROAD;
        Worker worker = new Worker();

        RegistrationService.applyRecords(worker, List.of(siskop2mi, peduliWni), NIK, LATER);

        assertThat(worker.flags).isEmpty();
        assertThat(worker.destinationCountry).isEqualTo("MY");
    }

    private static SourceRecord record(Source source, String fullName, Instant at) {
        SourceRecord r = new SourceRecord();
        r.id = UUID.randomUUID();
        r.source = source;
        r.fullName = fullName;
        r.birthDate = BORN;
        r.sex = Sex.M;
        r.destinationCountry = "MY";
        r.phase = Phase.PRE_DEPARTURE;
        r.receivedAt = at;
        r.updatedAt = at;
        return r;
    }
}
