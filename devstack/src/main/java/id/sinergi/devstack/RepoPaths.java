package id.sinergi.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the devstack finds the project's own files: the realm, the Keycloak zip, the service builds. */
public final class RepoPaths {

    /** The folder of the realm's files, inside the Helm chart. */
    static final String REALM_DIR = "k8s/sinergi/files/realm";

    /** The realm file's name, as Keycloak's directory import wants it ({@code <realm>-realm.json}). */
    static final String REALM_FILE = "sinergi-realm.json";

    /** The demo users' file name, as Keycloak's directory import wants it ({@code <realm>-users-<n>.json}). */
    static final String DEMO_USERS_FILE = "sinergi-users-0.json";

    private RepoPaths() {}

    /**
     * The repository root: the {@code sinergi.repo.root} system property (Maven sets it for tests), else the first
     * directory upwards from the working directory that holds the realm file ({@link #REALM_DIR}).
     */
    public static Path root() {
        String configured = System.getProperty("sinergi.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve(REALM_DIR).resolve(REALM_FILE))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "cannot find the Sinergi repository root above " + Path.of("").toAbsolutePath());
    }

    /** The realm file: the Helm chart's own copy, the only one (its client secrets are import placeholders). */
    public static Path realmFile() {
        return root().resolve(REALM_DIR).resolve(REALM_FILE);
    }

    /** The demo users of the realm (LOCAL ONLY), in Keycloak's users-file form; the chart imports them only in dev. */
    public static Path demoUsersFile() {
        return root().resolve(REALM_DIR).resolve(DEMO_USERS_FILE);
    }

    /** The Keycloak distribution zip: {@code sinergi.keycloak.zip}, else its place in the local Maven repository. */
    public static Path keycloakZip() {
        String configured = System.getProperty("sinergi.keycloak.zip");
        if (configured != null && !configured.isBlank() && !configured.contains("${")) {
            return Path.of(configured);
        }
        String version = keycloakVersion();
        Path repo = Path.of(System.getProperty("user.home"), ".m2", "repository");
        return repo.resolve(
                "org/keycloak/keycloak-quarkus-dist/" + version + "/keycloak-quarkus-dist-" + version + ".zip");
    }

    /** The Keycloak version the build downloaded ({@code keycloak.version} of the parent POM). */
    static String keycloakVersion() {
        Properties props = new Properties();
        try (InputStream in = RepoPaths.class.getResourceAsStream("/sinergi-devstack.properties")) {
            props.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("sinergi-devstack.properties is missing from the devstack build", e);
        }
        return props.getProperty("keycloak.version");
    }

    /** The runnable build of a service module. */
    public static Path serviceJar(String service) {
        return root().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
