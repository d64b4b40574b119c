package id.sinergi.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Every object, built-in or custom, against its schema. */
final class Schemas {

    private Schemas() {}

    /** What is wrong with the object; an object whose kind has neither a model nor a CRD schema is wrong. */
    static List<String> problems(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        if (KubernetesSchema.knows(apiVersion, kind)) {
            return KubernetesSchema.problems(object);
        }
        if (CrdSchemas.knows(apiVersion, kind)) {
            return CrdSchemas.problems(object);
        }
        return List.of("$: " + apiVersion + " " + kind
                + " has no Kubernetes model and is no known CRD (KubernetesSchema, CrdSchemas)");
    }
}
