package id.sinergi.scenario.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the benchmarks share: their command-line options, percentiles and a process's resident memory. */
final class BenchSupport {

    /** Linux's clock ticks per second (USER_HZ), the unit of /proc/PID/stat's CPU times. */
    private static final long CLOCK_TICKS = 100;

    private BenchSupport() {}

    /** {@code --name value} pairs, in order. */
    static Map<String, String> options(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come as --name value pairs: " + Arrays.toString(args));
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /** The {@code key=value,key=value} pairs of option {@code name}, in order; none when it is absent. */
    static Map<String, String> pairs(Map<String, String> options, String name) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : options.getOrDefault(name, "").split(",")) {
            if (pair.contains("=")) {
                pairs.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            } else if (!pair.isBlank()) {
                throw new IllegalArgumentException("--" + name + " takes key=value pairs, not " + pair);
            }
        }
        return pairs;
    }

    /** Whether the benchmark runs its own embedded PostgreSQL ({@code --postgres embedded}, the default). */
    static boolean embeddedPostgres(Map<String, String> options) {
        String server = options.getOrDefault("postgres", "embedded");
        if (!server.equals("embedded") && !server.equals("local")) {
            throw new IllegalArgumentException("--postgres is embedded or local, not " + server);
        }
        return server.equals("embedded");
    }

    /** The nearest-rank percentile {@code p} (0..100) of ascending {@code sorted} values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** CPU time (user and system) a process has used so far, in milliseconds, from /proc (Linux). */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 1000 / CLOCK_TICKS;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU time of a process and all its children now running (a PostgreSQL server and its backends). */
    static long treeCpuMillis(long parent) {
        long total = cpuMillis(parent);
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("[0-9]+"))
                    .toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == parent) {
                        total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / CLOCK_TICKS;
                    }
                } catch (IOException gone) {
                    // the process ended while the list was read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    /** The resident memory of a process in KiB, from /proc (Linux), or -1 when it gives none. */
    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
