package id.sinergi.cases.redaction;

import id.sinergi.cases.domain.Party;
import id.sinergi.cases.reference.CaseCategory;
import id.sinergi.cases.reference.CsvTable;
import id.sinergi.cases.reference.ReferenceData;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The redaction rules of case exports, read once at start-up from {@value #GROUPS_FILE} and {@value #RULES_FILE}.
 * A rule names the fields shared with a party outside the ministries for all categories ({@code *}), a category
 * group or one category; every other field is withheld, so a field the rules do not know of yet is withheld too.
 * For a case, the most specific rule of the party applies (category, then group, then {@code *}), whole: rules are
 * not merged. A file naming an unknown party, field, group or category, a rule without its reason, or a party
 * without a {@code *} rule stops the service from starting rather than exporting by a rule nobody meant.
 */
@Startup
@Singleton
public class RedactionRules {

    static final String GROUPS_FILE = "reference/redaction_category_groups.csv";
    static final String RULES_FILE = "reference/redaction_rules.csv";

    /** The rule of a party for every category that has no more specific one. */
    public static final String ANY = "*";

    private static final Pattern GROUP_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Category code to its group. */
    private final Map<String, String> groupOf;

    /** Party to what each of its rules applies to and the fields that rule shares. */
    private final Map<Party, Map<String, List<String>>> rules;

    @Inject
    public RedactionRules(ReferenceData reference) {
        this(new StringReader(text(GROUPS_FILE)), new StringReader(text(RULES_FILE)), codes(reference));
    }

    /** Rules from the given files, checked against the given category codes. */
    RedactionRules(Reader groups, Reader rules, Set<String> categoryCodes) {
        this.groupOf = groupsFrom(groups, categoryCodes);
        this.rules = rulesFrom(rules, categoryCodes, Set.copyOf(groupOf.values()));
        Log.infof(
                "event=redaction-rules-loaded groups=%d rules=%d",
                Set.copyOf(groupOf.values()).size(),
                this.rules.values().stream().mapToInt(Map::size).sum());
    }

    /** What an export of a case of {@code categoryCode} for {@code party} holds. */
    public Redaction forCase(Party party, String categoryCode) {
        if (!party.isOutside()) {
            return Redaction.whole(party);
        }
        Map<String, List<String>> own = rules.get(party);
        String rule = own.containsKey(categoryCode)
                ? categoryCode
                : own.containsKey(groupOf.get(categoryCode)) ? groupOf.get(categoryCode) : ANY;
        List<String> shared = own.get(rule);
        List<String> withheld =
                CaseFields.ALL.stream().filter(f -> !shared.contains(f)).toList();
        return new Redaction(party, rule, shared, withheld);
    }

    /** Every field some rule shares with the party (all for a ministry), in the order of {@link CaseFields#ALL}. */
    public List<String> everShared(Party party) {
        if (!party.isOutside()) {
            return CaseFields.ALL;
        }
        Set<String> fields = new LinkedHashSet<>();
        rules.get(party).values().forEach(fields::addAll);
        return CaseFields.ordered(fields);
    }

    static Map<String, String> groupsFrom(Reader source, Set<String> categoryCodes) {
        Map<String, String> groupOf = new LinkedHashMap<>();
        Set<String> groups = new LinkedHashSet<>();
        for (Map<String, String> row :
                CsvTable.read(GROUPS_FILE, source, Set.of("category_group", "category_codes", "why"))) {
            String group = required(GROUPS_FILE, row, "category_group");
            if (!GROUP_NAME.matcher(group).matches() || categoryCodes.contains(group)) {
                throw invalid(GROUPS_FILE, "group " + group + " must be upper case and not a category code");
            }
            if (!groups.add(group)) {
                throw invalid(GROUPS_FILE, "group " + group + " is defined twice");
            }
            required(GROUPS_FILE, row, "why");
            for (String code : words(required(GROUPS_FILE, row, "category_codes"))) {
                if (!categoryCodes.contains(code)) {
                    throw invalid(GROUPS_FILE, "group " + group + " names unknown category " + code);
                }
                String before = groupOf.put(code, group);
                if (before != null) {
                    throw invalid(GROUPS_FILE, "category " + code + " is in groups " + before + " and " + group);
                }
            }
        }
        return groupOf;
    }

    static Map<Party, Map<String, List<String>>> rulesFrom(
            Reader source, Set<String> categoryCodes, Set<String> groups) {
        Map<Party, Map<String, List<String>>> rules = new EnumMap<>(Party.class);
        for (Map<String, String> row :
                CsvTable.read(RULES_FILE, source, Set.of("party", "applies_to", "shared_fields", "why"))) {
            Party party = party(required(RULES_FILE, row, "party"));
            String appliesTo = required(RULES_FILE, row, "applies_to");
            String rule = party + "/" + appliesTo;
            if (!appliesTo.equals(ANY) && !groups.contains(appliesTo) && !categoryCodes.contains(appliesTo)) {
                throw invalid(RULES_FILE, rule + " applies to " + appliesTo + ", neither * nor a group nor a category");
            }
            if (row.get("why") == null) {
                throw invalid(RULES_FILE, rule + " gives no reason (column why)");
            }
            List<String> fields = fields(rule, row.get("shared_fields"));
            if (rules.computeIfAbsent(party, p -> new LinkedHashMap<>()).put(appliesTo, fields) != null) {
                throw invalid(RULES_FILE, rule + " is given twice");
            }
        }
        for (Party party : Party.values()) {
            if (party.isOutside() && !rules.getOrDefault(party, Map.of()).containsKey(ANY)) {
                throw invalid(RULES_FILE, "party " + party + " has no rule for * (every category)");
            }
        }
        return rules;
    }

    /** A party outside the ministries; the ministries receive the whole case and have no rules. */
    private static Party party(String name) {
        Party party;
        try {
            party = Party.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw invalid(RULES_FILE, "unknown party " + name + "; parties are " + Arrays.toString(Party.values()));
        }
        if (!party.isOutside()) {
            throw invalid(RULES_FILE, "party " + name + " is a ministry, which receives the whole case: no rules");
        }
        return party;
    }

    /** The shared fields of a rule, each a field of the case, none twice; blank shares nothing. */
    private static List<String> fields(String rule, String value) {
        List<String> fields = value == null ? List.of() : words(value);
        List<String> unknown =
                fields.stream().filter(f -> !CaseFields.ALL.contains(f)).toList();
        if (!unknown.isEmpty()) {
            throw invalid(RULES_FILE, rule + " shares unknown field(s) " + unknown + "; fields are " + CaseFields.ALL);
        }
        if (Set.copyOf(fields).size() != fields.size()) {
            throw invalid(RULES_FILE, rule + " names a field twice");
        }
        return CaseFields.ordered(fields);
    }

    private static List<String> words(String value) {
        return Arrays.stream(SPACES.split(value.strip())).toList();
    }

    private static String required(String file, Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw invalid(file, "a row has no " + column + ": " + row);
        }
        return value.strip();
    }

    private static IllegalStateException invalid(String file, String message) {
        return new IllegalStateException(file + ": " + message);
    }

    private static Set<String> codes(ReferenceData reference) {
        return reference.categories().stream().map(CaseCategory::code).collect(Collectors.toSet());
    }

    private static String text(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
