package id.sinergi.identity.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The 6-digit district (kecamatan) codes a NIK may start with: those of the current Kemendagri edition and the
 * retired ones that NIKs issued before a regional split still carry. Immutable once loaded.
 */
public final class DistrictCodes {

    /** Current codes, all levels. */
    public static final String CURRENT = "reference/kode_wilayah_prov_kab_kec.csv";

    /** Codes of older editions that the current one no longer lists. */
    public static final String RETIRED = "reference/kode_wilayah_retired.csv";

    private static final String DISTRICT_LEVEL = "3";

    private final Set<String> codes;
    private final int current;
    private final int retired;

    private DistrictCodes(Set<String> currentCodes, Set<String> retiredCodes) {
        Set<String> all = new HashSet<>(currentCodes);
        all.addAll(retiredCodes);
        this.codes = Set.copyOf(all);
        this.current = currentCodes.size();
        this.retired = retiredCodes.size();
    }

    /** Reads both lists from the classpath ({@link #CURRENT}, {@link #RETIRED}). */
    public static DistrictCodes fromClasspath() {
        return new DistrictCodes(read(CURRENT), read(RETIRED));
    }

    /** Whether a NIK may start with these six digits. */
    public boolean isKnown(String sixDigits) {
        return codes.contains(sixDigits);
    }

    /** How many codes are known, current and retired. */
    public int size() {
        return codes.size();
    }

    public int currentCount() {
        return current;
    }

    public int retiredCount() {
        return retired;
    }

    /**
     * The {@code code_digits} of the level-3 rows. Both files name their columns in the header, without quoting
     * (checked when they were copied in), so a plain split suffices.
     */
    private static Set<String> read(String resource) {
        ClassLoader loader = DistrictCodes.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("reference file " + resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = List.of(reader.readLine().split(","));
            int digits = column(header, "code_digits", resource);
            int level = column(header, "level", resource);
            Set<String> codes = new HashSet<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",", -1);
                if (fields.length == header.size() && DISTRICT_LEVEL.equals(fields[level])) {
                    codes.add(requireSixDigits(fields[digits], resource));
                }
            }
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference file " + resource, e);
        }
    }

    private static int column(List<String> header, String name, String resource) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException("reference file " + resource + " has no column " + name);
        }
        return index;
    }

    private static String requireSixDigits(String code, String resource) {
        if (!code.matches("[0-9]{6}")) {
            throw new IllegalStateException("reference file " + resource + " has a district code that is not 6 digits");
        }
        return code;
    }
}
