package id.sinergi.identity.matching.eval;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The command-line options shared by the generator and the evaluation. */
final class Options {

    static final String USAGE =
            """
            options:
              --persons N        persons to generate (default 20000)
              --seed S           random seed (default %d)
              --out DIR          where the files go (default target/matching-eval)
              --rate key=value   a generator rate, e.g. --rate nik-typo=0.05 (repeatable)
              --set key=value    a matching setting, e.g. --set match-threshold=18 (evaluation only, repeatable)
              --in DIR           evaluate the exports already in DIR instead of generating (evaluation only)
            """
                    .formatted(GeneratorSettings.DEFAULT_SEED);

    private int persons = GeneratorSettings.DEFAULT_PERSONS;
    private long seed = GeneratorSettings.DEFAULT_SEED;
    private Path out = Path.of("target", "matching-eval");
    private Path in;
    private final Map<String, String> rates = new LinkedHashMap<>();
    private final Map<String, String> settings = new LinkedHashMap<>();

    private Options() {}

    /**
     * Parses the arguments.
     *
     * @param evaluation whether {@code --set} and {@code --in} are allowed
     * @throws IllegalArgumentException naming the option that is wrong
     */
    static Options parse(String[] args, boolean evaluation) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--persons" -> o.persons = Integer.parseInt(value);
                case "--seed" -> o.seed = Long.parseLong(value);
                case "--out" -> o.out = Path.of(value);
                case "--rate" -> put(o.rates, name, value);
                case "--set" -> put(evaluationOnly(o.settings, name, evaluation), name, value);
                case "--in" -> {
                    evaluationOnly(o.settings, name, evaluation);
                    o.in = Path.of(value);
                }
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return o;
    }

    GeneratorSettings generatorSettings() {
        return GeneratorSettings.defaults().withPersons(persons).withSeed(seed).with(rates);
    }

    Path out() {
        return out;
    }

    /** The directory to evaluate without generating, or null. */
    Path in() {
        return in;
    }

    Map<String, String> settingOverrides() {
        return settings;
    }

    private static <T> T evaluationOnly(T target, String name, boolean evaluation) {
        if (!evaluation) {
            throw new IllegalArgumentException(name + " is an option of the evaluation, not of the generator");
        }
        return target;
    }

    private static void put(Map<String, String> target, String name, String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(name + " needs key=value, got " + pair);
        }
        target.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
}
