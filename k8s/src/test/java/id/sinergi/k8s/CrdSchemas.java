package id.sinergi.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The custom resources the chart may render, checked against JSON schemas written by hand in
 * src/test/resources/crd/ from the operators' documented APIs: the Prometheus Operator's ServiceMonitor
 * (monitoring.coreos.com/v1) and CloudNativePG's Cluster and Database (postgresql.cnpg.io/v1). Each schema covers a
 * subset of its CRD, the fields a chart like this one uses, and refuses every other field (additionalProperties
 * false at every level), so a field the chart starts to use must be added to the schema first, from the documented
 * API. The metadata of each is checked with the Kubernetes model of ObjectMeta.
 */
final class CrdSchemas {

    private static final Map<String, String> SCHEMAS = Map.of(
            "monitoring.coreos.com/v1/ServiceMonitor", "crd/servicemonitor.schema.json",
            "postgresql.cnpg.io/v1/Cluster", "crd/cnpg-cluster.schema.json",
            "postgresql.cnpg.io/v1/Database", "crd/cnpg-database.schema.json");

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private CrdSchemas() {}

    static boolean knows(String apiVersion, String kind) {
        return SCHEMAS.containsKey(apiVersion + "/" + kind);
    }

    /** What is wrong with the custom resource, one line each; empty when it fits the schema. */
    static List<String> problems(JsonNode object) {
        String key =
                object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String resource = SCHEMAS.get(key);
        if (resource == null) {
            return List.of("$: no schema for the custom resource " + key);
        }
        List<String> problems = new ArrayList<>();
        try {
            for (Error error : schema(resource).validate(Manifest.JSON.writeValueAsString(object), InputFormat.JSON)) {
                problems.add(error.getInstanceLocation() + ": " + error.getMessage());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (object.has("metadata")) {
            problems.addAll(KubernetesSchema.problems(V1ObjectMeta.class, object.get("metadata"), "$.metadata"));
        }
        return problems;
    }

    private static Schema schema(String resource) {
        return LOADED.computeIfAbsent(resource, r -> {
            try (InputStream in = CrdSchemas.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("no resource " + r);
                }
                return REGISTRY.getSchema(in, InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
