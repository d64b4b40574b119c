package id.sinergi.identity.intake;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.problem.ProblemMappers;
import id.sinergi.identity.matching.BulkColumns;
import id.sinergi.identity.rest.WorkerDtos.RegistrationRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads a source export row by row, never the whole file at once: NDJSON (one registration per line) or CSV (a
 * header row of the flat column names, then one registration per row). Each row comes out parsed and validated,
 * or with the problem that rejects it; a row that cannot be read does not stop the rows after it, except where the
 * file itself breaks (a CSV quote left open): then that row's problem says where reading stopped.
 */
public final class BulkRows {

    /** A row longer than this is refused without being parsed. */
    static final int MAX_LINE_CHARS = 16 * 1024;

    /** One row: its number (1 for the first data row), and the request or the problem. */
    public record Row(long number, RegistrationRequest request, Problem problem) {}

    private BulkRows() {}

    public static Iterator<Row> ndjson(InputStream in, ObjectMapper json, Validator validator) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new Iterator<>() {
            private long number;
            private String next = advance();

            private String advance() {
                try {
                    String line;
                    do {
                        line = lines.readLine();
                        if (line != null) {
                            number++;
                        }
                    } while (line != null && line.isBlank());
                    return line;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                String line = next;
                long at = number;
                next = advance();
                return parse(at, line, json, validator);
            }
        };
    }

    static Row parse(long number, String line, ObjectMapper json, Validator validator) {
        if (line.length() > MAX_LINE_CHARS) {
            return new Row(
                    number, null, rowProblem("row-too-long", "is longer than " + MAX_LINE_CHARS + " characters"));
        }
        try {
            return validated(number, json.readValue(line, RegistrationRequest.class), validator);
        } catch (JsonParseException e) {
            return new Row(number, null, ProblemMappers.malformedJsonProblem(e, null));
        } catch (JsonMappingException e) {
            return new Row(number, null, ProblemMappers.jsonValueProblem(e, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CSV rows; the header must name known columns only, each once, and must name source and sourceRecordId. An
     * empty file has no header and no rows. A row with more or fewer cells than the header is rejected, and the
     * next row is read; a row that breaks the file (a quote left open) is rejected with {@code malformed-csv}, and
     * nothing after it is read.
     */
    public static Iterator<Row> csv(InputStream in, ObjectMapper json, Validator validator) {
        MappingIterator<String[]> records;
        try {
            records = CSV_READER.readValues(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ProblemException.invalidField("malformed-csv", "(body)", "the CSV header cannot be read");
        }
        List<String> header = header(records);
        return new CsvRows(records, header, json, validator);
    }

    /** Reads each CSV record as its cells, without a schema: the header and the cell counts are checked here. */
    private static final ObjectReader CSV_READER =
            new CsvMapper().readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY);

    /** The header's column names, checked; none for an empty file. */
    private static List<String> header(MappingIterator<String[]> records) {
        String[] names;
        try {
            if (!records.hasNext()) {
                return List.of();
            }
            names = records.next();
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("malformed-csv", "(body)", "the CSV header cannot be read");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!BulkColumns.NAMES.contains(name)) {
                throw ProblemException.invalidField("unknown-column", name, "is not a column of a registration export");
            }
            if (!seen.add(name)) {
                throw ProblemException.invalidField("duplicate-column", name, "is named more than once in the header");
            }
        }
        for (String required : BulkColumns.REQUIRED) {
            if (!seen.contains(required)) {
                throw ProblemException.invalidField("missing-column", required, "every export needs this column");
            }
        }
        return List.of(names);
    }

    /** The data rows after the header, read one ahead so that a broken file ends the rows where it breaks. */
    private static final class CsvRows implements Iterator<Row> {

        private final MappingIterator<String[]> records;
        private final List<String> header;
        private final ObjectMapper json;
        private final Validator validator;
        private long number;
        private boolean broken;
        private Row next;

        CsvRows(MappingIterator<String[]> records, List<String> header, ObjectMapper json, Validator validator) {
            this.records = records;
            this.header = header;
            this.json = json;
            this.validator = validator;
            this.next = header.isEmpty() ? null : advance();
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Row next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Row row = next;
            next = broken ? null : advance();
            return row;
        }

        /** The next data row, skipping blank lines (which still count), or null at the end of the file. */
        private Row advance() {
            while (true) {
                number++;
                long line = records.getCurrentLocation().getLineNr();
                String[] cells;
                try {
                    if (!records.hasNext()) {
                        return null;
                    }
                    cells = records.next();
                } catch (RuntimeException e) {
                    if (!(e.getCause() instanceof JsonProcessingException unreadable)) {
                        throw e; // the body itself failed (the connection, say): as for NDJSON, the intake fails
                    }
                    // The reader is lost inside the file (an open quote runs to its end): nothing after is read.
                    broken = true;
                    return new Row(number, null, brokenFile(line, unreadable));
                }
                if (cells.length == 1 && cells[0].isEmpty()) {
                    continue;
                }
                return row(cells);
            }
        }

        private Row row(String[] cells) {
            if (length(cells) > MAX_LINE_CHARS) {
                return new Row(
                        number, null, rowProblem("row-too-long", "is longer than " + MAX_LINE_CHARS + " characters"));
            }
            if (cells.length != header.size()) {
                String counted = "has " + cells.length + " cells where the header names " + header.size();
                return new Row(number, null, rowProblem("wrong-cell-count", counted));
            }
            Map<String, String> named = new LinkedHashMap<>();
            for (int i = 0; i < cells.length; i++) {
                named.put(header.get(i), cells[i]);
            }
            return fromCells(number, named, json, validator);
        }

        private static long length(String[] cells) {
            long length = cells.length - 1L;
            for (String cell : cells) {
                length += cell.length();
            }
            return length;
        }

        private Problem brokenFile(long line, JsonProcessingException e) {
            String detail =
                    "Row " + number + " (from line " + line + ") cannot be read as CSV (" + e.getOriginalMessage()
                            + "): reading stopped there, so this row and the rest of the file were not read";
            return new Problem("malformed-csv", "File cannot be read further", 400, detail, null, null)
                    .with("stoppedAtRow", number);
        }
    }

    static Row fromCells(long number, Map<String, String> cells, ObjectMapper json, Validator validator) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> passport = new LinkedHashMap<>();
        Map<String, Object> placement = new LinkedHashMap<>();
        cells.forEach((column, value) -> {
            if (value == null || value.isEmpty()) {
                return;
            }
            if (BulkColumns.PASSPORT.contains(column)) {
                passport.put(passportField(column), value);
            } else if (BulkColumns.PLACEMENT.contains(column)) {
                placement.put(column, value);
            } else {
                body.put(column, value);
            }
        });
        if (!passport.isEmpty()) {
            body.put("passport", passport);
        }
        if (!placement.isEmpty()) {
            body.put("placement", placement);
        }
        try {
            return validated(number, json.convertValue(body, RegistrationRequest.class), validator);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException m) {
                return new Row(number, null, ProblemMappers.jsonValueProblem(m, null));
            }
            throw e;
        }
    }

    private static String passportField(String column) {
        return switch (column) {
            case "passportNumber" -> "number";
            case "passportIssuingState" -> "issuingState";
            default -> "expiryDate";
        };
    }

    private static Row validated(long number, RegistrationRequest request, Validator validator) {
        if (request == null) {
            return new Row(number, null, rowProblem("validation", "is empty"));
        }
        Set<ConstraintViolation<RegistrationRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return new Row(number, request, ProblemMappers.violationProblem(violations, null));
        }
        return new Row(number, request, null);
    }

    private static Problem rowProblem(String slug, String message) {
        return new Problem(slug, "Row cannot be read", 400, "The row " + message, null, null);
    }
}
