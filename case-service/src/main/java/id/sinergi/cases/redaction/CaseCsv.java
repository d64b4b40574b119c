package id.sinergi.cases.redaction;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes exported cases as RFC 4180 CSV (every cell quoted, lines ended by CRLF) that a spreadsheet opens without
 * running anything: a cell starting with {@code = + - @}, a tab or a carriage return is a formula to Excel, Calc
 * and Sheets, so it gets a leading apostrophe, which they show as text. A party's columns are those of every field
 * some rule shares with it; a cell of a field withheld for its case reads {@value #WITHHELD}, and the row's
 * {@code withheld} column names those fields, so a withheld value never looks like an empty one.
 */
public final class CaseCsv {

    /** The cell of a field withheld from the party. */
    public static final String WITHHELD = "[withheld]";

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final String LINE_END = "\r\n";

    private CaseCsv() {}

    /** The header line: {@code party}, {@code withheld}, then the columns. */
    public static String header(List<String> columns) {
        List<String> cells = new ArrayList<>(CaseFields.EXPORT_MEMBERS);
        cells.addAll(columns);
        return line(cells);
    }

    /** The line of one exported case, its withheld fields named and marked. */
    public static String row(Redaction redaction, JsonNode body, List<String> columns) {
        List<String> cells = new ArrayList<>();
        cells.add(redaction.party().name());
        cells.add(String.join(" ", redaction.withheld()));
        for (String column : columns) {
            cells.add(redaction.withheld().contains(CaseFields.fieldOf(column)) ? WITHHELD : value(body, column));
        }
        return line(cells);
    }

    /** The cell as text a spreadsheet shows and never evaluates. */
    static String neutralised(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (String cell : cells) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            line.append('"').append(neutralised(cell).replace("\"", "\"\"")).append('"');
        }
        return line.append(LINE_END).toString();
    }

    /** The column's value in the body: a dotted column names a member of a nested object; none is empty. */
    private static String value(JsonNode body, String column) {
        JsonNode node = body.at("/" + column.replace('.', '/'));
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
