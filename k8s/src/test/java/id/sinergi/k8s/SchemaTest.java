package id.sinergi.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rendered object against the Kubernetes schemas (or, for the CRDs, the hand-written subsets). */
class SchemaTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void everyRenderedObjectFitsItsSchema(Render render) {
        List<String> problems = new ArrayList<>();

        for (Manifest manifest : render.manifests()) {
            for (String problem : Schemas.problems(manifest.object())) {
                problems.add(manifest + " " + problem);
            }
        }

        assertThat(render.manifests()).as("objects rendered").isNotEmpty();
        assertThat(problems).as("schema problems of the %s render", render).isEmpty();
    }

    @Test
    void theOptionalPartsAreRenderedAndSoChecked() {
        Set<String> kinds = Render.PRODUCTION_ALL_OPTIONS.manifests().stream()
                .map(m -> m.apiVersion() + " " + m.kind())
                .collect(Collectors.toSet());

        assertThat(kinds)
                .contains(
                        "monitoring.coreos.com/v1 ServiceMonitor",
                        "postgresql.cnpg.io/v1 Cluster",
                        "postgresql.cnpg.io/v1 Database");
        assertThat(Render.PRODUCTION_ALL_OPTIONS.manifests())
                .as("the Grafana dashboards' ConfigMap")
                .anyMatch(m -> m.kind().equals("ConfigMap")
                        && m.object().path("metadata").path("labels").has("grafana_dashboard")
                        && m.object().path("data").fieldNames().hasNext());
    }
}
