package id.sinergi.cases.reference;

import id.sinergi.cases.domain.Desk;
import id.sinergi.cases.domain.Priority;
import id.sinergi.common.consent.CriticalCaseCategory;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The missions and case categories shipped in {@code src/main/resources/reference/}, read once at start-up; a
 * file that is missing or lacks a column stops the service from starting rather than serving half the data.
 */
@Startup
@Singleton
public class ReferenceData {

    static final String MISSIONS_FILE = "reference/perwakilan_ri_missions.csv";
    static final String CATEGORIES_FILE = "reference/complaint_categories.csv";

    private final Map<String, Mission> missions;
    private final Map<String, CaseCategory> categories;

    public ReferenceData() {
        this.missions = index(read(MISSIONS_FILE, ReferenceData::missionsFrom), Mission::id);
        this.categories = index(read(CATEGORIES_FILE, ReferenceData::categoriesFrom), CaseCategory::code);
        Log.infof("event=reference-data-loaded missions=%d categories=%d", missions.size(), categories.size());
    }

    /** Every mission, in the order of the file. */
    public List<Mission> missions() {
        return List.copyOf(missions.values());
    }

    public Optional<Mission> mission(String id) {
        return Optional.ofNullable(id == null ? null : missions.get(id));
    }

    /** Every case category, in the order of the file. */
    public List<CaseCategory> categories() {
        return List.copyOf(categories.values());
    }

    public Optional<CaseCategory> category(String code) {
        return Optional.ofNullable(code == null ? null : categories.get(code));
    }

    static List<Mission> missionsFrom(Reader source) {
        return CsvTable.read(
                        MISSIONS_FILE,
                        source,
                        Set.of("mission_id", "type", "type_name", "name_id", "city", "country_iso2", "country_name_en"))
                .stream()
                .map(row -> new Mission(
                        required(row, "mission_id"),
                        typeTerm(required(row, "type"), required(row, "type_name")),
                        required(row, "name_id"),
                        row.get("name_alt"),
                        required(row, "city"),
                        required(row, "country_iso2"),
                        required(row, "country_name_en"),
                        differentOrNull(row.get("located_in_iso2"), row.get("country_iso2")),
                        row.get("consular_district_id"),
                        row.get("address"),
                        row.get("website"),
                        row.get("note")))
                .toList();
    }

    static List<CaseCategory> categoriesFrom(Reader source) {
        return CsvTable.read(
                        CATEGORIES_FILE,
                        source,
                        Set.of(
                                "category_code",
                                "term_id",
                                "gloss_en",
                                "vital_interest_category",
                                "default_priority",
                                "routing"))
                .stream()
                .map(row -> new CaseCategory(
                        required(row, "category_code"),
                        required(row, "term_id"),
                        required(row, "gloss_en"),
                        row.get("used_in"),
                        row.get("source_url"),
                        criticalOrNull(row),
                        constant(Priority.class, row, "default_priority"),
                        constant(Desk.class, row, "routing")))
                .toList();
    }

    /** A required column holding one of the enum's names; any other value stops the start. */
    private static <E extends Enum<E>> E constant(Class<E> type, Map<String, String> row, String column) {
        String value = required(row, column);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "reference category " + row.get("category_code") + " has an unknown " + column + " " + value);
        }
    }

    /**
     * The {@code vital_interest_category} column: blank for a category that cannot carry vital interest, else one
     * of {@link CriticalCaseCategory}; any other value stops the start, so a typo cannot switch vital interest off.
     */
    private static CriticalCaseCategory criticalOrNull(Map<String, String> row) {
        String value = row.get("vital_interest_category");
        if (value == null) {
            return null;
        }
        try {
            return CriticalCaseCategory.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("reference category " + row.get("category_code")
                    + " has an unknown vital_interest_category " + value);
        }
    }

    /** Splits {@code Kedutaan Besar Republik Indonesia (embassy)} into the term and its bracketed gloss. */
    static Term typeTerm(String code, String typeName) {
        int open = typeName.lastIndexOf(" (");
        if (open < 0 || !typeName.endsWith(")")) {
            return new Term(code, typeName, null);
        }
        return new Term(code, typeName.substring(0, open).strip(), typeName.substring(open + 2, typeName.length() - 1));
    }

    private static String required(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new IllegalStateException("reference row without " + column + ": "
                    + row.values().iterator().next());
        }
        return value.strip();
    }

    private static String differentOrNull(String value, String other) {
        return value == null || value.equals(other) ? null : value;
    }

    private static <T> List<T> read(String resource, Function<Reader, List<T>> parser) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return parser.apply(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static <T> Map<String, T> index(List<T> values, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T value : values) {
            if (map.put(key.apply(value), value) != null) {
                throw new IllegalStateException("duplicate reference code " + key.apply(value));
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
