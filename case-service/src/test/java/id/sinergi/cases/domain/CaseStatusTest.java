package id.sinergi.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseStatusTest {

    @Test
    void shouldAllowTheStepsOfTheWorkflowAndNoOther() {
        List<String> allowed = new ArrayList<>();

        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus to : CaseStatus.values()) {
                if (from.canMoveTo(to)) {
                    allowed.add(from + "->" + to);
                }
            }
        }

        assertThat(allowed)
                .containsExactlyInAnyOrder(
                        "REPORTED->TRIAGED",
                        "TRIAGED->IN_PROGRESS",
                        "TRIAGED->REFERRED",
                        "IN_PROGRESS->REFERRED",
                        "IN_PROGRESS->RESOLVED",
                        "REFERRED->IN_PROGRESS",
                        "REFERRED->RESOLVED",
                        "RESOLVED->IN_PROGRESS",
                        "RESOLVED->CLOSED",
                        "CLOSED->REOPENED",
                        "REOPENED->TRIAGED",
                        "REOPENED->IN_PROGRESS");
    }

    @Test
    void shouldCountEveryStatusButClosedAsOpen() {
        List<CaseStatus> open = new ArrayList<>();

        for (CaseStatus status : CaseStatus.values()) {
            if (status.isOpen()) {
                open.add(status);
            }
        }

        assertThat(open).doesNotContain(CaseStatus.CLOSED).hasSize(CaseStatus.values().length - 1);
    }

    @Test
    void shouldRefuseMissingTarget() {
        boolean allowed = CaseStatus.REPORTED.canMoveTo(null);

        assertThat(allowed).isFalse();
    }

    @Test
    void shouldCarryIndonesianTermsAndEnglishGlosses() {
        List<String> terms = new ArrayList<>();

        for (CaseStatus status : CaseStatus.values()) {
            terms.add(status.termId() + " / " + status.glossEn());
        }

        assertThat(terms)
                .containsExactly(
                        "Dilaporkan / reported",
                        "Ditelaah / triaged",
                        "Dalam penanganan / being handled",
                        "Dirujuk / referred",
                        "Selesai ditangani / resolved",
                        "Ditutup / closed",
                        "Dibuka kembali / reopened");
    }
}
