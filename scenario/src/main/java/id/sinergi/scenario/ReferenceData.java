package id.sinergi.scenario;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import id.sinergi.devstack.RepoPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The public reference data the generator builds its exports from: the services' own copies of the Kemendagri
 * region codes, the missions and the case categories, and the placement figures of this module.
 *
 * @param districts current six-digit district (kecamatan) codes
 * @param retiredDistricts district codes of older editions that old NIKs still carry
 * @param missions mission id and host country
 * @param categories complaint category codes
 * @param destinations ISO country code and 2023 placements, the weights of the workers' destinations
 */
public record ReferenceData(
        List<String> districts,
        List<String> retiredDistricts,
        List<Mission> missions,
        List<String> categories,
        List<Destination> destinations) {

    /** An Indonesian mission abroad. */
    public record Mission(String id, String type, String countryIso2) {}

    /** A destination country and how many workers went there in 2023. */
    public record Destination(String countryIso2, int placements) {}

    public static ReferenceData load() {
        Path identityRef = RepoPaths.root().resolve("identity-matching/src/main/resources/reference");
        Path caseRef = RepoPaths.root().resolve("case-service/src/main/resources/reference");
        List<String> districts = new ArrayList<>();
        for (Map<String, String> row : read(identityRef.resolve("kode_wilayah_prov_kab_kec.csv"))) {
            if ("3".equals(row.get("level"))) {
                districts.add(row.get("code_digits"));
            }
        }
        List<String> retired = new ArrayList<>();
        for (Map<String, String> row : read(identityRef.resolve("kode_wilayah_retired.csv"))) {
            if ("3".equals(row.get("level"))) {
                retired.add(row.get("code_digits"));
            }
        }
        List<Mission> missions = new ArrayList<>();
        for (Map<String, String> row : read(caseRef.resolve("perwakilan_ri_missions.csv"))) {
            missions.add(new Mission(row.get("mission_id"), row.get("type"), row.get("country_iso2")));
        }
        List<String> categories = new ArrayList<>();
        for (Map<String, String> row : read(caseRef.resolve("complaint_categories.csv"))) {
            categories.add(row.get("category_code"));
        }
        List<Destination> destinations = new ArrayList<>();
        try (InputStream in = ReferenceData.class.getResourceAsStream("/data/pmi_placements_by_destination.csv")) {
            for (Map<String, String> row : read(in)) {
                boolean topTen2023 = "2023-01-01".equals(row.get("period_start"))
                        && "2023-12-31".equals(row.get("period_end"))
                        && row.get("rank").matches("\\d+");
                if (topTen2023 && !row.get("destination_iso2").isBlank()) {
                    destinations.add(
                            new Destination(row.get("destination_iso2"), Integer.parseInt(row.get("placements"))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReferenceData(districts, retired, missions, categories, destinations);
    }

    /** The mission that handles cases in a country: its embassy (or the office in HK and TW), else none. */
    public String missionFor(String countryIso2) {
        return missions.stream()
                .filter(m -> m.countryIso2().equals(countryIso2))
                .filter(m -> !m.type().equals("PTRI"))
                .sorted((a, b) ->
                        Boolean.compare(!a.type().equals("KBRI"), !b.type().equals("KBRI")))
                .map(Mission::id)
                .findFirst()
                .orElse(null);
    }

    /** Every mission in a country except the one {@link #missionFor} returns: consulates that share the load. */
    public List<String> otherMissionsIn(String countryIso2) {
        String main = missionFor(countryIso2);
        return missions.stream()
                .filter(m -> m.countryIso2().equals(countryIso2) && !m.id().equals(main))
                .filter(m -> m.type().equals("KJRI") || m.type().equals("KRI"))
                .map(Mission::id)
                .toList();
    }

    private static List<Map<String, String>> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<Map<String, String>> read(InputStream in) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows =
                mapper.readerForMapOf(String.class).with(schema).readValues(in)) {
            return rows.readAll();
        }
    }
}
