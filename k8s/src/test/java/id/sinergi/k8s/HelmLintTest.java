package id.sinergi.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HelmLintTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void lintStrictPassesWithTheValues(Render render) {
        List<String> arguments = new ArrayList<>(List.of("lint", "--strict", "k8s/sinergi"));
        arguments.addAll(render.valuesArguments());

        Helm.Result lint = Helm.run(arguments);

        assertThat(lint.exitCode())
                .as("helm lint --strict with %s:%n%s%s", render.valuesFiles(), lint.stdout(), lint.stderr())
                .isZero();
    }

    /**
     * {@code helm lint} passes the chart's bare defaults, since it reports no error for a template that calls
     * {@code fail}; an install with them must still stop before it reaches the cluster, saying what to set.
     */
    @Test
    void theBareDefaultsDoNotRenderAndSayWhatToSet() {
        Helm.Result render = Helm.run(List.of("template", "sinergi", "k8s/sinergi"));

        assertThat(render.exitCode())
                .as("helm template with the bare defaults:%n%s", render.stdout())
                .isNotZero();
        assertThat(render.stderr()).contains("the values contradict each other").contains("Fix: --set");
    }
}
