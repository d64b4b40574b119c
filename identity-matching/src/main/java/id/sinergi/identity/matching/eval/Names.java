package id.sinergi.identity.matching.eval;

import id.sinergi.identity.matching.Sex;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Built-in lists of common Indonesian name parts by naming tradition, combined at random: no list holds a full
 * name, so no generated person is a real one.
 */
final class Names {

    /** A naming tradition: where a person comes from decides which names they carry and whether a family name. */
    enum Culture {
        /** Central and East Java, and transmigrants elsewhere: often one name, no family name. */
        JAVANESE(
                List.of(
                        "Agus",
                        "Budi",
                        "Joko",
                        "Slamet",
                        "Sugeng",
                        "Bambang",
                        "Eko",
                        "Teguh",
                        "Sutrisno",
                        "Suparman",
                        "Supriyadi",
                        "Sugianto",
                        "Darmawan",
                        "Mulyadi",
                        "Sukirman",
                        "Sarno",
                        "Tukiman",
                        "Yanto",
                        "Heri",
                        "Suyanto",
                        "Puji",
                        "Nanang",
                        "Cahyo",
                        "Wahyu",
                        "Hadi",
                        "Dwi",
                        "Tri"),
                List.of(
                        "Sri",
                        "Dewi",
                        "Yuliani",
                        "Sumiati",
                        "Suryani",
                        "Wati",
                        "Lestari",
                        "Endang",
                        "Sulastri",
                        "Suminah",
                        "Tuminah",
                        "Sarinah",
                        "Kartini",
                        "Rukmini",
                        "Partini",
                        "Painem",
                        "Ngatini",
                        "Winarsih",
                        "Warsini",
                        "Sunarti",
                        "Tukinah",
                        "Yuyun",
                        "Rahayu",
                        "Susanti",
                        "Murni",
                        "Hartini",
                        "Wahyuni",
                        "Tarsih",
                        "Kasih"),
                List.of(
                        "Santoso",
                        "Wibowo",
                        "Nugroho",
                        "Prasetyo",
                        "Susanto",
                        "Utomo",
                        "Setiawan",
                        "Kurniawan",
                        "Purnomo",
                        "Sutanto",
                        "Suryadi",
                        "Handayani",
                        "Wulandari",
                        "Rahmawati",
                        "Ningsih",
                        "Safitri",
                        "Yulianti",
                        "Lestari",
                        "Purnamasari",
                        "Mulyani"),
                true),
        /** West Java and Banten. */
        SUNDANESE(
                List.of(
                        "Asep", "Ujang", "Dadang", "Cecep", "Yayan", "Dedi", "Wawan", "Iwan", "Udin", "Ade", "Deden",
                        "Engkos", "Jajang", "Rahmat", "Hendra", "Dani"),
                List.of(
                        "Euis",
                        "Neneng",
                        "Cucu",
                        "Iis",
                        "Titin",
                        "Enok",
                        "Juariah",
                        "Komariah",
                        "Nining",
                        "Imas",
                        "Cicih",
                        "Entin",
                        "Yati",
                        "Nani",
                        "Lilis",
                        "Ai"),
                List.of(
                        "Hidayat",
                        "Permana",
                        "Suherman",
                        "Gunawan",
                        "Hermawan",
                        "Kurniawan",
                        "Sopian",
                        "Nurjaman",
                        "Setiadi",
                        "Rohaeti",
                        "Maryani",
                        "Kurniasih",
                        "Hidayati",
                        "Sumarni"),
                true),
        /** Sasak, Malay, Minang, Bugis and other Muslim traditions: Arabic-origin names, often Muhammad or Siti. */
        MUSLIM(
                List.of(
                        "Ahmad",
                        "Abdul",
                        "Hasan",
                        "Husein",
                        "Ismail",
                        "Ibrahim",
                        "Zainal",
                        "Ramli",
                        "Junaidi",
                        "Samsul",
                        "Rohman",
                        "Mukhlis",
                        "Khairul",
                        "Sahrul",
                        "Badrun",
                        "Ruslan",
                        "Amir",
                        "Ilyas",
                        "Yahya",
                        "Yusuf",
                        "Imam",
                        "Lukman",
                        "Syaiful",
                        "Taufik",
                        "Fauzi",
                        "Umar",
                        "Usman",
                        "Ali",
                        "Zulkifli",
                        "Mahmud",
                        "Kholil",
                        "Jamal",
                        "Ridwan",
                        "Arif",
                        "Rizki",
                        "Hamzah"),
                List.of(
                        "Aminah",
                        "Fatimah",
                        "Khadijah",
                        "Aisyah",
                        "Maryam",
                        "Halimah",
                        "Zubaidah",
                        "Habibah",
                        "Salmah",
                        "Maimunah",
                        "Zaenab",
                        "Nurul",
                        "Khotimah",
                        "Sholikhah",
                        "Musrifah",
                        "Rohmah",
                        "Umi",
                        "Nurhayati",
                        "Juwariyah",
                        "Umayah",
                        "Hasanah",
                        "Rahmah",
                        "Hafsah",
                        "Saodah"),
                List.of(
                        "Hamid",
                        "Rasyid",
                        "Latif",
                        "Karim",
                        "Sulaiman",
                        "Zakaria",
                        "Mansur",
                        "Syamsudin",
                        "Effendi",
                        "Anshori",
                        "Sholeh",
                        "Bahar",
                        "Ramadhan",
                        "Maulana",
                        "Firmansyah",
                        "Syahputra",
                        "Hasanah",
                        "Junaedi",
                        "Hakim",
                        "Rohani",
                        "Fitriani",
                        "Anggraini"),
                true),
        /** North Sumatra: a clan name (marga) always follows; given names often Christian. */
        BATAK(
                List.of(
                        "Yohanes",
                        "Petrus",
                        "Markus",
                        "Yosef",
                        "Hendra",
                        "Rudi",
                        "Anton",
                        "Jonter",
                        "Hotman",
                        "Parlindungan",
                        "Sahat",
                        "Togar",
                        "Benny",
                        "Roy"),
                List.of(
                        "Maria",
                        "Yuliana",
                        "Agustina",
                        "Theresia",
                        "Rosita",
                        "Novita",
                        "Desi",
                        "Erna",
                        "Tuti",
                        "Rumondang",
                        "Tiurma",
                        "Lamria",
                        "Rosmawati",
                        "Nurmaida"),
                List.of(
                        "Siregar",
                        "Simanjuntak",
                        "Nasution",
                        "Lubis",
                        "Harahap",
                        "Sitompul",
                        "Hutapea",
                        "Panjaitan",
                        "Manurung",
                        "Sinaga",
                        "Tambunan",
                        "Ginting",
                        "Sembiring",
                        "Tarigan",
                        "Pardede",
                        "Situmorang",
                        "Sihombing",
                        "Hasibuan",
                        "Ritonga",
                        "Marpaung",
                        "Daulay",
                        "Pohan",
                        "Batubara",
                        "Rangkuti",
                        "Simbolon",
                        "Sitorus"),
                false),
        /** Nusa Tenggara Timur, Maluku and Papua: Christian given names and a clan name. */
        EASTERN(
                List.of(
                        "Yohanes",
                        "Petrus",
                        "Markus",
                        "Yosef",
                        "Kornelis",
                        "Fransiskus",
                        "Agustinus",
                        "Yakobus",
                        "Stefanus",
                        "Aloysius",
                        "Paulus",
                        "Daniel",
                        "Yonas",
                        "Melkias"),
                List.of(
                        "Maria",
                        "Yuliana",
                        "Agustina",
                        "Theresia",
                        "Margareta",
                        "Yosefina",
                        "Fransiska",
                        "Elisabet",
                        "Martha",
                        "Veronika",
                        "Katarina",
                        "Selfina",
                        "Oktovina"),
                List.of(
                        "Manafe",
                        "Tefa",
                        "Bria",
                        "Nope",
                        "Lakapu",
                        "Pello",
                        "Pandie",
                        "Dethan",
                        "Zebua",
                        "Halawa",
                        "Laia",
                        "Gulo",
                        "Wenda",
                        "Kogoya",
                        "Tabuni",
                        "Mote",
                        "Rumbiak",
                        "Kambu",
                        "Latumahina",
                        "Pattinama",
                        "Tuhumury",
                        "Leiwakabessy"),
                false),
        /** Bali: I or Ni, a birth-order name, then a given name; no family name. */
        BALINESE(
                List.of(
                        "Sudarsana",
                        "Artawan",
                        "Suardana",
                        "Wirawan",
                        "Suarjana",
                        "Sukadana",
                        "Adnyana",
                        "Mertayasa",
                        "Sutama",
                        "Widiana",
                        "Darmayasa"),
                List.of(
                        "Suartini",
                        "Sriasih",
                        "Ariani",
                        "Sukerti",
                        "Suryani",
                        "Wahyuni",
                        "Astiti",
                        "Sudiani",
                        "Ayu",
                        "Sari",
                        "Muliani"),
                List.of(),
                false),
        /** Names given across the country to those born since the 1990s. */
        MODERN(
                List.of(
                        "Aditya", "Bayu", "Dimas", "Gilang", "Reza", "Fajar", "Irfan", "Ilham", "Rizky", "Andika",
                        "Arya", "Dony", "Fikri", "Galih", "Yoga"),
                List.of(
                        "Putri", "Ayu", "Indah", "Wulan", "Mega", "Nia", "Eka", "Ika", "Siska", "Novita", "Dewi",
                        "Ratna", "Rina", "Lina", "Fitri", "Intan", "Anisa", "Dinda"),
                List.of(
                        "Pratama",
                        "Saputra",
                        "Saputri",
                        "Wijaya",
                        "Kusuma",
                        "Permana",
                        "Pratiwi",
                        "Kartika",
                        "Maharani",
                        "Anggraeni",
                        "Ramadhani",
                        "Putra",
                        "Permatasari",
                        "Aprilia"),
                true);

        private final List<String> male;
        private final List<String> female;
        private final List<String> family;
        private final boolean singleNames;

        Culture(List<String> male, List<String> female, List<String> family, boolean singleNames) {
            this.male = male;
            this.female = female;
            this.family = family;
            this.singleNames = singleNames;
        }

        List<String> given(Sex sex) {
            return sex == Sex.M ? male : female;
        }

        List<String> family() {
            return family;
        }

        /** Whether persons of this tradition may have one name only. */
        boolean singleNames() {
            return singleNames;
        }

        /** Whether Muhammad and Siti open many names of this tradition. */
        boolean arabicPrefixes() {
            return this == JAVANESE || this == SUNDANESE || this == MUSLIM;
        }
    }

    /** Balinese birth-order names: first, second, third and fourth child. */
    static final List<String> BALINESE_ORDER = List.of("Wayan", "Putu", "Made", "Kadek", "Nyoman", "Komang", "Ketut");

    /**
     * Name parts many persons share at the start of a name; two relatives both called "Siti ..." or "I Wayan ..."
     * still have different names.
     */
    static final List<String> SHARED_PREFIXES = List.of(
            "Muhammad", "Siti", "I", "Ni", "Luh", "Wayan", "Putu", "Made", "Kadek", "Nyoman", "Komang", "Ketut");

    /** Degrees that come and go between registrations; the hajj honorifics H. and Hj. are added apart. */
    static final List<String> DEGREES = List.of("S.Pd.", "S.E.", "S.Kom.", "S.H.", "A.Md.");

    /** Arabic-origin names and other spellings of them seen in civil and passport records. */
    static final Map<String, List<String>> VARIANTS = Map.ofEntries(
            Map.entry(
                    "Muhammad",
                    List.of("Muhamad", "Mohammad", "Mohamad", "Muhammed", "Moh.", "Moch.", "Mochammad", "Muh.", "M.")),
            Map.entry("Ahmad", List.of("Achmad", "Akhmad")),
            Map.entry("Yusuf", List.of("Yusup", "Jusuf")),
            Map.entry("Abdul", List.of("Abd.")),
            Map.entry("Nurul", List.of("Noorul")),
            Map.entry("Siti", List.of("Sitti")),
            Map.entry("Rohman", List.of("Rachman", "Rahman")),
            Map.entry("Fatimah", List.of("Fatima")),
            Map.entry("Aisyah", List.of("Aishah", "Aisah")),
            Map.entry("Khadijah", List.of("Hadijah", "Chadijah")),
            Map.entry("Rizki", List.of("Rizky", "Rizqi", "Rezki")),
            Map.entry("Syaiful", List.of("Saiful")),
            Map.entry("Zainal", List.of("Zaenal")),
            Map.entry("Zaenab", List.of("Zainab")),
            Map.entry("Hasan", List.of("Hassan")),
            Map.entry("Husein", List.of("Husin", "Hussein")),
            Map.entry("Ibrahim", List.of("Ibrohim")),
            Map.entry("Usman", List.of("Utsman")),
            Map.entry("Khotimah", List.of("Hotimah", "Chotimah")),
            Map.entry("Sholikhah", List.of("Solikhah", "Sholichah")),
            Map.entry("Hamzah", List.of("Hamsah")),
            Map.entry("Saodah", List.of("Sa'odah")));

    private Names() {}

    /**
     * Rough weights of the traditions in each province of origin, an assumption for realism; provinces not listed
     * are mostly Muslim with modern names.
     */
    static Culture cultureOf(String province, Random random) {
        double draw = random.nextDouble();
        return switch (province) {
            case "33", "34", "35" -> draw < 0.8 ? Culture.JAVANESE : draw < 0.95 ? Culture.MUSLIM : Culture.MODERN;
            case "32", "36" -> draw < 0.75 ? Culture.SUNDANESE : draw < 0.95 ? Culture.MUSLIM : Culture.MODERN;
            case "18" -> draw < 0.55 ? Culture.JAVANESE : draw < 0.9 ? Culture.MUSLIM : Culture.MODERN;
            case "12" -> draw < 0.55 ? Culture.BATAK : draw < 0.9 ? Culture.MUSLIM : Culture.JAVANESE;
            case "51" -> draw < 0.9 ? Culture.BALINESE : Culture.MUSLIM;
            case "53", "81", "91", "92", "93", "94", "95", "96" -> draw < 0.8 ? Culture.EASTERN : Culture.MUSLIM;
            default -> draw < 0.7 ? Culture.MUSLIM : draw < 0.85 ? Culture.MODERN : Culture.JAVANESE;
        };
    }

    static String pick(List<String> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }
}
