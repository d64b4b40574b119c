package id.sinergi.cases.redaction;

import java.util.Arrays;
import java.util.Optional;

/** How exported cases are written. */
public enum ExportFormat {
    /** One case as a JSON object. */
    JSON("json", "application/json"),
    /** Cases as RFC 4180 CSV with a header line, cells neutralised against spreadsheet formulas. */
    CSV("csv", "text/csv; charset=UTF-8"),
    /** Cases as newline-delimited JSON: one object per line, each as {@link #JSON} writes it. */
    NDJSON("ndjson", "application/x-ndjson");

    private final String parameter;
    private final String mediaType;

    ExportFormat(String parameter, String mediaType) {
        this.parameter = parameter;
        this.mediaType = mediaType;
    }

    /** The value of the {@code format} query parameter, e.g. {@code csv}. */
    public String parameter() {
        return parameter;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format a list export names, {@code csv} or {@code ndjson}. */
    public static Optional<ExportFormat> ofList(String parameter) {
        return Arrays.stream(values())
                .filter(f -> f != JSON && f.parameter.equals(parameter))
                .findFirst();
    }
}
