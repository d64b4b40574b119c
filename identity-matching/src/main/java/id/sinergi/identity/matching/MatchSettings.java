package id.sinergi.identity.matching;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thresholds and Fellegi-Sunter weights of the matcher, with defaults and overrides by kebab-case keys.
 *
 * <p>A weight is roughly log2(m/u): how much likelier the observed agreement is for two records of one person than
 * for two records of different people. A total at or above {@code matchThreshold} links automatically; at or above
 * {@code reviewThreshold} it goes to review. Keys are the component names in kebab case ({@code match-threshold}),
 * weights prefixed with {@code weights.} ({@code weights.nik-agree}).
 */
public record MatchSettings(double matchThreshold, double reviewThreshold, Weights weights) {

    private static final String WEIGHTS_PREFIX = "weights.";

    public MatchSettings {
        if (weights == null) {
            throw new IllegalArgumentException("weights are required");
        }
        if (matchThreshold < reviewThreshold) {
            throw new IllegalArgumentException("match-threshold must not be below review-threshold");
        }
    }

    /** Weight of each field outcome; positive values speak for one person, negative for two. */
    public record Weights(
            double nameAgree,
            double nameVariant,
            double nameTypo,
            double nameMissingToken,
            double nameInitial,
            double nameDisagree,
            double nameTokenCount,
            double fatherNameAgree,
            double fatherNameDisagree,
            double birthDateAgree,
            double birthDateSwapped,
            double birthDateOneDigit,
            double birthDateYearOff,
            double birthDateDisagree,
            double sexAgree,
            double sexDisagree,
            double birthPlaceAgree,
            double birthPlacePartial,
            double birthPlaceDisagree,
            double nikAgree,
            double nikOneDigit,
            double nikSerial,
            double nikConflict,
            double passportAgree,
            double passportPartial,
            double passportDisagree) {}

    /** The values tuned on the labelled evaluation data. */
    public static MatchSettings defaults() {
        Weights w = new Weights(
                9, 8.5, 6, 3, 4, -10, 1.5, // name
                1, -1, // father's name
                6, 2, 2, 2, -6, // birth date
                1, -6, // sex
                2, 1, -4, // birth place
                14, 6, -5, -12, // NIK
                12, 4, -1); // passport
        return new MatchSettings(14.5, 9, w);
    }

    /**
     * A copy with the given keys replaced.
     *
     * @throws IllegalArgumentException for an unknown key or a value that is not a number
     */
    public MatchSettings with(Map<String, String> overrides) {
        Map<String, Double> top = new LinkedHashMap<>(numbers(this));
        Map<String, Double> weightValues = new LinkedHashMap<>(numbers(weights));
        overrides.forEach((key, value) -> {
            boolean weight = key.startsWith(WEIGHTS_PREFIX);
            Map<String, Double> target = weight ? weightValues : top;
            String name = weight ? key.substring(WEIGHTS_PREFIX.length()) : key;
            if (!target.containsKey(name)) {
                throw new IllegalArgumentException("unknown matching setting: " + key);
            }
            target.put(name, parse(key, value));
        });
        return new MatchSettings(
                top.get("match-threshold"), top.get("review-threshold"), construct(Weights.class, weightValues));
    }

    /** Every key with its value, thresholds first, in declaration order. */
    public Map<String, String> asProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        numbers(this).forEach((k, v) -> properties.put(k, format(v)));
        numbers(weights).forEach((k, v) -> properties.put(WEIGHTS_PREFIX + k, format(v)));
        return properties;
    }

    private static double parse(String key, String value) {
        try {
            double parsed = Double.parseDouble(value.trim());
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("matching setting " + key + " must be a number", e);
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** The double-valued components of a record, keyed by their kebab-case names. */
    private static Map<String, Double> numbers(Record record) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getType() == double.class) {
                values.put(kebab(c.getName()), (Double) invoke(c, record));
            }
        }
        return values;
    }

    private static Object invoke(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <R extends Record> R construct(Class<R> type, Map<String, Double> values) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] args = Arrays.stream(components)
                .map(c -> values.get(kebab(c.getName())))
                .toArray();
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
