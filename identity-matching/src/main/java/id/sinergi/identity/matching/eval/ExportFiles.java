package id.sinergi.identity.matching.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.sinergi.identity.matching.BulkColumns;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads and writes the generator's files: the two exports as NDJSON and CSV, the truth and the noise labels. */
public final class ExportFiles {

    public static final String SISKOP2MI_NDJSON = "siskop2mi.ndjson";
    public static final String PEDULI_WNI_NDJSON = "peduli-wni.ndjson";
    public static final String SISKOP2MI_CSV = "siskop2mi.csv";
    public static final String PEDULI_WNI_CSV = "peduli-wni.csv";
    public static final String TRUTH = "truth.csv";
    public static final String NOISE = "noise.csv";

    /** RFC 4180 ends every line with CRLF. */
    private static final String CRLF = "\r\n";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Identifies a row across both exports. */
    public record RecordKey(String source, String sourceRecordId) {

        @Override
        public String toString() {
            return source + " " + sourceRecordId;
        }
    }

    private ExportFiles() {}

    /** Writes every file of a generated set into a directory, creating it if needed. */
    public static void write(LabelledExports.Result result, Path dir) {
        try {
            Files.createDirectories(dir);
            writeNdjson(result.siskop2mi(), dir.resolve(SISKOP2MI_NDJSON));
            writeNdjson(result.peduliWni(), dir.resolve(PEDULI_WNI_NDJSON));
            writeCsv(result.siskop2mi(), dir.resolve(SISKOP2MI_CSV));
            writeCsv(result.peduliWni(), dir.resolve(PEDULI_WNI_CSV));
            writeLines(dir.resolve(TRUTH), "source,sourceRecordId,personId", result.truthLines());
            writeLines(dir.resolve(NOISE), "source,sourceRecordId,noise", result.noiseLines());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the exports to " + dir, e);
        }
    }

    /** The rows of one NDJSON export, in file order. */
    public static List<ExportRow> readNdjson(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<ExportRow> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(JSON.readValue(line, ExportRow.class));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read export " + file, e);
        }
    }

    /** The person each record belongs to, from {@code truth.csv}. */
    public static Map<RecordKey, Integer> readTruth(Path file) {
        Map<RecordKey, Integer> truth = new LinkedHashMap<>();
        for (String[] row : readSimpleCsv(file, 3)) {
            truth.put(new RecordKey(row[0], row[1]), Integer.parseInt(row[2]));
        }
        return truth;
    }

    /** The noise labels of each record, from {@code noise.csv}; empty when the file is absent. */
    public static Map<RecordKey, String> readNoise(Path file) {
        Map<RecordKey, String> noise = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String[] row : readSimpleCsv(file, 3)) {
                noise.put(new RecordKey(row[0], row[1]), row[2]);
            }
        }
        return noise;
    }

    /** One CSV line of a row, a cell per {@link BulkColumns#NAMES} column, quoted where RFC 4180 requires it. */
    static String csvLine(ExportRow r) {
        ExportRow.Passport p = r.passport();
        ExportRow.Placement pl = r.placement();
        Map<String, Object> cells = new HashMap<>();
        cells.put("source", r.source());
        cells.put("sourceRecordId", r.sourceRecordId());
        cells.put("nik", r.nik());
        if (p != null) {
            cells.put("passportNumber", p.number());
            cells.put("passportIssuingState", p.issuingState());
            cells.put("passportExpiryDate", p.expiryDate());
        }
        cells.put("fullName", r.fullName());
        cells.put("birthDate", r.birthDate());
        cells.put("birthPlace", r.birthPlace());
        cells.put("sex", r.sex());
        cells.put("destinationCountry", r.destinationCountry());
        cells.put("phase", r.phase());
        if (pl != null) {
            cells.put("employerName", pl.employerName());
            cells.put("placementAgency", pl.placementAgency());
            cells.put("occupation", pl.occupation());
            cells.put("departureDate", pl.departureDate());
            cells.put("contractEndDate", pl.contractEndDate());
        }
        return BulkColumns.NAMES.stream()
                .map(column -> csvField(cells.get(column)))
                .collect(Collectors.joining(","));
    }

    /** An empty field for an absent value; quotes around a field holding a comma, quote or line break. */
    static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    static String json(ExportRow row) {
        try {
            return JSON.writeValueAsString(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeNdjson(List<LabelledExports.LabelledRow> rows, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (LabelledExports.LabelledRow row : rows) {
                out.write(json(row.row()));
                out.write('\n');
            }
        }
    }

    private static void writeCsv(List<LabelledExports.LabelledRow> rows, Path file) throws IOException {
        List<String> lines = rows.stream().map(r -> csvLine(r.row())).toList();
        writeLines(file, String.join(",", BulkColumns.NAMES), lines);
    }

    private static void writeLines(Path file, String header, List<String> lines) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            out.write(CRLF);
            for (String line : lines) {
                out.write(line);
                out.write(CRLF);
            }
        }
    }

    /** Rows of a file the generator wrote itself: ids, labels and numbers only, so no field is ever quoted. */
    private static List<String[]> readSimpleCsv(Path file, int columns) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    String[] fields = line.split(",", -1);
                    if (fields.length != columns || line.contains("\"")) {
                        throw new IllegalArgumentException(
                                file + " has a row that is not " + columns + " plain fields");
                    }
                    rows.add(fields);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
