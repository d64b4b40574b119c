package id.sinergi.scenario.bench;

import id.sinergi.devstack.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * What the benchmarks share: their command-line options, percentiles, CPU time and resident memory from /proc, and
 * the open load that sends requests at a fixed rate.
 */
final class BenchSupport {

    /** Linux's clock ticks per second (USER_HZ), the unit of /proc/PID/stat's CPU times. */
    private static final long CLOCK_TICKS = 100;

    /**
     * The heap of a service under test: the suite's 384 MiB, all of it from the start. Token parsing alone allocates
     * tens of kilobytes per request, and a heap left to grow from 64 MiB keeps a young generation so small that it
     * is collected several times a second under load, each pause holding up the requests behind it.
     */
    static final List<String> SERVICE_HEAP = List.of("-Xms384m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError");

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

    /** JVM options: these defaults, then the ones of {@code --jvm "-X... -X..."} (a later one overrides). */
    static List<String> jvmOptions(Map<String, String> options, List<String> defaults) {
        List<String> jvm = new ArrayList<>(defaults);
        Arrays.stream(options.getOrDefault("jvm", "").split(" "))
                .filter(o -> !o.isBlank())
                .forEach(jvm::add);
        return jvm;
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

    /**
     * Table cells of these percentiles of ascending {@code sorted} latencies (ms), {@code " a ms | b ms | c ms "}, the
     * one at {@code bold} (an index into {@code percentiles}) in bold.
     */
    static String percentileCells(double[] sorted, int bold, double... percentiles) {
        StringBuilder cells = new StringBuilder();
        for (int i = 0; i < percentiles.length; i++) {
            String cell = String.format(Locale.ROOT, "%.2f ms", percentile(sorted, percentiles[i]));
            cells.append(i == 0 ? " " : " | ").append(i == bold ? "**" + cell + "**" : cell);
        }
        return cells.append(' ').toString();
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

    /** CPU time of a process's children that ended and were waited for (cutime and cstime), ms. */
    private static long reapedChildrenCpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 1000 / CLOCK_TICKS;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CPU time of a process and its children (a PostgreSQL server and its backends): those now running, and those
     * that ended and were reaped, which Linux adds to the parent's cutime and cstime (a backend whose connection
     * closed during a measurement still counts).
     */
    static long treeCpuMillis(long parent) {
        long total = cpuMillis(parent) + reapedChildrenCpuMillis(parent);
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

    /** CPU time the whole machine has used so far (user, nice, system, interrupts, steal), ms, from /proc/stat. */
    static long machineCpuMillis() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy * 1000 / CLOCK_TICKS;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PostgreSQL server's main process: the parent of a backend of ours. */
    static long postmaster(PostgresServer.Database db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            String stat = Files.readString(Path.of("/proc/" + rs.getInt(1) + "/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CPU time used so far, in ms: by the service under test, by PostgreSQL with its backends, by this JVM (the
     * load generator) and by the whole machine, whose rest is everything else that runs on the shared cores.
     */
    record Cpu(long service, long database, long self, long machine) {

        static Cpu now(long servicePid, long databasePid) {
            return new Cpu(
                    cpuMillis(servicePid),
                    treeCpuMillis(databasePid),
                    cpuMillis(ProcessHandle.current().pid()),
                    machineCpuMillis());
        }

        /** What was used between {@code earlier} and this. */
        Cpu since(Cpu earlier) {
            return new Cpu(
                    service - earlier.service,
                    database - earlier.database,
                    self - earlier.self,
                    machine - earlier.machine);
        }

        /**
         * The CPU time of the rest of the machine: neither the service, PostgreSQL nor this JVM; at least 0 (a backend
         * that ends during a measurement brings all its CPU time into PostgreSQL's figure, part of it spent before,
         * which can make the difference negative when the rest is idle).
         */
        long others() {
            return Math.max(0, machine - service - database - self);
        }
    }

    /**
     * What an open load measured: per request the latency from when it was due (ms), sorted; the time it took from
     * when it was sent; the answers by kind; the rate achieved; the CPU per request of the service and PostgreSQL.
     */
    record Load(
            double[] fromDue,
            double[] fromSent,
            Map<String, Long> answers,
            double achievedRate,
            double serviceCpuMillis,
            double databaseCpuMillis) {}

    /** Names the kind of an answer for {@link Load#answers()}; may keep what it needs of it. */
    interface Answer {
        String kind(int request, int status, String body);
    }

    /**
     * One request of an open load: a GET ({@code body} null) or a POST of JSON to {@code path} (with its query), with
     * a bearer token unless {@code token} is null.
     */
    record Call(String path, String token, byte[] body) {}

    /**
     * Sends {@code rate} requests a second for {@code seconds} to the server at {@code port} on 127.0.0.1 (request
     * {@code i} from {@code request.apply(i)}), over {@code connections} kept-alive connections.
     *
     * <p>The load is open: request {@code i} is due at {@code start + i / rate} whatever the earlier ones do, and
     * its latency is counted from when it was due, so that a stall delays and counts against every request due
     * during it (no coordinated omission). Connection {@code k} carries requests {@code k}, {@code k + connections},
     * ..., each from a thread of its own that sleeps until the request is due, sends it and reads the answer: no
     * hand-over between threads on the way, so the generator adds as little of its own latency as it can on cores it
     * shares with the service. A request due while its connection still waits for the one before waits too, and its
     * wait counts, as with a caller's pool of {@code connections} connections.
     */
    static Load openLoad(
            int port,
            IntFunction<Call> request,
            int rate,
            int seconds,
            int connections,
            Answer answer,
            long servicePid,
            long databasePid)
            throws InterruptedException {
        int n = rate * seconds;
        long serviceCpu = cpuMillis(servicePid);
        long databaseCpu = treeCpuMillis(databasePid);
        double[] fromDue = new double[n];
        double[] fromSent = new double[n];
        Map<String, Long> answers = new ConcurrentHashMap<>();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < Math.min(connections, n); k++) {
            int first = k;
            threads.add(thread("load-" + k, () -> {
                try (KeepAliveConnection c = new KeepAliveConnection("127.0.0.1", port)) {
                    for (int i = first; i < n; i += connections) {
                        Call call = request.apply(i);
                        long due = start + i * interval;
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        long sent = System.nanoTime();
                        String kind;
                        try {
                            KeepAliveConnection.Answer a = c.send(call.path(), call.token(), call.body());
                            kind = answer.kind(i, a.status(), a.text());
                        } catch (IOException e) {
                            kind = "failed " + e.getClass().getSimpleName();
                        }
                        long done = System.nanoTime();
                        fromDue[i] = (done - due) / 1e6;
                        fromSent[i] = (done - sent) / 1e6;
                        answers.merge(kind, 1L, Long::sum);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double achieved = n / ((System.nanoTime() - start) / 1e9);
        Arrays.sort(fromDue);
        Arrays.sort(fromSent);
        return new Load(
                fromDue,
                fromSent,
                new TreeMap<>(answers),
                achieved,
                (cpuMillis(servicePid) - serviceCpu) / (double) n,
                (treeCpuMillis(databasePid) - databaseCpu) / (double) n);
    }

    /** A started platform thread of this name. */
    static Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
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
