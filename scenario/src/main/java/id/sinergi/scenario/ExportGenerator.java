package id.sinergi.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Makes the scenario's two source exports from the real region codes: a SiskoP2MI placement export and a Peduli
 * WNI self-registration (lapor diri) export, as CSV with the columns those systems use, plus a truth file that
 * says what each row is (so the scenario can check what the suite did with it).
 *
 * <p>Many workers appear in both files, some with their name mistyped or spelled another way in the second;
 * some register only with Peduli WNI (placed outside the legal procedure); a few NIKs carry a birth date that
 * disagrees with the declared one (such NIKs exist). Invalid rows cover a malformed NIK, an unknown district,
 * an impossible NIK date, an impossible or future birth date, and empty required fields. The same seed gives
 * the same files.
 */
public final class ExportGenerator {

    /** Columns of the SiskoP2MI placement export. */
    public static final List<String> SISKO_COLUMNS = List.of(
            "id_pmi",
            "nik",
            "nomor_paspor",
            "nama_lengkap",
            "tanggal_lahir",
            "jenis_kelamin",
            "negara_tujuan",
            "status_penempatan",
            "p3mi",
            "pemberi_kerja",
            "jabatan",
            "tanggal_keberangkatan",
            "tanggal_akhir_kontrak");

    /** Columns of the Peduli WNI self-registration export. */
    public static final List<String> PEDULI_COLUMNS = List.of(
            "id_lapor_diri",
            "nik",
            "nomor_paspor",
            "nama",
            "tanggal_lahir",
            "jenis_kelamin",
            "negara",
            "kota",
            "status");

    private static final String[] MALE = {
        "Agus",
        "Budi",
        "Dedi",
        "Eko",
        "Fajar",
        "Hendra",
        "Irfan",
        "Joko",
        "Rudi",
        "Slamet",
        "Wahyu",
        "Yusuf",
        "Ahmad",
        "Muhammad",
        "Rizki",
        "Arif",
        "Bambang",
        "Dimas",
        "Heru",
        "Suparman",
        "Teguh",
        "Sutrisno",
        "Yanto",
        "Iwan",
        "Andi",
        "Supriyadi",
        "Darmaji",
        "Cahyadi",
        "Junaedi",
        "Kusnadi"
    };
    private static final String[] FEMALE = {
        "Siti",
        "Sri",
        "Dewi",
        "Nur",
        "Rina",
        "Wati",
        "Yuni",
        "Lestari",
        "Ratna",
        "Sari",
        "Fitri",
        "Indah",
        "Ani",
        "Ida",
        "Tuti",
        "Endang",
        "Suminah",
        "Kartini",
        "Rohmah",
        "Aisyah",
        "Nurhayati",
        "Eka",
        "Dian",
        "Wulan",
        "Juwariyah",
        "Sumiati",
        "Cucu",
        "Tarsih",
        "Karsinah",
        "Warsini"
    };
    private static final String[] SECOND = {
        "Susanto",
        "Wijaya",
        "Hidayat",
        "Saputra",
        "Rahayu",
        "Handayani",
        "Setiawan",
        "Purnomo",
        "Kusuma",
        "Nugroho",
        "Santoso",
        "Hartono",
        "Pratama",
        "Permata",
        "Maharani",
        "Wibowo",
        "Siregar",
        "Nasution",
        "Lubis",
        "Harahap",
        "Sinaga",
        "Aminah",
        "Rohayati",
        "Suryani",
        "Jaelani",
        "Mulyani",
        "Ningsih",
        "Fauzi"
    };
    private static final String[] FATHERS = {"Kasan", "Sarmin", "Darsono", "Karta", "Rasim", "Tarmudji"};
    private static final String[] AGENCIES = {
        "PT Bina Karya Mandiri",
        "PT Duta Sarana Tenaga",
        "PT Mitra Sejahtera Abadi",
        "PT Karya Insan Perkasa",
        "PT Surya Jaya Utama"
    };
    private static final String[] EMPLOYERS = {
        "Household employer",
        "Lim Family",
        "Chen Household",
        "Al-Harbi Family",
        "Sunrise Electronics Sdn Bhd",
        "Golden Palm Plantation",
        "Harbour Care Home",
        "Daehan Manufacturing Co"
    };
    private static final String[] JOBS = {
        "Penata laksana rumah tangga (domestic worker)",
        "Perawat lansia (caregiver)",
        "Operator pabrik (factory" + " operator)",
        "Pekerja perkebunan (plantation worker)",
        "Anak buah kapal (ship crew)"
    };
    /** A city where workers of each destination live, for the lapor diri address. */
    private static final Map<String, String> CITIES = Map.of(
            "MY", "Kuala Lumpur",
            "TW", "Taichung",
            "HK", "Hong Kong",
            "KR", "Ansan",
            "JP", "Osaka",
            "SG", "Singapore",
            "SA", "Riyadh",
            "IT", "Milano",
            "BN", "Bandar Seri Begawan",
            "TR", "Istanbul");

    private final ReferenceData reference;
    private final Random random;
    private final Set<String> usedNiks = new HashSet<>();
    private int passportSerial = 1_000_000;

    public ExportGenerator(ReferenceData reference, long seed) {
        this.reference = reference;
        this.random = new Random(seed);
    }

    /** A worker as the generator made them; the ground truth the scenario checks the suite against. */
    public record Person(
            int key,
            String nik,
            String passport,
            String fullName,
            LocalDate birthDate,
            String sex,
            String country,
            String siskoPhase,
            boolean nikDateMismatch) {}

    /** One generated row and what it should lead to. */
    public record Row(Map<String, String> values, Integer personKey, String invalidBecause) {}

    /** The two exports and their truth. */
    public record Exports(List<Person> people, List<Row> sisko, List<Row> peduli) {

        /** People with a valid row in both exports: the suite must link each of them into one worker. */
        public long expectedCrossSourceLinks() {
            Set<Integer> inSisko = new HashSet<>();
            sisko.stream().filter(r -> r.personKey() != null).forEach(r -> inSisko.add(r.personKey()));
            return peduli.stream()
                    .filter(r -> r.personKey() != null)
                    .map(Row::personKey)
                    .filter(inSisko::contains)
                    .distinct()
                    .count();
        }

        /** Rows that the suite must reject, by the reason the generator made them invalid. */
        public Map<String, Long> expectedRejections() {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Row row : concat()) {
                if (row.invalidBecause() != null) {
                    counts.merge(row.invalidBecause(), 1L, Long::sum);
                }
            }
            return counts;
        }

        public List<Row> concat() {
            List<Row> all = new ArrayList<>(sisko);
            all.addAll(peduli);
            return all;
        }
    }

    /**
     * Generates the exports.
     *
     * @param workers how many workers SiskoP2MI placed (the Peduli-only ones come on top, about an eighth more)
     */
    public Exports generate(int workers) {
        List<Person> people = new ArrayList<>();
        List<Row> sisko = new ArrayList<>();
        List<Row> peduli = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Person p = person(i, pickPhase());
            people.add(p);
            sisko.add(new Row(siskoRow(p), p.key(), null));
            boolean abroadOnce = !p.siskoPhase().equals("PRA_PENEMPATAN");
            if (abroadOnce && random.nextDouble() < 0.75) {
                peduli.add(new Row(peduliRow(p, random.nextDouble() < 0.15), p.key(), null));
            }
        }
        int peduliOnly = Math.max(1, workers / 8);
        for (int i = 0; i < peduliOnly; i++) {
            Person p = person(workers + i, "PENEMPATAN");
            people.add(p);
            peduli.add(new Row(peduliRow(p, false), p.key(), null));
        }
        int invalid = Math.max(7, workers / 20);
        for (int i = 0; i < invalid; i++) {
            String reason = INVALID_REASONS[i % INVALID_REASONS.length];
            Person p = person(-1 - i, "PENEMPATAN");
            // SiskoP2MI records every worker with a NIK; a Peduli WNI record without one is a provisional worker.
            boolean toSisko = i % 2 == 0 || reason.equals("empty-nik");
            Map<String, String> values = toSisko ? siskoRow(p) : peduliRow(p, false);
            spoil(values, reason, toSisko ? "nama_lengkap" : "nama");
            (toSisko ? sisko : peduli).add(new Row(values, null, reason));
        }
        return new Exports(people, sisko, peduli);
    }

    /** How the generator spoils a row, each a failure the suite must name. */
    static final String[] INVALID_REASONS = {
        "nik-format",
        "unknown-district",
        "nik-date",
        "impossible-birth-date",
        "future-birth-date",
        "empty-name",
        "empty-nik"
    };

    private void spoil(Map<String, String> row, String reason, String nameColumn) {
        String nik = row.get("nik");
        switch (reason) {
            case "nik-format" -> row.put("nik", nik.substring(0, 15));
            case "unknown-district" -> row.put("nik", "99" + nik.substring(2));
            case "nik-date" -> row.put("nik", nik.substring(0, 6) + "32" + nik.substring(8));
            case "impossible-birth-date" -> row.put("tanggal_lahir", "1994-02-30");
            case "future-birth-date" ->
                row.put("tanggal_lahir", LocalDate.now().plusYears(3).toString());
            case "empty-name" -> row.put(nameColumn, "");
            case "empty-nik" -> row.put("nik", "");
            default -> throw new IllegalArgumentException(reason);
        }
    }

    private String pickPhase() {
        double r = random.nextDouble();
        return r < 0.15 ? "PRA_PENEMPATAN" : r < 0.85 ? "PENEMPATAN" : "PURNA";
    }

    private Person person(int key, String phase) {
        boolean female = random.nextDouble() < 0.6;
        String sex = female ? "P" : "L";
        String name = name(female);
        LocalDate birth = LocalDate.of(1975 + random.nextInt(30), 1 + random.nextInt(12), 1)
                .plusDays(random.nextInt(28));
        boolean mismatch = random.nextDouble() < 0.03;
        LocalDate nikDate = mismatch ? birth.plusDays(1 + random.nextInt(3)) : birth;
        List<String> districts = random.nextDouble() < 0.03 ? reference.retiredDistricts() : reference.districts();
        String nik;
        do {
            String district = districts.get(random.nextInt(districts.size()));
            int day = nikDate.getDayOfMonth() + (female ? 40 : 0);
            nik = district
                    + String.format("%02d%02d%02d", day, nikDate.getMonthValue(), nikDate.getYear() % 100)
                    + String.format("%04d", 1 + random.nextInt(999));
        } while (!usedNiks.add(nik));
        return new Person(key, nik, passport(), name, birth, sex, destination(), phase, mismatch);
    }

    private String name(boolean female) {
        String given = female ? FEMALE[random.nextInt(FEMALE.length)] : MALE[random.nextInt(MALE.length)];
        double r = random.nextDouble();
        if (r < 0.2) {
            return given;
        }
        String name = given + " " + SECOND[random.nextInt(SECOND.length)];
        if (r > 0.95) {
            name += (female ? " binti " : " bin ") + FATHERS[random.nextInt(FATHERS.length)];
        }
        return name;
    }

    private String passport() {
        char series = "ABCEX".charAt(random.nextInt(5));
        return series + String.format("%07d", passportSerial++);
    }

    private String destination() {
        int total = reference.destinations().stream()
                .mapToInt(ReferenceData.Destination::placements)
                .sum();
        int pick = random.nextInt(total);
        for (ReferenceData.Destination d : reference.destinations()) {
            pick -= d.placements();
            if (pick < 0) {
                return d.countryIso2();
            }
        }
        return "MY";
    }

    private Map<String, String> siskoRow(Person p) {
        Map<String, String> row = new LinkedHashMap<>();
        LocalDate departure = LocalDate.now().minusDays(30 + random.nextInt(900));
        row.put("id_pmi", "PMI-" + String.format("%07d", 100_000 + Math.abs(p.key()) * 7 + (p.key() < 0 ? 1 : 0)));
        row.put("nik", p.nik());
        row.put("nomor_paspor", p.passport());
        row.put("nama_lengkap", p.fullName().toUpperCase());
        row.put("tanggal_lahir", p.birthDate().toString());
        row.put("jenis_kelamin", p.sex());
        row.put("negara_tujuan", p.country());
        row.put("status_penempatan", p.siskoPhase());
        row.put("p3mi", AGENCIES[random.nextInt(AGENCIES.length)]);
        row.put("pemberi_kerja", EMPLOYERS[random.nextInt(EMPLOYERS.length)]);
        row.put("jabatan", JOBS[random.nextInt(JOBS.length)]);
        row.put("tanggal_keberangkatan", departure.toString());
        row.put("tanggal_akhir_kontrak", departure.plusYears(2).toString());
        return row;
    }

    private Map<String, String> peduliRow(Person p, boolean renewedPassport) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id_lapor_diri", "LD-" + (p.key() < 0 ? "X" : "") + String.format("%06d", 500_000 + Math.abs(p.key())));
        row.put("nik", p.nik());
        row.put("nomor_paspor", renewedPassport ? passport() : p.passport());
        row.put("nama", random.nextDouble() < 0.15 ? NameVariants.vary(p.fullName(), random) : p.fullName());
        row.put("tanggal_lahir", p.birthDate().toString());
        row.put("jenis_kelamin", p.sex());
        row.put("negara", p.country());
        row.put("kota", CITIES.getOrDefault(p.country(), ""));
        row.put("status", "DI_LUAR_NEGERI");
        return row;
    }

    /** Writes both exports and the truth file into the directory; returns the paths of the two CSV files. */
    public static List<Path> write(Exports exports, Path dir) {
        try {
            Files.createDirectories(dir);
            Path sisko = dir.resolve("siskop2mi-placements.csv");
            Path peduli = dir.resolve("peduli-wni-lapor-diri.csv");
            writeCsv(sisko, SISKO_COLUMNS, exports.sisko());
            writeCsv(peduli, PEDULI_COLUMNS, exports.peduli());
            Map<String, Object> truth = new LinkedHashMap<>();
            truth.put("people", exports.people().size());
            truth.put("siskoRows", exports.sisko().size());
            truth.put("peduliRows", exports.peduli().size());
            truth.put("expectedCrossSourceLinks", exports.expectedCrossSourceLinks());
            truth.put("expectedRejections", exports.expectedRejections());
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(dir.resolve("truth.json").toFile(), truth);
            return List.of(sisko, peduli);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the exports into " + dir, e);
        }
    }

    private static void writeCsv(Path file, List<String> columns, List<Row> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        List<Map<String, String>> values = rows.stream().map(Row::values).toList();
        new CsvMapper()
                .writer(schema.build())
                .writeValues(file.toFile())
                .writeAll(values)
                .close();
    }
}
