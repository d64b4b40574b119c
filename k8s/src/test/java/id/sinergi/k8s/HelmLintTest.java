package id.sinergi.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
}
