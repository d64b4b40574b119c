package id.sinergi.identity.matching.eval;

import id.sinergi.identity.matching.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Synthetic placements for SISKOP2MI rows: agency (P3MI), employer, job and contract dates. */
final class Placements {

    private static final List<String> AGENCY_WORDS = List.of(
            "Karya",
            "Mandiri",
            "Sejahtera",
            "Bina",
            "Insani",
            "Putra",
            "Utama",
            "Jaya",
            "Abadi",
            "Mitra",
            "Tenaga",
            "Nusantara",
            "Sentosa",
            "Makmur",
            "Amanah",
            "Barokah",
            "Cipta",
            "Duta",
            "Graha",
            "Lestari",
            "Prima",
            "Sinar",
            "Surya",
            "Harapan",
            "Bangun",
            "Mulia",
            "Citra",
            "Sarana",
            "Anugerah",
            "Perkasa");

    private static final List<String> COMPANY_WORDS = List.of(
            "Golden",
            "Harmony",
            "Pacific",
            "Evergreen",
            "Sunrise",
            "Lotus",
            "Summit",
            "Ocean",
            "Silver",
            "Jade",
            "Bright",
            "Unity",
            "Maple",
            "Crystal",
            "Orchid",
            "Phoenix",
            "Pearl",
            "Coral",
            "Delta",
            "Horizon");

    private static final List<String> TRADES =
            List.of("Textile", "Electronics", "Plantation", "Foods", "Metal", "Fishery", "Plastics", "Logistics");

    private static final Map<String, String> COMPANY_SUFFIX = Map.of(
            "MY",
            "Sdn. Bhd.",
            "SG",
            "Pte. Ltd.",
            "TW",
            "Co., Ltd.",
            "KR",
            "Co., Ltd.",
            "JP",
            "K.K.",
            "BN",
            "Sdn. Bhd.",
            "HK",
            "Ltd.");

    /** Household employers' family names by region; combined with a given name they name no one in particular. */
    private static final List<String> CHINESE = List.of("Chen", "Lin", "Huang", "Wong", "Cheung", "Lau", "Tan", "Lim");

    private static final List<String> CHINESE_GIVEN =
            List.of("Mei Ling", "Wei Jie", "Shu Fen", "Kok Wai", "Ka Yan", "Chun Hao", "Siew Lan", "Ah Meng");

    private static final List<String> ARABIC = List.of("Al-Harbi", "Al-Qahtani", "Al-Otaibi", "Al-Shammari");

    private static final List<String> ARABIC_GIVEN = List.of("Faisal", "Nasser", "Khalid", "Saad", "Turki");

    private static final List<String> EUROPEAN = List.of("Rossi", "Bianchi", "Yilmaz", "Demir", "Ferrari");

    private static final List<String> EUROPEAN_GIVEN = List.of("Giulia", "Marco", "Ayse", "Mehmet", "Paola");

    private static final Set<String> DOMESTIC_WORK = Set.of("TW", "HK", "SG", "MY", "SA", "BN", "IT", "TR");

    /** Domestic work and elderly care: the worker's employer is a household, not a company. */
    private static final String HOUSEHOLD = "Penata Laksana Rumah Tangga";

    private static final String CARE = "Perawat Lansia";

    private final Random random;
    private final List<String> agencies = new ArrayList<>();

    Placements(Random random) {
        this.random = random;
        for (int i = 0; i < 150; i++) {
            List<String> words = new ArrayList<>(AGENCY_WORDS);
            Collections.shuffle(words, random);
            agencies.add("PT " + String.join(" ", words.subList(0, random.nextBoolean() ? 2 : 3)));
        }
    }

    /** A placement: departure one to eight months after the passport, a two-year contract (three in KR and JP). */
    ExportRow.Placement next(Person person, LocalDate passportIssued) {
        LocalDate departure = passportIssued.plusDays(30 + random.nextInt(210));
        String country = person.destinationCountry();
        int years = country.equals("KR") || country.equals("JP") ? 3 : 2;
        String occupation = occupation(person.sex(), country);
        String employer =
                occupation.equals(HOUSEHOLD) || occupation.equals(CARE) ? household(country) : company(country);
        return new ExportRow.Placement(
                employer, Names.pick(agencies, random), occupation, departure, departure.plusYears(years));
    }

    /** Where the worker stands on the export date: not yet left, abroad, or back after the contract. */
    static String phase(ExportRow.Placement placement, LocalDate exportDate) {
        if (placement.departureDate().isAfter(exportDate)) {
            return "PRE_DEPARTURE";
        }
        return placement.contractEndDate().isBefore(exportDate) ? "RETURNED" : "ABROAD";
    }

    private String occupation(Sex sex, String country) {
        if (!DOMESTIC_WORK.contains(country)) {
            return random.nextBoolean() ? "Operator Produksi" : "Pekerja Manufaktur";
        }
        double draw = random.nextDouble();
        if (sex == Sex.F) {
            return draw < 0.6 ? HOUSEHOLD : draw < 0.85 ? CARE : "Operator Produksi";
        }
        List<String> men = List.of(
                "Operator Produksi",
                "Pekerja Perkebunan",
                "Pekerja Konstruksi",
                "Anak Buah Kapal Perikanan",
                "Pengemudi");
        return Names.pick(men, random);
    }

    private String household(String country) {
        if (country.equals("SA")) {
            return Names.pick(ARABIC_GIVEN, random) + " " + Names.pick(ARABIC, random);
        }
        if (country.equals("IT") || country.equals("TR")) {
            return Names.pick(EUROPEAN_GIVEN, random) + " " + Names.pick(EUROPEAN, random);
        }
        return Names.pick(CHINESE, random) + " " + Names.pick(CHINESE_GIVEN, random);
    }

    private String company(String country) {
        return Names.pick(COMPANY_WORDS, random) + " " + Names.pick(TRADES, random) + " "
                + COMPANY_SUFFIX.getOrDefault(country, "Ltd.");
    }
}
