package id.sinergi.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JVM flavour (the development values) keeps its image's JAVA_OPTS_APPEND: an env var replaces the image's
 * ENV, so the chart's value starts with what each Dockerfile.jvm sets (the HTTP host, the log manager) and only
 * then adds serviceDefaults.javaOptions.
 */
class JvmOptionsTest {

    private static final Pattern IMAGE_OPTIONS = Pattern.compile("(?m)^ENV JAVA_OPTS_APPEND=\"([^\"]*)\"$");

    @Test
    void everyServiceKeepsItsImagesJvmOptionsAndAddsTheChartsOwn() throws IOException {
        List<Manifest> manifests = Render.DEVELOPMENT.manifests();

        for (String service : List.of("identity-service", "case-service", "consent-service", "audit-service")) {
            Path dockerfile = Helm.REPO.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
            Matcher image = IMAGE_OPTIONS.matcher(Files.readString(dockerfile));
            assertThat(image.find()).as("%s sets JAVA_OPTS_APPEND", dockerfile).isTrue();

            String chart = Workloads.env(
                            manifests, Workloads.container(Workloads.deployment(manifests, service), service))
                    .get("JAVA_OPTS_APPEND");

            assertThat(chart)
                    .as(service)
                    .isEqualTo(image.group(1) + " -XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError");
        }
    }
}
