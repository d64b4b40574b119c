package id.sinergi.cases.reference;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an RFC 4180 CSV file with a header line into rows keyed by column name. Quoted fields may hold commas,
 * quotes and line breaks; blank fields become {@code null}.
 */
public final class CsvTable {

    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvTable() {}

    /**
     * The rows of {@code source}, named {@code name} in error messages.
     *
     * @throws IllegalStateException when a required column is missing, naming every one that is
     * @throws UncheckedIOException when the source cannot be read or is not CSV
     */
    public static List<Map<String, String>> read(String name, Reader source, Set<String> requiredColumns) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it =
                MAPPER.readerForMapOf(String.class).with(schema).readValues(source)) {
            while (it.hasNextValue()) {
                Map<String, String> row = new LinkedHashMap<>();
                it.nextValue()
                        .forEach((column, value) -> row.put(column, value == null || value.isBlank() ? null : value));
                rows.add(row);
            }
            List<String> header = new ArrayList<>();
            ((CsvSchema) it.getParserSchema()).forEach(column -> header.add(column.getName()));
            // Every missing column, in a stable order: Set.of iterates differently from one run to the next.
            List<String> missing = requiredColumns.stream()
                    .filter(column -> !header.contains(column))
                    .sorted()
                    .toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException(name + " has no column " + String.join(", ", missing));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return rows;
    }
}
