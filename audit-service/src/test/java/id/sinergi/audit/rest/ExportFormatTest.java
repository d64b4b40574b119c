package id.sinergi.audit.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.sinergi.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ExportFormatTest {

    @Test
    void shouldPrefixEveryCellASpreadsheetWouldTakeForAFormula() {
        for (String formula : new String[] {"=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(ExportFormat.cell(formula)).as(formula).isEqualTo("'" + formula);
        }
    }

    @Test
    void shouldLeaveOtherCellsAsTheyAre() {
        assertThat(ExportFormat.cell("worker.read")).isEqualTo("worker.read");
        assertThat(ExportFormat.cell("a=b")).isEqualTo("a=b");
        assertThat(ExportFormat.cell(" =1")).isEqualTo(" =1");
        assertThat(ExportFormat.cell("")).isEmpty();
        assertThat(ExportFormat.cell(null)).isNull();
    }

    @Test
    void shouldReadTheFormatNamingTheParameterWhenItIsNone() {
        assertThat(ExportFormat.of(null)).isEqualTo(ExportFormat.NDJSON);
        assertThat(ExportFormat.of("CSV")).isEqualTo(ExportFormat.CSV);

        ProblemException e = catchThrowableOfType(ProblemException.class, () -> ExportFormat.of("xlsx"));

        assertThat(e.problem().getErrors().get(0).field()).isEqualTo("format");
    }
}
