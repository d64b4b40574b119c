package id.sinergi.identity.matching.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Kemendagri districts a synthetic NIK can start with, each with the regency or city that is its birth place. */
public final class RegionCodes {

    /** Current codes of all levels, shared with identity-service's NIK validation. */
    public static final String CURRENT = "reference/kode_wilayah_prov_kab_kec.csv";

    /** Codes of older editions (Papua, before the 2022 split) that NIKs issued earlier still carry. */
    public static final String RETIRED = "reference/kode_wilayah_retired.csv";

    /**
     * A district (kecamatan).
     *
     * @param code the six digits as written inside a NIK
     * @param regencyName the regency (kabupaten) or city (kota) the district lies in, as a birth place is written
     * @param retired whether the code is only in editions before the current one
     */
    public record District(String code, String regencyName, boolean retired) {

        public String province() {
            return code.substring(0, 2);
        }

        public String regency() {
            return code.substring(0, 4);
        }
    }

    private final List<District> current;
    private final List<District> retired;
    private final Map<String, District> byCode;
    private final Map<String, List<District>> byRegency;

    private RegionCodes(List<District> current, List<District> retired) {
        this.current = List.copyOf(current);
        this.retired = List.copyOf(retired);
        Map<String, District> codes = new HashMap<>();
        Map<String, List<District>> regencies = new HashMap<>();
        for (List<District> list : List.of(current, retired)) {
            for (District d : list) {
                codes.put(d.code(), d);
                regencies.computeIfAbsent(d.regency(), k -> new ArrayList<>()).add(d);
            }
        }
        this.byCode = Map.copyOf(codes);
        this.byRegency = regencies;
    }

    /** Reads both files from the classpath ({@link #CURRENT}, {@link #RETIRED}). */
    public static RegionCodes fromClasspath() {
        List<String[]> currentRows = read(CURRENT);
        List<String[]> retiredRows = read(RETIRED);
        Map<String, String> regencyNames = new HashMap<>();
        // Retired regency names first: the current edition's spelling wins where a regency is in both.
        addRegencyNames(retiredRows, regencyNames, true);
        addRegencyNames(currentRows, regencyNames, false);
        return new RegionCodes(districts(currentRows, regencyNames, false), districts(retiredRows, regencyNames, true));
    }

    /** Districts of the current edition, in file order. */
    public List<District> current() {
        return current;
    }

    /** Retired districts, in file order. */
    public List<District> retired() {
        return retired;
    }

    /** Whether a NIK may start with these six digits (current or retired district). */
    public boolean isKnown(String sixDigits) {
        return byCode.containsKey(sixDigits);
    }

    /** The district of six digits, or null when no edition lists it. */
    public District district(String sixDigits) {
        return byCode.get(sixDigits);
    }

    /** The districts of the regency or city named by four digits, current and retired. */
    public List<District> inRegency(String fourDigits) {
        return byRegency.getOrDefault(fourDigits, List.of());
    }

    private static void addRegencyNames(List<String[]> rows, Map<String, String> names, boolean upperCase) {
        for (String[] row : rows) {
            if ("2".equals(row[3])) {
                names.put(row[1], upperCase ? fromUpperCase(row[2]) : row[2].trim());
            }
        }
    }

    private static List<District> districts(List<String[]> rows, Map<String, String> regencyNames, boolean retired) {
        List<District> out = new ArrayList<>();
        for (String[] row : rows) {
            if ("3".equals(row[3])) {
                String code = row[1];
                String regency = regencyNames.get(code.substring(0, 4));
                if (regency == null) {
                    throw new IllegalStateException("district " + code + " has no regency in the reference files");
                }
                out.add(new District(code, regency, retired));
            }
        }
        return out;
    }

    /** Old editions print "KAB. BOVEN DIGOEL"; the current one writes "Kabupaten Boven Digoel". */
    static String fromUpperCase(String name) {
        String trimmed = name.trim();
        String rest = trimmed.startsWith("KAB. ") ? "Kabupaten " + trimmed.substring(5) : trimmed;
        StringBuilder out = new StringBuilder();
        for (String word : rest.split(" ")) {
            if (!word.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ")
                        .append(word.substring(0, 1).toUpperCase(Locale.ROOT))
                        .append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    /**
     * Rows as columns {@code code, code_digits, name, level, ...}. Both files are plain CSV without quoting (no
     * name holds a comma), which identity-service's reader relies on too.
     */
    private static List<String[]> read(String resource) {
        InputStream in = RegionCodes.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("reference file " + resource + " is missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("code,code_digits,")) {
                throw new IllegalStateException("reference file " + resource + " has an unexpected header");
            }
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",", -1);
                if (fields.length >= 4) {
                    rows.add(fields);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference file " + resource, e);
        }
    }
}
