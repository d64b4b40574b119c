package id.sinergi.audit.proof.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the two commands: {@code --name value} (or {@code --name=value}) options, some of which may
 * repeat, and {@code --name} flags. Anything else is a usage error.
 */
final class Args {

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Args() {}

    /**
     * Reads {@code argv}.
     *
     * @param single options that take one value and may be given once
     * @param repeated options that take a value and may be given more than once
     * @param flagNames options without a value
     */
    static Args parse(String[] argv, Set<String> single, Set<String> repeated, Set<String> flagNames)
            throws UsageException {
        Args args = new Args();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flagNames.contains(name)) {
                if (value != null) {
                    throw new UsageException(name + " takes no value");
                }
                args.flags.add(name);
                continue;
            }
            if (!single.contains(name) && !repeated.contains(name)) {
                throw new UsageException("unknown option " + name);
            }
            if (value == null) {
                if (i + 1 >= argv.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = argv[++i];
            }
            List<String> list = args.values.computeIfAbsent(name, k -> new ArrayList<>());
            if (single.contains(name) && !list.isEmpty()) {
                throw new UsageException(name + " is given more than once");
            }
            list.add(value);
        }
        return args;
    }

    /** The value of an option, or null when it is not given. */
    String get(String name) {
        List<String> list = values.get(name);
        return list == null ? null : list.get(0);
    }

    /** The value of an option that must be given. */
    String required(String name) throws UsageException {
        String value = get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException(name + " is required");
        }
        return value;
    }

    /** Every value of a repeated option, in order. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** A wrong command line; the commands print the message and their usage, and exit 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
