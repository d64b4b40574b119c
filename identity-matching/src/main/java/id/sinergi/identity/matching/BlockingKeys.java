package id.sinergi.identity.matching;

import id.sinergi.identity.matching.name.NameNormalizer;
import id.sinergi.identity.matching.name.Phonetic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The blocking keys of a record: two records are compared only when they share one.
 *
 * <p>At most eight keys per record, chosen so that every noise the sources produce leaves at least one of them
 * intact, while each stays narrow enough that among a million workers a record meets few others:
 * <ul>
 *   <li>{@code nik:} the whole NIK — the same person with the same NIK, whatever else differs;
 *   <li>{@code nr:} the NIK's district with the declared birth date (day and month in either order) — a NIK typo in
 *       its date or serial digits, and twins and relatives born there that day, who must meet to be told apart;
 *   <li>{@code pp:} the passport number — a worker known abroad by passport only;
 *   <li>{@code nt:} the sound code of the first and of the last name token, each with the birth date (day and month
 *       in either order) — a typo in any other token, a dropped middle name, a swapped given and family name, a
 *       day/month swap;
 *   <li>{@code np:} the sound codes of the first and last token, sorted, with day and month in either order — a
 *       typo in the year;
 *   <li>{@code nm:} the same codes with year and month — a typo in the day;
 *   <li>{@code nd:} the same codes with year and day — a typo in the month;
 *   <li>{@code n1:}, {@code n2:} for a single name only, its first and its last two letters with the birth date — a
 *       typo that changes the sound code of the only token. A single name needs no {@code nt:} key: with one code,
 *       {@code np:} already holds it.
 * </ul>
 * The sound code ({@link Phonetic}) ignores vowels, so most typos and spelling variants keep it. The readable keys
 * contain personal data (NIK, passport, name codes, birth date): only their hashes are stored, and neither is logged.
 */
public final class BlockingKeys {

    private static final int NIK_LENGTH = 16;
    private static final int NIK_DISTRICT_END = 6;
    private static final int ENDS_MIN_LENGTH = 4;

    private BlockingKeys() {}

    /** The readable keys of a record, at most eight. */
    public static Set<String> of(MatchRecord r) {
        Set<String> keys = new LinkedHashSet<>();
        LocalDate born = r.birthDate();
        String dayMonth = dayMonthEitherOrder(born);
        String date = born.getYear() + "|" + dayMonth;
        nikKeys(keys, IdentifierComparator.digits(r.nik()), date);
        String passport = IdentifierComparator.alphanumeric(r.passportNumber());
        if (!passport.isEmpty()) {
            keys.add("pp:" + passport);
        }
        List<String> tokens = NameNormalizer.normalize(r.fullName()).tokens();
        List<String> codes = nameCodes(tokens);
        if (codes.isEmpty()) {
            return keys;
        }
        if (codes.size() > 1) {
            codes.forEach(code -> keys.add("nt:" + code + "|" + date));
        }
        String pair = String.join("+", new TreeSet<>(codes));
        keys.add("np:" + pair + "|" + dayMonth);
        keys.add("nm:" + pair + "|" + born.getYear() + "-" + born.getMonthValue());
        keys.add("nd:" + pair + "|" + born.getYear() + "/" + born.getDayOfMonth());
        if (tokens.size() == 1) {
            singleNameKeys(keys, tokens.get(0), date);
        }
        return keys;
    }

    private static void nikKeys(Set<String> keys, String nik, String date) {
        if (nik.length() != NIK_LENGTH) {
            return;
        }
        keys.add("nik:" + nik);
        keys.add("nr:" + nik.substring(0, NIK_DISTRICT_END) + "|" + date);
    }

    /** The sound codes of the first and the last token of the own name (one code for a single name). */
    private static List<String> nameCodes(List<String> tokens) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        String first = Phonetic.code(tokens.get(0));
        String last = Phonetic.code(tokens.get(tokens.size() - 1));
        return first.equals(last) ? List.of(first) : List.of(first, last);
    }

    /**
     * A single name has no second token to fall back on when a typo changes its sound code, so its first two and its
     * last two letters stand in: one typo changes at most two neighbouring letters, which leaves one end intact.
     */
    private static void singleNameKeys(Set<String> keys, String token, String date) {
        if (token.length() >= ENDS_MIN_LENGTH) {
            keys.add("n1:" + token.substring(0, 2) + "|" + date);
            keys.add("n2:" + token.substring(token.length() - 2) + "|" + date);
        }
    }

    /** Day and month, smaller first, so that a record with the two swapped has the same key. */
    private static String dayMonthEitherOrder(LocalDate date) {
        int day = date.getDayOfMonth();
        int month = date.getMonthValue();
        return Math.min(day, month) + "-" + Math.max(day, month);
    }

    /** A stable 64-bit hash of a key: the first eight bytes of its SHA-256 digest, big-endian. */
    public static long hash(String key) {
        byte[] digest = sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (digest[i] & 0xFF);
        }
        return value;
    }

    /** The sorted, distinct hashes of {@link #of(MatchRecord)}, as stored in PostgreSQL. */
    public static long[] hashes(MatchRecord r) {
        return of(r).stream().mapToLong(BlockingKeys::hash).distinct().sorted().toArray();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
