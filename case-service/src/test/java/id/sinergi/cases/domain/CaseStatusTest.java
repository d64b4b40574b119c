package id.sinergi.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseStatusTest {

    @Test
    void shouldAllowOnlyTheThreeForwardSteps() {
        List<String> allowed = new ArrayList<>();

        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus to : CaseStatus.values()) {
                if (from.canMoveTo(to)) {
                    allowed.add(from + "->" + to);
                }
            }
        }

        assertThat(allowed).containsExactly("REPORTED->IN_PROGRESS", "IN_PROGRESS->RESOLVED", "RESOLVED->CLOSED");
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
                        "Dalam penanganan / being handled",
                        "Selesai ditangani / resolved",
                        "Ditutup / closed");
    }
}
