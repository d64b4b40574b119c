package id.sinergi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class RepoPathsTest {

    @Test
    void shouldTakeTheKeycloakVersionFromTheBuildAndFindItsDistribution() {
        String version = RepoPaths.keycloakVersion();

        assertThat(version).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(RepoPaths.keycloakZip().getFileName().toString())
                .isEqualTo("keycloak-quarkus-dist-" + version + ".zip");
        assertThat(Files.isRegularFile(RepoPaths.keycloakZip())).isTrue();
    }

    @Test
    void shouldFindTheRealmAndDemoUsersFilesInTheHelmChart() {
        assertThat(RepoPaths.realmFile()).isRegularFile().hasFileName("sinergi-realm.json");
        assertThat(RepoPaths.demoUsersFile()).isRegularFile().hasFileName("sinergi-users-0.json");
        assertThat(RepoPaths.realmFile().getParent()).isEqualTo(RepoPaths.root().resolve("k8s/sinergi/files/realm"));
    }
}
