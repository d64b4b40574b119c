package id.sinergi.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Connections to PostgreSQL that check the server's certificate can work: with sslmode verify-full or verify-ca,
 * every service and Keycloak mount the CA certificate from its Secret, pgjdbc (Flyway, Keycloak) gets it as
 * sslrootcert, and the reactive client trusts it (and checks the host name under verify-full). Without a CA
 * (development's sslmode=disable) nothing of that is rendered.
 */
class DatabaseTlsTest {

    private static final List<String> SERVICES =
            List.of("identity-service", "case-service", "consent-service", "audit-service");

    private static final String CA_FILE = "/etc/sinergi/db-ca/ca.crt";

    @Test
    void withVerifyFullEveryPodTrustsTheExternalServersCaAndChecksItsName() {
        List<String> problems = problems(Render.PRODUCTION.manifests(), "sinergi-db-ca", "ca.crt", "verify-full");

        assertThat(problems).isEmpty();
    }

    @Test
    void withVerifyCaEveryPodTrustsTheCaWithoutCheckingTheName() {
        List<Manifest> manifests =
                render(List.of("postgresql.external.sslmode=verify-ca", "postgresql.external.caKey=root.pem"));

        List<String> problems = problems(manifests, "sinergi-db-ca", "root.pem", "verify-ca");

        assertThat(problems).isEmpty();
    }

    @Test
    void withCloudNativePgEveryPodTrustsTheClustersOwnCaAndReachesItsRwService() {
        List<Manifest> manifests = Render.PRODUCTION_ALL_OPTIONS.manifests();

        List<String> problems = problems(manifests, "sinergi-pg-ca", "ca.crt", "verify-full");

        assertThat(problems).isEmpty();
        assertThat(Workloads.env(manifests, container("keycloak", manifests)).get("KC_DB_URL"))
                .startsWith("jdbc:postgresql://sinergi-pg-rw:5432/");
    }

    @Test
    void withoutTlsNoCaIsMountedOrTrusted() {
        List<Manifest> manifests = Render.DEVELOPMENT.manifests();

        for (String app : apps()) {
            JsonNode container = container(app, manifests);
            Map<String, String> env = Workloads.env(manifests, container);

            assertThat(container.path("volumeMounts").findValuesAsText("name"))
                    .as(app)
                    .doesNotContain("db-ca");
            assertThat(env).as(app).doesNotContainKey("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM");
            assertThat(env.values()).as(app).noneMatch(v -> v.contains("sslrootcert"));
        }
    }

    /** What is missing for TLS with this CA Secret, key and sslmode, in every service and Keycloak. */
    private static List<String> problems(List<Manifest> manifests, String secret, String key, String sslmode) {
        List<String> problems = new ArrayList<>();
        for (String app : apps()) {
            Manifest deployment = Workloads.deployment(manifests, app);
            JsonNode container = container(app, manifests);
            Map<String, String> env = Workloads.env(manifests, container);
            if (!mountsCa(deployment, container, secret, key)) {
                problems.add(app + ": no file " + CA_FILE + " from key " + key + " of Secret " + secret);
            }
            List<String> jdbcUrls = app.equals("keycloak")
                    ? List.of(env.getOrDefault("KC_DB_URL", ""))
                    : List.of(env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", ""));
            for (String url : jdbcUrls) {
                if (!url.endsWith("?sslmode=" + sslmode + "&sslrootcert=" + CA_FILE)) {
                    problems.add(app + ": JDBC URL " + url + " without sslmode=" + sslmode + " and sslrootcert");
                }
            }
            if (app.equals("keycloak")) {
                continue;
            }
            if (!env.getOrDefault("QUARKUS_DATASOURCE_REACTIVE_URL", "").endsWith("?sslmode=" + sslmode)) {
                problems.add(app + ": reactive URL without sslmode=" + sslmode);
            }
            if (!"true".equals(env.get("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM"))
                    || !CA_FILE.equals(env.get("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS"))) {
                problems.add(app + ": the reactive client does not trust " + CA_FILE);
            }
            String algorithm = env.get("QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM");
            if (sslmode.equals("verify-full") != "HTTPS".equals(algorithm)) {
                problems.add(app + ": hostname verification " + algorithm + " under sslmode " + sslmode);
            }
        }
        return problems;
    }

    private static boolean mountsCa(Manifest deployment, JsonNode container, String secret, String key) {
        String volumeName = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (CA_FILE.startsWith(mount.path("mountPath").asText() + "/")) {
                volumeName = mount.path("name").asText();
            }
        }
        for (JsonNode volume : deployment.podTemplate().path("spec").path("volumes")) {
            if (volume.path("name").asText().equals(volumeName)
                    && volume.path("secret").path("secretName").asText().equals(secret)) {
                for (JsonNode item : volume.path("secret").path("items")) {
                    if (item.path("key").asText().equals(key)
                            && item.path("path").asText().equals("ca.crt")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<String> apps() {
        List<String> apps = new ArrayList<>(SERVICES);
        apps.add("keycloak");
        return apps;
    }

    private static JsonNode container(String app, List<Manifest> manifests) {
        return Workloads.container(Workloads.deployment(manifests, app), app);
    }

    private static List<Manifest> render(List<String> sets) {
        return Manifest.parseAll(
                Render.template(Render.PRODUCTION.valuesFiles(), sets).orFail());
    }
}
