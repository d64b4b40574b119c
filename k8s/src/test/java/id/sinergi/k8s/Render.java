package id.sinergi.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The renders of the chart the checks look at: `helm template sinergi k8s/sinergi -f ...`. */
enum Render {
    /** The development values (demo users, one replica). */
    DEVELOPMENT("k8s/values-dev.yaml"),
    /** The production values. */
    PRODUCTION("k8s/values-production.yaml"),
    /** Production with every optional part on: ServiceMonitor, CloudNativePG, an OTLP endpoint, dashboards. */
    PRODUCTION_ALL_OPTIONS("k8s/values-production.yaml", "k8s/src/test/resources/values-all-options.yaml");

    /** The release name of every render. */
    static final String RELEASE = "sinergi";

    private static final Map<Render, List<Manifest>> RENDERED = new ConcurrentHashMap<>();

    private final List<String> valuesFiles;

    Render(String... valuesFiles) {
        this.valuesFiles = List.of(valuesFiles);
    }

    /** Every object of this render, rendered once per test run. */
    List<Manifest> manifests() {
        return RENDERED.computeIfAbsent(
                this, r -> Manifest.parseAll(template(r.valuesFiles, List.of()).orFail()));
    }

    /** The arguments that select this render's values. */
    List<String> valuesArguments() {
        List<String> arguments = new ArrayList<>();
        for (String file : valuesFiles) {
            arguments.add("-f");
            arguments.add(file);
        }
        return arguments;
    }

    /** `helm template` of the chart with these values files (relative to the repository) and --set values. */
    static Helm.Result template(List<String> valuesFiles, List<String> sets) {
        return template(RELEASE, valuesFiles, sets);
    }

    /** `helm template` of the chart as this release, with these values files and --set values. */
    static Helm.Result template(String release, List<String> valuesFiles, List<String> sets) {
        List<String> arguments = new ArrayList<>(List.of("template", release, "k8s/sinergi", "--namespace", "sinergi"));
        for (String file : valuesFiles) {
            arguments.add("-f");
            arguments.add(file);
        }
        for (String set : sets) {
            arguments.add("--set");
            arguments.add(set);
        }
        return Helm.run(arguments);
    }

    List<String> valuesFiles() {
        return valuesFiles;
    }
}
