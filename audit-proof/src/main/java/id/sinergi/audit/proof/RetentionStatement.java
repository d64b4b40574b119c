package id.sinergi.audit.proof;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a retention purge: the log's own signed statement that the payloads of some leaves expired under
 * its retention policy. It is the note text of a signed note (signed with the log's key, like a checkpoint) and
 * travels as the {@code purge} member of an entry of the log, so it is itself a leaf of the tree:
 *
 * <pre>
 * audit.sinergi.local/log
 * retention-purge/v1
 * purged-at 2031-05-01T10:00:00.000000Z
 * policy ACCESS P2Y
 * policy CHANGE P5Y
 * leaf 12 ACCESS 2029-01-03T08:00:00.123456Z
 * kept 40
 * </pre>
 *
 * <p>A {@code leaf} line names a leaf whose payload expired, its retention category and when the log recorded its
 * event (the entry's {@code recordedAt}, which the log stamps at intake: the period is counted from it, never from
 * the {@code occurredAt} the sending service claims); a {@code policy} line the period of a category. A
 * {@code kept} line takes back an earlier statement's claim on a leaf whose payload was not removed after all (a
 * legal hold arrived in between), so that removing it later is not covered. A verifier accepts a leaf without
 * payload only where a statement signed by the log covers it and {@link #due} holds for it. The second line keeps
 * it from ever reading as a checkpoint.
 */
public record RetentionStatement(
        String origin, Instant purgedAt, Map<String, String> policy, List<Expired> leaves, List<Long> kept) {

    /** The statement's type line. */
    public static final String TYPE = "retention-purge/v1";

    /** The most leaf lines one statement holds, so that it stays within a signed note's length. */
    public static final int MAX_LEAVES = 1000;

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z_]{0,31}");

    private static final Pattern PERIOD = Pattern.compile("P(?!$)(\\d{1,4}Y)?(\\d{1,4}M)?(\\d{1,5}W)?(\\d{1,5}D)?"
            + "(T(?=\\d)(\\d{1,7}H)?(\\d{1,9}M)?(\\d{1,10}S)?)?");

    /** One leaf whose payload expired: its index, its category and when the log recorded its event. */
    public record Expired(long index, String category, Instant recordedAt) {}

    public RetentionStatement {
        policy = Map.copyOf(policy);
        leaves = List.copyOf(leaves);
        kept = List.copyOf(kept);
        if (leaves.size() + kept.size() > MAX_LEAVES) {
            throw new IllegalArgumentException("a statement names at most " + MAX_LEAVES + " leaves");
        }
    }

    /** The note text, one line each, the policy in category order. */
    public String text() {
        StringBuilder sb = new StringBuilder(64 + 50 * leaves.size())
                .append(origin)
                .append('\n')
                .append(TYPE)
                .append('\n')
                .append("purged-at ")
                .append(timestamp(purgedAt))
                .append('\n');
        policy.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(p -> sb.append("policy ")
                .append(p.getKey())
                .append(' ')
                .append(p.getValue())
                .append('\n'));
        for (Expired leaf : leaves) {
            sb.append("leaf ")
                    .append(leaf.index())
                    .append(' ')
                    .append(leaf.category())
                    .append(' ')
                    .append(timestamp(leaf.recordedAt()))
                    .append('\n');
        }
        kept.forEach(index -> sb.append("kept ").append(index).append('\n'));
        return sb.toString();
    }

    /**
     * Reads a statement from a note's text.
     *
     * @throws IllegalArgumentException saying what is wrong, for anything that is not a statement
     */
    public static RetentionStatement parse(String text) {
        SignedNote.checkText(text);
        List<String> lines = Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1));
        if (lines.size() < 3 || !TYPE.equals(lines.get(1)) || !lines.get(2).startsWith("purged-at ")) {
            throw new IllegalArgumentException(
                    "a retention statement starts with its origin, '" + TYPE + "' and 'purged-at <time>'");
        }
        Instant purgedAt = instant(lines.get(2).substring("purged-at ".length()));
        Map<String, String> policy = new LinkedHashMap<>();
        List<Expired> leaves = new ArrayList<>();
        List<Long> kept = new ArrayList<>();
        for (String line : lines.subList(3, lines.size())) {
            String[] words = line.split(" ", -1);
            switch (words[0]) {
                case "policy" -> {
                    if (words.length != 3 || !CATEGORY.matcher(words[1]).matches()) {
                        throw new IllegalArgumentException("a policy line is 'policy <CATEGORY> <period>'");
                    }
                    checkPeriod(words[2]);
                    if (policy.put(words[1], words[2]) != null) {
                        throw new IllegalArgumentException("a second policy line for " + words[1]);
                    }
                }
                case "leaf" -> {
                    if (words.length != 4 || !CATEGORY.matcher(words[2]).matches()) {
                        throw new IllegalArgumentException("a leaf line is 'leaf <index> <CATEGORY> <recorded>'");
                    }
                    leaves.add(new Expired(index(words[1]), words[2], instant(words[3])));
                }
                case "kept" -> {
                    if (words.length != 2) {
                        throw new IllegalArgumentException("a kept line is 'kept <index>'");
                    }
                    kept.add(index(words[1]));
                }
                default -> throw new IllegalArgumentException("an unknown line '" + words[0] + " …'");
            }
        }
        return new RetentionStatement(lines.get(0), purgedAt, policy, leaves, kept);
    }

    /**
     * Whether the leaf was due: its category has a period in the policy and the log recorded its event at least that
     * period before the purge.
     */
    public boolean due(Expired leaf) {
        String period = policy.get(leaf.category());
        return period != null && !plus(leaf.recordedAt(), period).isAfter(purgedAt);
    }

    /**
     * Checks an ISO-8601 period as the policy writes it ({@code P2Y}, {@code P18M}, {@code P30D}, {@code PT10S},
     * {@code P1Y6M}): years, months, weeks and days, then hours, minutes and seconds, whole numbers only.
     *
     * @throws IllegalArgumentException when it is none
     */
    public static void checkPeriod(String period) {
        Matcher m = PERIOD.matcher(period == null ? "" : period);
        if (!m.matches() || period.endsWith("T")) {
            throw new IllegalArgumentException("'" + period + "' is not an ISO-8601 period such as P2Y or PT30S");
        }
    }

    /**
     * An instant plus an ISO-8601 period, the calendar part (years, months, weeks, days) in UTC, as PostgreSQL
     * adds an interval in the UTC time zone.
     */
    public static Instant plus(Instant instant, String period) {
        checkPeriod(period);
        int t = period.indexOf('T');
        String date = t < 0 ? period : period.substring(0, t);
        String time = t < 0 ? null : period.substring(t);
        var at = instant.atOffset(ZoneOffset.UTC);
        if (date.length() > 1) {
            at = at.plus(Period.parse(date));
        }
        if (time != null) {
            at = at.plus(Duration.parse("P" + time));
        }
        return at.toInstant();
    }

    /** An instant as statements write it: UTC, six fraction digits. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant", e);
        }
    }

    private static long index(String text) {
        if (!text.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("'" + text + "' is not a leaf index");
        }
        return Long.parseLong(text);
    }
}
