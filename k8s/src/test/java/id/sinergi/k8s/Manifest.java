package id.sinergi.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One object of a rendered or generated manifest, with the template it came from. */
record Manifest(ObjectNode object, String source) {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final YAMLMapper YAML = new YAMLMapper();

    private static final Pattern DOCUMENT_START = Pattern.compile("(?m)^---[ \\t]*$");

    private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: (.+)$");

    /** Every object of a multi-document YAML stream; empty documents (a template that rendered nothing) skipped. */
    static List<Manifest> parseAll(String yaml) {
        List<Manifest> manifests = new ArrayList<>();
        for (String document : DOCUMENT_START.split(yaml)) {
            Matcher source = SOURCE.matcher(document);
            String from = source.find() ? source.group(1).strip() : "?";
            JsonNode node;
            try {
                node = YAML.readTree(document);
            } catch (IOException e) {
                throw new UncheckedIOException("not YAML (" + from + "): " + e.getMessage(), e);
            }
            if (node == null || node.isMissingNode() || node.isNull()) {
                continue;
            }
            if (!node.isObject()) {
                throw new IllegalArgumentException("a document that is not an object (" + from + "): " + node);
            }
            manifests.add(new Manifest((ObjectNode) node, from));
        }
        return manifests;
    }

    String apiVersion() {
        return object.path("apiVersion").asText();
    }

    String kind() {
        return object.path("kind").asText();
    }

    String name() {
        return object.path("metadata").path("name").asText();
    }

    /** The pod template of a workload, or a missing node for objects that have none. */
    JsonNode podTemplate() {
        return switch (kind()) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" ->
                object.path("spec").path("template");
            case "CronJob" ->
                object.path("spec").path("jobTemplate").path("spec").path("template");
            default -> object.path("-no-pod-template-");
        };
    }

    boolean isWorkload() {
        return !podTemplate().isMissingNode();
    }

    /** Long-running workloads (which need probes, a PodDisruptionBudget). */
    boolean isLongRunning() {
        return switch (kind()) {
            case "Deployment", "StatefulSet", "DaemonSet" -> true;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return kind() + "/" + name() + " (" + source + ")";
    }
}
