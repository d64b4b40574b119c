package id.sinergi.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validators refuse what the API server would refuse: proof that a green SchemaTest means something. */
class SchemaStrictnessTest {

    private static final String DEPLOYMENT =
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: probe
              labels:
                app.kubernetes.io/name: probe
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app.kubernetes.io/name: probe
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: probe
                spec:
                  automountServiceAccountToken: false
                  containers:
                    - name: probe
                      image: example/probe:1.0.0
                      ports:
                        - name: http
                          containerPort: 8080
                      resources:
                        requests:
                          cpu: 100m
                          memory: 128Mi
                      securityContext:
                        runAsNonRoot: true
            """;

    private static final String SERVICE_MONITOR =
            """
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata:
              name: probe
            spec:
              selector:
                matchLabels:
                  app.kubernetes.io/name: probe
              endpoints:
                - port: http
                  path: /q/metrics
                  interval: 30s
            """;

    private static final String CLUSTER =
            """
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata:
              name: probe
            spec:
              instances: 3
              storage:
                size: 20Gi
            """;

    @Test
    void aValidDeploymentHasNoProblems() {
        assertThat(problems(DEPLOYMENT)).isEmpty();
    }

    @Test
    void anUnknownFieldFails() {
        List<String> problems = problems(DEPLOYMENT.replace(
                "name: probe\n          image", "name: probe\n" + "          imagePolicy: Always\n          image"));

        assertThat(problems).anyMatch(p -> p.contains("$.spec.template.spec.containers[0].imagePolicy: unknown field"));
        assertThat(problems)
                .as("the client's own validateJsonElement refuses it too")
                .anyMatch(p -> p.contains("validateJsonElement") && p.contains("imagePolicy"));
    }

    @Test
    void anUnknownTopLevelFieldFails() {
        assertThat(problems(DEPLOYMENT + "extra: true\n")).anyMatch(p -> p.contains("$.extra: unknown field"));
    }

    @Test
    void aStringWhereTheApiWantsAnIntegerFails() {
        List<String> problems = problems(DEPLOYMENT.replace("containerPort: 8080", "containerPort: \"8080\""));

        assertThat(problems)
                .containsExactly("$.spec.template.spec.containers[0].ports[0].containerPort: expected an"
                        + " integer (int32), got string \"8080\"");
    }

    @Test
    void aStringWhereTheApiWantsABooleanFails() {
        List<String> problems = problems(DEPLOYMENT.replace("runAsNonRoot: true", "runAsNonRoot: \"true\""));

        assertThat(problems).anyMatch(p -> p.contains("runAsNonRoot: expected a boolean"));
    }

    @Test
    void aNumberWhereTheApiWantsAStringFails() {
        assertThat(problems(DEPLOYMENT.replace("image: example/probe:1.0.0", "image: 5")))
                .anyMatch(p -> p.contains("containers[0].image: expected a string, got number 5"));
    }

    @Test
    void anInvalidQuantityFails() {
        assertThat(problems(DEPLOYMENT.replace("memory: 128Mi", "memory: lots")))
                .anyMatch(p -> p.contains("requests.memory: not a quantity"));
    }

    @Test
    void aMissingRequiredFieldFails() {
        List<String> problems = problems(DEPLOYMENT.replace("- name: probe\n          image", "- image"));

        assertThat(problems).anyMatch(p -> p.contains("containers[0].name: required by V1Container, missing"));
    }

    @Test
    void aMissingRequiredSectionFails() {
        String withoutSelector =
                DEPLOYMENT.replace("  selector:\n    matchLabels:\n      app.kubernetes.io/name: probe\n", "");

        assertThat(problems(withoutSelector)).anyMatch(p -> p.contains("$.spec.selector: required"));
    }

    @Test
    void aKindWithoutSchemaFails() {
        assertThat(problems("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n"))
                .containsExactly("$: example.com/v1 Widget has no Kubernetes model and is no known CRD"
                        + " (KubernetesSchema, CrdSchemas)");
    }

    @Test
    void aBuiltInKindAtAnUnknownVersionFails() {
        assertThat(problems(DEPLOYMENT.replace("apiVersion: apps/v1", "apiVersion: apps/v1beta2")))
                .hasSize(1);
    }

    @Test
    void aValidServiceMonitorHasNoProblems() {
        assertThat(problems(SERVICE_MONITOR)).isEmpty();
    }

    @Test
    void aServiceMonitorWithAnUnknownFieldFails() {
        assertThat(problems(SERVICE_MONITOR.replace("path: /q/metrics", "path: /q/metrics\n      metricsPath: /x")))
                .anyMatch(p -> p.contains("metricsPath"));
    }

    @Test
    void aServiceMonitorWithAWrongTypeFails() {
        assertThat(problems(SERVICE_MONITOR.replace("interval: 30s", "interval: 30")))
                .anyMatch(p -> p.contains("interval"));
    }

    @Test
    void aServiceMonitorWithoutSelectorFails() {
        String withoutSelector =
                SERVICE_MONITOR.replace("  selector:\n    matchLabels:\n      app.kubernetes.io/name: probe\n", "");

        assertThat(problems(withoutSelector)).anyMatch(p -> p.contains("selector"));
    }

    @Test
    void aCustomResourcesMetadataIsCheckedToo() {
        assertThat(problems(SERVICE_MONITOR.replace("  name: probe\n", "  name: probe\n  label: x\n")))
                .anyMatch(p -> p.contains("$.metadata.label: unknown field of V1ObjectMeta"));
    }

    @Test
    void aValidClusterHasNoProblems() {
        assertThat(problems(CLUSTER)).isEmpty();
    }

    @Test
    void aClusterWithAStringInstanceCountFails() {
        assertThat(problems(CLUSTER.replace("instances: 3", "instances: \"3\"")))
                .anyMatch(p -> p.contains("instances"));
    }

    @Test
    void aClusterWithAnUnknownFieldFails() {
        assertThat(problems(CLUSTER.replace("size: 20Gi", "size: 20Gi\n    class: fast")))
                .anyMatch(p -> p.contains("class"));
    }

    @Test
    void aDatabaseWithoutOwnerFails() {
        String database =
                """
                apiVersion: postgresql.cnpg.io/v1
                kind: Database
                metadata:
                  name: probe
                spec:
                  name: probe
                  cluster:
                    name: probe
                """;

        assertThat(problems(database)).anyMatch(p -> p.contains("owner"));
        assertThat(problems(database.replace("  name: probe\n  cluster", "  name: probe\n  owner: probe\n  cluster")))
                .isEmpty();
    }

    private static List<String> problems(String yaml) {
        List<Manifest> manifests = Manifest.parseAll(yaml);
        assertThat(manifests).hasSize(1);
        ObjectNode object = manifests.get(0).object();
        return Schemas.problems(object);
    }
}
