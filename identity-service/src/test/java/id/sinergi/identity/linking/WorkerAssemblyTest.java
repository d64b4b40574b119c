package id.sinergi.identity.linking;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.identity.domain.Assurance;
import id.sinergi.identity.domain.Nik;
import id.sinergi.identity.domain.Phase;
import id.sinergi.identity.domain.Source;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.domain.WorkerFlag;
import id.sinergi.identity.matching.Sex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkerAssemblyTest {

    private static final LocalDate BORN = LocalDate.of(1990, 5, 12);

    private static final Nik NIK = new Nik("317101", Sex.M, List.of(BORN), "0001");

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

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

        WorkerAssembly.apply(worker, List.of(siskop2mi, peduliWni), TODAY, LATER);

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

        WorkerAssembly.apply(worker, List.of(newer, older), TODAY, LATER);

        assertThat(worker.fullName).isEqualTo("BUDI CONTOH SANTOSO");
        assertThat(worker.destinationCountry).isEqualTo("SG");
        assertThat(worker.flags).isEmpty();
    }

    @Test
    void shouldFlagLowerRankedRecordThatDisagreesOnSexAlone() {
        SourceRecord siskop2mi = record(Source.SISKOP2MI, "BUDI CONTOH", EARLIER);
        SourceRecord peduliWni = record(Source.PEDULI_WNI, "BUDI CONTOH", LATER);
        peduliWni.sex = Sex.F;
        peduliWni.flags.addAll(NIK.flagsAgainst(peduliWni.birthDate, peduliWni.sex));
        Worker worker = new Worker();

        WorkerAssembly.apply(worker, List.of(siskop2mi, peduliWni), TODAY, LATER);

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

        WorkerAssembly.apply(worker, List.of(siskop2mi, peduliWni), TODAY, LATER);

        assertThat(worker.flags).isEmpty();
        assertThat(worker.destinationCountry).isEqualTo("MY");
    }

    @Test
    void shouldNameTheRecordEachFieldCameFrom() {
        SourceRecord siskop2mi = record(Source.SISKOP2MI, "BUDI CONTOH", EARLIER);
        SourceRecord peduliWni = record(Source.PEDULI_WNI, "BUDI CONTOH", LATER);
        peduliWni.birthPlace = "Kabupaten Cilacap";
        peduliWni.passportNumber = "C1234567";

        var provenance = WorkerAssembly.provenance(List.of(siskop2mi, peduliWni));

        assertThat(provenance.get("fullName").sourceRecordId()).isEqualTo(siskop2mi.id);
        assertThat(provenance.get("birthPlace").sourceRecordId()).isEqualTo(peduliWni.id);
        assertThat(provenance.get("passport").source()).isEqualTo("PEDULI_WNI");
        assertThat(provenance).doesNotContainKey("nik");
    }

    @Test
    void shouldTakeTheNextRecordsNikWhenTheRecordThatGaveItIsGone() {
        SourceRecord kept = record(Source.PEDULI_WNI, "BUDI CONTOH", LATER);
        kept.nik = "3171011205900002";
        Worker worker = verifiedWorker("3171011205900001");

        WorkerAssembly.apply(worker, List.of(kept), TODAY, LATER);

        assertThat(worker.nik).isEqualTo("3171011205900002");
        assertThat(worker.assurance).isEqualTo(Assurance.NIK_VERIFIED);
    }

    @Test
    void shouldBecomeProvisionalAgainWhenNoRecordGivesANik() {
        SourceRecord kept = record(Source.PEDULI_WNI, "BUDI CONTOH", LATER);
        kept.passportNumber = "C1234567";
        Worker worker = verifiedWorker("3171011205900001");

        WorkerAssembly.apply(worker, List.of(kept), TODAY, LATER);

        assertThat(worker.nik).isNull();
        assertThat(worker.assurance).isEqualTo(Assurance.PASSPORT);
    }

    @Test
    void shouldKeepAPromotedNikWhateverTheRecordsSay() {
        SourceRecord kept = record(Source.PEDULI_WNI, "BUDI CONTOH", LATER);
        Worker worker = verifiedWorker("3171011205900001");
        worker.nikPromoted = true;

        WorkerAssembly.apply(worker, List.of(kept), TODAY, LATER);

        assertThat(worker.nik).isEqualTo("3171011205900001");
        assertThat(worker.assurance).isEqualTo(Assurance.NIK_VERIFIED);
    }

    @Test
    void shouldFlagAProvisionalWorkerWhoseRecordGivesANik() {
        SourceRecord withNik = record(Source.SISKOP2MI, "BUDI CONTOH", LATER);
        withNik.nik = "3171011205900001";
        Worker worker = new Worker();
        worker.assurance = Assurance.PASSPORT;

        WorkerAssembly.apply(worker, List.of(withNik), TODAY, LATER);

        assertThat(worker.nik).isNull();
        assertThat(worker.flags).contains(WorkerFlag.NIK_AWAITING_PROMOTION);
    }

    @Test
    void shouldFlagAnExpiredLatestPassportOnly() {
        SourceRecord old = record(Source.SISKOP2MI, "BUDI CONTOH", EARLIER);
        old.passportNumber = "C1111111";
        old.passportExpiryDate = LocalDate.of(2020, 1, 1);
        SourceRecord renewed = record(Source.PEDULI_WNI, "BUDI CONTOH", LATER);
        renewed.passportNumber = "C2222222";
        renewed.passportExpiryDate = LocalDate.of(2031, 1, 1);
        Worker renewedWorker = new Worker();
        Worker expiredWorker = new Worker();

        WorkerAssembly.apply(renewedWorker, List.of(old, renewed), TODAY, LATER);
        WorkerAssembly.apply(expiredWorker, List.of(old), TODAY, LATER);

        assertThat(renewedWorker.flags).doesNotContain(WorkerFlag.PASSPORT_EXPIRED);
        assertThat(expiredWorker.flags).contains(WorkerFlag.PASSPORT_EXPIRED);
    }

    @Test
    void shouldFlagALinkedRecordWithAnotherNik() {
        SourceRecord typo = record(Source.PEDULI_WNI, "BUDI CONTOH", LATER);
        typo.nik = "3171011205900007";
        SourceRecord founding = record(Source.SISKOP2MI, "BUDI CONTOH", EARLIER);
        founding.nik = "3171011205900001";
        Worker worker = verifiedWorker("3171011205900001");

        WorkerAssembly.apply(worker, List.of(founding, typo), TODAY, LATER);

        assertThat(worker.flags).contains(WorkerFlag.NIK_DISAGREEMENT);
    }

    private static Worker verifiedWorker(String nik) {
        Worker worker = new Worker();
        worker.nik = nik;
        worker.assurance = Assurance.NIK_VERIFIED;
        return worker;
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
