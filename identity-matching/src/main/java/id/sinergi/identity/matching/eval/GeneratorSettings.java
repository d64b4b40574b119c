package id.sinergi.identity.matching.eval;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** How many persons the generator makes, from which seed, and with which {@link Rate}s. */
public final class GeneratorSettings {

    /** Persons made when nothing else is asked for. */
    public static final int DEFAULT_PERSONS = 20_000;

    /** The seed used when nothing else is asked for; any fixed value keeps runs comparable. */
    public static final long DEFAULT_SEED = 20261203L;

    private final int persons;
    private final long seed;
    private final Map<Rate, Double> rates;

    private GeneratorSettings(int persons, long seed, Map<Rate, Double> rates) {
        if (persons < 1) {
            throw new IllegalArgumentException("persons must be at least 1");
        }
        for (Map.Entry<Rate, Double> e : rates.entrySet()) {
            if (!(e.getValue() >= 0.0 && e.getValue() <= 1.0)) {
                throw new IllegalArgumentException(e.getKey().key() + " must lie between 0 and 1");
            }
        }
        if (rates.get(Rate.IN_BOTH) + rates.get(Rate.ONLY_PEDULI) > 1.0) {
            throw new IllegalArgumentException("in-both + only-peduli must not exceed 1");
        }
        this.persons = persons;
        this.seed = seed;
        this.rates = new EnumMap<>(rates);
    }

    public static GeneratorSettings defaults() {
        Map<Rate, Double> rates = new EnumMap<>(Rate.class);
        for (Rate rate : Rate.values()) {
            rates.put(rate, rate.defaultValue());
        }
        return new GeneratorSettings(DEFAULT_PERSONS, DEFAULT_SEED, rates);
    }

    public GeneratorSettings withPersons(int count) {
        return new GeneratorSettings(count, seed, rates);
    }

    public GeneratorSettings withSeed(long value) {
        return new GeneratorSettings(persons, value, rates);
    }

    /** A copy with some rates replaced, keyed as {@link Rate#key()}; values are decimals such as {@code 0.05}. */
    public GeneratorSettings with(Map<String, String> overrides) {
        Map<Rate, Double> changed = new EnumMap<>(rates);
        overrides.forEach((key, value) -> changed.put(Rate.byKey(key), parse(key, value)));
        return new GeneratorSettings(persons, seed, changed);
    }

    public int persons() {
        return persons;
    }

    public long seed() {
        return seed;
    }

    public double rate(Rate rate) {
        return rates.get(rate);
    }

    /** Every rate by key, in declaration order, for printing next to the figures they produced. */
    public Map<String, Double> asProperties() {
        Map<String, Double> out = new LinkedHashMap<>();
        rates.forEach((rate, value) -> out.put(rate.key(), value));
        return out;
    }

    private static double parse(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: " + value, e);
        }
    }
}
