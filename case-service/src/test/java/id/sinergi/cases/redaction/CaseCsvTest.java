package id.sinergi.cases.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.cases.domain.Party;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseCsvTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+6281234", "-2+3", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"})
    void shouldPrefixAnApostropheToACellASpreadsheetWouldReadAsAFormula(String value) {
        assertThat(CaseCsv.neutralised(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Gaji belum dibayar", "1+1", " =1", "'=1", "KBRI-KUALALUMPUR/2026/000001"})
    void shouldLeaveOtherCellsAsTheyAre(String value) {
        assertThat(CaseCsv.neutralised(value)).isEqualTo(value);
    }

    @Test
    void shouldQuoteEveryCellDoubleInnerQuotesAndMarkWithheldFields() {
        ObjectNode body = JSON.createObjectNode().put("reference", "KBRI-X/2026/000001");
        body.putObject("category").put("code", "GAJI_TIDAK_DIBAYAR");
        body.put("description", "=cmd|' /C calc'!A0 \"quoted\"\nsecond line");
        Redaction redaction = new Redaction(
                Party.EMPLOYER,
                RedactionRules.ANY,
                List.of("reference", "category", "description"),
                List.of("reporter", "status"));
        List<String> columns =
                List.of("reference", "category.code", "category.termId", "description", "reporter.name", "status.code");

        String header = CaseCsv.header(columns);
        String row = CaseCsv.row(redaction, body, columns);

        assertThat(header)
                .isEqualTo("\"party\",\"withheld\",\"reference\",\"category.code\",\"category.termId\","
                        + "\"description\",\"reporter.name\",\"status.code\"\r\n");
        assertThat(row)
                .isEqualTo("\"EMPLOYER\",\"reporter status\",\"KBRI-X/2026/000001\",\"GAJI_TIDAK_DIBAYAR\",\"\","
                        + "\"'=cmd|' /C calc'!A0 \"\"quoted\"\"\nsecond line\",\"[withheld]\",\"[withheld]\"\r\n");
    }

    @Test
    void shouldGiveEachNestedMemberOfAFieldItsOwnColumn() {
        List<String> columns = CaseFields.columns(List.of("reporter", "reference", "category"));

        assertThat(columns)
                .containsExactly(
                        "reference",
                        "category.code",
                        "category.termId",
                        "category.glossEn",
                        "reporter.relation",
                        "reporter.name",
                        "reporter.relationship",
                        "reporter.contact");
        assertThat(CaseFields.fieldOf("reporter.contact")).isEqualTo("reporter");
        assertThat(CaseFields.fieldOf("reference")).isEqualTo("reference");
    }
}
