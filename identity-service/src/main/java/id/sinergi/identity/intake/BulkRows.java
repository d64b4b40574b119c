package id.sinergi.identity.intake;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads a source export row by row, never the whole file at once: NDJSON (one registration per line) or CSV (a
 * header row of the flat column names, then one registration per row). Each row comes out parsed and validated,
 * or with the problem that rejects it; a row that cannot be read does not stop the rows after it, except where the
 * file itself breaks (a CSV quote left open).
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
            return new Row(number, null, rowProblem("row-too-long", "longer than " + MAX_LINE_CHARS + " characters"));
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

    /** CSV rows; the header must name known columns only, and must name source and sourceRecordId. */
    public static Iterator<Row> csv(InputStream in, ObjectMapper json, Validator validator) {
        CsvMapper csv = new CsvMapper();
        try {
            MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(new InputStreamReader(in, StandardCharsets.UTF_8));
            checkHeader(rows);
            return new Iterator<>() {
                private long number;

                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    number++;
                    Map<String, String> cells;
                    try {
                        cells = rows.next();
                    } catch (RuntimeException e) {
                        // A broken quote leaves the reader lost: report the row, and read no further.
                        while (rows.hasNext()) {
                            rows.next();
                        }
                        return new Row(number, null, rowProblem("malformed-csv", "cannot be read as CSV"));
                    }
                    return fromCells(number, cells, json, validator);
                }
            };
        } catch (IOException e) {
            throw ProblemException.invalidField("malformed-csv", "(body)", "the CSV header cannot be read");
        }
    }

    private static void checkHeader(MappingIterator<Map<String, String>> rows) {
        CsvSchema schema = (CsvSchema) rows.getParserSchema();
        if (schema == null || schema.size() == 0) {
            return; // an empty file: no rows
        }
        for (CsvSchema.Column column : schema) {
            if (!BulkColumns.NAMES.contains(column.getName())) {
                throw ProblemException.invalidField(
                        "unknown-column", column.getName(), "is not a column of a registration export");
            }
        }
        for (String required : BulkColumns.REQUIRED) {
            if (schema.column(required) == null) {
                throw ProblemException.invalidField("missing-column", required, "every export needs this column");
            }
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
