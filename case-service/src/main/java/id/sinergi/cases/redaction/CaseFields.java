package id.sinergi.cases.redaction;

import id.sinergi.cases.rest.CaseDtos.CaseView;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a case that redaction rules share or withhold: the top-level members of the case as the API shows
 * it ({@link CaseView}), so that a field added to the case later is known here at once, and withheld from every
 * party outside the ministries until a rule shares it.
 */
public final class CaseFields {

    /** Every field, in the order of {@link CaseView}. */
    public static final List<String> ALL = Arrays.stream(CaseView.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();

    /** Each field's CSV columns: its own name, or a dotted name per member of a nested record. */
    private static final Map<String, List<String>> COLUMNS = columnsOf(CaseView.class);

    /** Members an export adds beside the fields, which no field of the case may be named. */
    public static final List<String> EXPORT_MEMBERS = List.of("party", "withheld");

    static {
        if (ALL.stream().anyMatch(EXPORT_MEMBERS::contains)) {
            throw new IllegalStateException("a field of the case is named like an export member " + EXPORT_MEMBERS);
        }
    }

    private CaseFields() {}

    /** The CSV columns of the fields, in the order of {@link #ALL}. */
    public static List<String> columns(Collection<String> fields) {
        List<String> columns = new ArrayList<>();
        for (String field : ALL) {
            if (fields.contains(field)) {
                columns.addAll(COLUMNS.get(field));
            }
        }
        return columns;
    }

    /** The field a CSV column belongs to: the part before the first dot. */
    public static String fieldOf(String column) {
        int dot = column.indexOf('.');
        return dot < 0 ? column : column.substring(0, dot);
    }

    /** The fields in the order of {@link #ALL}. */
    static List<String> ordered(Collection<String> fields) {
        return ALL.stream().filter(fields::contains).toList();
    }

    private static Map<String, List<String>> columnsOf(Class<? extends Record> type) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            columns.put(component.getName(), leaves(component.getName(), component.getType()));
        }
        return columns;
    }

    /** A nested record is one column per member (recursively); anything else, one column holding its value. */
    private static List<String> leaves(String path, Class<?> type) {
        if (!type.isRecord()) {
            return List.of(path);
        }
        List<String> leaves = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            leaves.addAll(leaves(path + "." + component.getName(), component.getType()));
        }
        return leaves;
    }
}
