package id.sinergi.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an object against the Kubernetes API schemas, offline, with the generated models of the official Java
 * client (io.kubernetes:client-java-api, built from the API's OpenAPI document). Two checks, both strict:
 *
 * <ul>
 *   <li>the model's own {@code validateJsonElement}: no field the schema does not define, every required field
 *       present, arrays where arrays belong, recursively;
 *   <li>a walk over the model's fields that also checks every scalar's JSON type (an integer where the API wants
 *       an int32, a boolean for a boolean, a string for a string, a valid quantity, base64 for bytes), which
 *       {@code validateJsonElement} leaves to deserialisation, and which Gson would coerce.
 * </ul>
 *
 * Only the kinds listed here are known; any other kind is a problem (a CRD goes to {@link CrdSchemas}).
 */
final class KubernetesSchema {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", V1ConfigMap.class),
            Map.entry("v1/Secret", V1Secret.class),
            Map.entry("v1/Service", V1Service.class),
            Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
            Map.entry("v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class),
            Map.entry("v1/Pod", V1Pod.class),
            Map.entry("apps/v1/Deployment", V1Deployment.class),
            Map.entry("apps/v1/StatefulSet", V1StatefulSet.class),
            Map.entry("apps/v1/DaemonSet", V1DaemonSet.class),
            Map.entry("batch/v1/Job", V1Job.class),
            Map.entry("batch/v1/CronJob", V1CronJob.class),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", V1Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", V1RoleBinding.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRole", V1ClusterRole.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", V1ClusterRoleBinding.class));

    private static final Map<Class<?>, Map<String, Field>> FIELDS = new ConcurrentHashMap<>();

    private KubernetesSchema() {}

    /** Whether this apiVersion and kind is a built-in kind that this class checks. */
    static boolean knows(String apiVersion, String kind) {
        return MODELS.containsKey(apiVersion + "/" + kind);
    }

    /** What is wrong with the object, one line each with its JSON path; empty when it fits its schema. */
    static List<String> problems(JsonNode object) {
        String key =
                object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        Class<?> model = MODELS.get(key);
        if (model == null) {
            return List.of("$: no Kubernetes schema known for " + key);
        }
        List<String> problems = new ArrayList<>();
        officialCheck(model, object, problems);
        checkModel(model, object, "$", problems);
        return problems;
    }

    /** The walk alone, for a part of an object (a CRD's metadata). */
    static List<String> problems(Class<?> model, JsonNode node, String path) {
        List<String> problems = new ArrayList<>();
        checkModel(model, node, path, problems);
        return problems;
    }

    private static void officialCheck(Class<?> model, JsonNode object, List<String> problems) {
        try {
            JsonElement element = JsonParser.parseString(Manifest.JSON.writeValueAsString(object));
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, element);
        } catch (InvocationTargetException e) {
            problems.add("$: " + model.getSimpleName() + ".validateJsonElement: "
                    + e.getCause().getMessage());
        } catch (ReflectiveOperationException | JsonProcessingException e) {
            throw new IllegalStateException("cannot run " + model.getSimpleName() + ".validateJsonElement", e);
        }
    }

    private static void checkModel(Class<?> model, JsonNode node, String path, List<String> problems) {
        if (!node.isObject()) {
            problems.add(path + ": expected an object (" + model.getSimpleName() + "), got " + describe(node));
            return;
        }
        Map<String, Field> fields = fieldsOf(model);
        for (String required : requiredOf(model)) {
            if (!node.hasNonNull(required)) {
                problems.add(path + "." + required + ": required by " + model.getSimpleName() + ", missing");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Field field = fields.get(entry.getKey());
            if (field == null) {
                problems.add(path + "." + entry.getKey() + ": unknown field of " + model.getSimpleName());
            } else {
                checkValue(field.getGenericType(), entry.getValue(), path + "." + entry.getKey(), problems);
            }
        }
    }

    private static void checkValue(Type type, JsonNode value, String path, List<String> problems) {
        if (value.isNull()) {
            return; // the API server reads null as absent
        }
        if (type instanceof ParameterizedType parameterized) {
            Type raw = parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == List.class || raw == Set.class) {
                if (!value.isArray()) {
                    problems.add(path + ": expected an array, got " + describe(value));
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    checkValue(arguments[0], value.get(i), path + "[" + i + "]", problems);
                }
            } else if (raw == Map.class) {
                if (!value.isObject()) {
                    problems.add(path + ": expected an object (a map), got " + describe(value));
                    return;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    checkValue(arguments[1], entry.getValue(), path + "." + entry.getKey(), problems);
                }
            } else {
                problems.add(path + ": no rule for the type " + type);
            }
            return;
        }
        Class<?> type0 = (Class<?>) type;
        String problem = scalarProblem(type0, value);
        if (problem != null) {
            problems.add(path + ": " + problem);
        } else if (isModel(type0)) {
            checkModel(type0, value, path, problems);
        }
    }

    /** What is wrong with a value of a non-generic type; null when it fits (or when it is a model to walk). */
    private static String scalarProblem(Class<?> type, JsonNode value) {
        if (type == String.class || type == OffsetDateTime.class) {
            return value.isTextual() ? null : "expected a string, got " + describe(value);
        }
        if (type == Integer.class) {
            return value.isIntegralNumber() && value.canConvertToInt()
                    ? null
                    : "expected an integer (int32), got " + describe(value);
        }
        if (type == Long.class) {
            return value.isIntegralNumber() && value.canConvertToLong()
                    ? null
                    : "expected an integer (int64), got " + describe(value);
        }
        if (type == Double.class || type == Float.class || type == BigDecimal.class) {
            return value.isNumber() ? null : "expected a number, got " + describe(value);
        }
        if (type == Boolean.class) {
            return value.isBoolean() ? null : "expected a boolean, got " + describe(value);
        }
        if (type == IntOrString.class) {
            return value.isTextual() || value.isIntegralNumber()
                    ? null
                    : "expected an integer or a string, got " + describe(value);
        }
        if (type == Quantity.class) {
            return quantityProblem(value);
        }
        if (type == byte[].class) {
            return base64Problem(value);
        }
        if (type == Object.class) {
            return null; // free-form (e.g. a raw extension)
        }
        if (type.isEnum()) {
            return enumProblem(type, value);
        }
        if (isModel(type)) {
            return null;
        }
        return "no rule for the type " + type.getName();
    }

    private static String quantityProblem(JsonNode value) {
        if (!value.isTextual() && !value.isNumber()) {
            return "expected a quantity (a string such as 500m or 256Mi), got " + describe(value);
        }
        try {
            Quantity.fromString(value.asText());
            return null;
        } catch (RuntimeException e) {
            return "not a quantity: " + describe(value);
        }
    }

    private static String base64Problem(JsonNode value) {
        if (!value.isTextual()) {
            return "expected a base64 string, got " + describe(value);
        }
        try {
            Base64.getDecoder().decode(value.asText());
            return null;
        } catch (IllegalArgumentException e) {
            return "not base64: " + describe(value);
        }
    }

    private static String enumProblem(Class<?> type, JsonNode value) {
        if (!value.isTextual()) {
            return "expected a string, got " + describe(value);
        }
        for (Object constant : type.getEnumConstants()) {
            if (constant.toString().equals(value.asText())) {
                return null;
            }
        }
        return "not one of " + List.of(type.getEnumConstants()) + ": " + describe(value);
    }

    private static boolean isModel(Class<?> type) {
        try {
            Field fields = type.getField("openapiFields");
            return Modifier.isStatic(fields.getModifiers());
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> requiredOf(Class<?> model) {
        try {
            return (Set<String>) model.getField("openapiRequiredFields").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " has no openapiRequiredFields", e);
        }
    }

    private static Map<String, Field> fieldsOf(Class<?> model) {
        return FIELDS.computeIfAbsent(model, m -> {
            Map<String, Field> fields = new LinkedHashMap<>();
            for (Field field : m.getDeclaredFields()) {
                SerializedName name = field.getAnnotation(SerializedName.class);
                if (name != null && !Modifier.isStatic(field.getModifiers())) {
                    fields.put(name.value(), field);
                }
            }
            return fields;
        });
    }

    private static String describe(JsonNode value) {
        String kind = value.isTextual()
                ? "string"
                : value.isBoolean()
                        ? "boolean"
                        : value.isNumber() ? "number" : value.getNodeType().toString();
        String text = value.toString();
        return kind + " " + (text.length() > 80 ? text.substring(0, 80) + "…" : text);
    }
}
