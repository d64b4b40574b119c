package id.sinergi.identity.matching.name;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Canonical spelling of one upper-case name token: the old (pre-1972) spelling, Arabic transliteration variants and
 * doubled letters folded into one form, then known variant spellings mapped to one member of their group.
 */
public final class Spelling {

    /** Groups of spellings of one name; the first member is the canonical one. */
    private static final List<List<String>> VARIANTS = List.of(
            List.of(
                    "MUHAMMAD",
                    "MUHAMAD",
                    "MOHAMMAD",
                    "MOHAMAD",
                    "MOHAMMED",
                    "MOHAMED",
                    "MUHAMMED",
                    "MUHAMED",
                    "MOCHAMMAD",
                    "MOCHAMAD",
                    "MUCHAMMAD",
                    "MUCHAMAD",
                    "MUKHAMMAD",
                    "MOKHAMAD",
                    "MOCH",
                    "MOH",
                    "MUH",
                    "MUHD",
                    "MOHD",
                    "MHD",
                    "MD",
                    "M"),
            List.of("ABDUL", "ABD", "ABDOL", "ABDUL"),
            List.of("ABDULLAH", "ABDULAH", "ABDILLAH"),
            List.of("NUR", "NOOR", "NOER", "NOUR", "NOR"),
            List.of("SITI", "SITTI", "SITIH"),
            List.of("AHMAD", "ACHMAD", "AKHMAD", "AHMED", "AHMAT", "ACHMAT", "AMAD"),
            List.of("YUSUF", "YUSUP", "JUSUF", "JUSUP", "YUSOF", "YOESOEF"),
            List.of("RAHMAN", "RACHMAN", "RAKHMAN", "ROHMAN", "ROCHMAN"),
            List.of("RAHMAT", "RACHMAT", "RAKHMAT", "ROHMAT", "RAHMAD", "RACHMAD"),
            List.of("FATIMAH", "FATIMA", "FATHIMAH", "FATMAH", "FATMA"),
            List.of("AISYAH", "AISAH", "AISHAH", "AISYA", "AISHA", "AISJAH", "AISIAH"),
            List.of("KHADIJAH", "HADIJAH", "KADIJAH", "KHADIJA", "CHADIDJAH"),
            List.of("HASAN", "HASSAN", "HASANN"),
            List.of("HUSEIN", "HUSAIN", "HUSIN", "HUSSEIN", "HUSSAIN"),
            List.of("IBRAHIM", "IBROHIM", "IBRAHIEM"),
            List.of("ISMAIL", "ISMAEL", "ISMAIEL"),
            List.of("ZAINAL", "ZAENAL", "JAINAL"),
            List.of("ZAINUDDIN", "ZAINUDIN", "ZAENUDIN", "ZAINUDIEN"),
            List.of("SAIFUL", "SAEPUL", "SAIPUL", "SAEFUL", "SYAIFUL"),
            List.of("SYAMSUL", "SAMSUL", "SJAMSUL"),
            List.of("KHOIRUL", "KHAIRUL", "CHOIRUL", "CHAIRUL", "HAIRUL", "KOIRUL", "HOIRUL"),
            List.of("TAUFIK", "TAUFIQ", "TAUPIK", "TOPIK", "TAUFICK"),
            List.of("ARIFIN", "ARIPIN"),
            List.of("MUSTOFA", "MUSTAFA", "MUSTHOFA", "MUSTOPA"),
            List.of("SOLEH", "SALEH", "SHOLEH", "SHALEH", "SOLEKH", "SOLIH", "SHOLIH"),
            List.of("SOLIHIN", "SHOLIHIN", "SALIHIN"),
            List.of("UMAR", "OMAR"),
            List.of("USMAN", "UTSMAN", "OSMAN", "OSMAN"),
            List.of("YAHYA", "JAHJA", "YAHYAH"),
            List.of("ZAKARIA", "ZAKARIYA", "ZAKARIYYA", "DZAKARIA"),
            List.of("MARYAM", "MARIAM", "MARJAM"),
            List.of("LUKMAN", "LUQMAN"),
            List.of("RIZKI", "RISKI", "RIZQI", "RIZKY", "RISKY"),
            List.of("MAHMUD", "MACHMUD", "MAKHMUD", "MAHMOED"),
            List.of("MUKHTAR", "MUCHTAR", "MOCHTAR", "MUHTAR", "MUKTAR"),
            List.of("AMINAH", "AMINA"),
            List.of("HALIMAH", "HALIMA"),
            List.of("KHALID", "HALID", "CHALID", "KHOLID", "HOLID"),
            List.of("HAMZAH", "HAMSAH", "HAMJAH"),
            List.of("SULAIMAN", "SULEMAN", "SOELAIMAN", "SULAEMAN"),
            List.of("IKHSAN", "IHSAN", "IKSAN", "ICHSAN"),
            List.of("FAUZI", "FAUZY", "FAUZIE", "FAWZI"),
            List.of("WAHYU", "WAHJU", "WAHYOE"),
            List.of("WAHYUDI", "WAHJUDI", "WAHYUDDIN"),
            List.of("HIDAYAT", "HIDAJAT"),
            List.of("HIDAYATI", "HIDAJATI"));

    private static final Map<String, String> CANONICAL = canonicalForms();

    private Spelling() {}

    /** The canonical form of an upper-case token of letters A-Z. */
    public static String canonical(String token) {
        String folded = fold(token);
        return CANONICAL.getOrDefault(folded, folded);
    }

    /**
     * Folds spellings that stand for the same sounds: the old spelling (oe for u, dj for j, tj for c, j for y), ch and
     * kh as h, dh, th and dz as d, t and z, sh and sy as s, q as k, v as f, a final y after a consonant as i, and
     * doubled letters as one.
     *
     * <p>Old and new spelling overlap: "TJ" is the old c (Tjahjadi/Cahyadi) but also t followed by the old y
     * (Prasetjo/Prasetyo), and "J" is the new j (Joko) but the old y (Jusuf/Yusuf). Rather than guess which, the
     * fold maps every reading to one form: c, tj and ty become "TY", and dj, j and y become "Y". Different names that
     * this merges (Joko/Yoko) are rare; the same name spelled apart is common.
     */
    static String fold(String token) {
        String s = token.toUpperCase(Locale.ROOT);
        s = s.replace("OE", "U").replace("DJ", "Y");
        s = s.replace("CHR", "KR").replace("CHL", "KL").replace("CH", "H").replace("KH", "H");
        s = s.replace("TJ", "TY").replace("C", "TY").replace("J", "Y");
        s = s.replace("DH", "D").replace("TH", "T").replace("DZ", "Z");
        s = s.replace("SH", "S")
                .replace("SY", "S")
                .replace("Q", "K")
                .replace("V", "F")
                .replace("X", "KS");
        s = finalYAsI(s);
        return collapseDoubles(s);
    }

    private static String finalYAsI(String s) {
        int n = s.length();
        if (n >= 3 && s.charAt(n - 1) == 'Y' && !isVowel(s.charAt(n - 2))) {
            return s.substring(0, n - 1) + "I";
        }
        return s;
    }

    private static String collapseDoubles(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i == 0 || c != s.charAt(i - 1)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean isVowel(char c) {
        return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
    }

    private static Map<String, String> canonicalForms() {
        Map<String, String> forms = new HashMap<>();
        for (List<String> group : VARIANTS) {
            String canonical = fold(group.get(0));
            group.forEach(member -> forms.put(fold(member), canonical));
        }
        return Map.copyOf(forms);
    }
}
