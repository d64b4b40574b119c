package id.sinergi.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that contradict each other, or that values.schema.json refuses, fail the render with a message that names
 * the value to change and, for contradictions, the fix (the chart's templates/_validate.tpl).
 */
class ContradictionTest {

    /** A render with bad --set values on top of a values file, and what its error must say. */
    record Case(String name, Render base, List<String> sets, List<String> mustSay) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "demo users in production",
                        Render.PRODUCTION,
                        List.of("keycloak.realm.demoUsers=true"),
                        List.of("keycloak.realm.demoUsers", "Fix: --set keycloak.realm.demoUsers=false")),
                new Case(
                        "CNPG beside an external host",
                        Render.PRODUCTION,
                        List.of("cloudnativepg.enabled=true", "cloudnativepg.apiServer.cidrs={10.96.0.1/32}"),
                        List.of("postgresql.external.host", "Fix: --set postgresql.external.host=")),
                new Case(
                        "no database at all",
                        Render.PRODUCTION,
                        List.of("postgresql.external.host="),
                        List.of("--set postgresql.external.host=<host>", "--set cloudnativepg.enabled=true")),
                new Case(
                        "NetworkPolicies without the database's addresses",
                        Render.DEVELOPMENT,
                        List.of("postgresql.external.cidrs=null", "postgresql.external.to=null"),
                        List.of("postgresql.external.cidrs", "Fix: --set 'postgresql.external.cidrs=")),
                new Case(
                        "CNPG under NetworkPolicies without the API server's addresses",
                        Render.PRODUCTION_ALL_OPTIONS,
                        List.of("cloudnativepg.apiServer.cidrs=null"),
                        List.of("cloudnativepg.apiServer.cidrs", "Fix: --set 'cloudnativepg.apiServer.cidrs=")),
                new Case(
                        "a database connection that checks a certificate without the CA",
                        Render.PRODUCTION,
                        List.of("postgresql.external.caSecret="),
                        List.of(
                                "postgresql.external.caSecret is empty",
                                "--set postgresql.external.caSecret=sinergi-db-ca")),
                new Case(
                        "an unencrypted database connection in production",
                        Render.PRODUCTION,
                        List.of("postgresql.external.sslmode=prefer"),
                        List.of(
                                "postgresql.external.sslmode is prefer",
                                "--set postgresql.external.sslmode=verify-full")),
                new Case(
                        "an external CA beside CloudNativePG",
                        Render.PRODUCTION_ALL_OPTIONS,
                        List.of("postgresql.external.caSecret=sinergi-db-ca"),
                        List.of("postgresql.external.caSecret", "Fix: --set postgresql.external.caSecret=.")),
                new Case(
                        "a common label that would replace the chart's own",
                        Render.PRODUCTION,
                        List.of("commonLabels.app\\.kubernetes\\.io/name=foo"),
                        List.of("commonLabels has the key \"app.kubernetes.io/name\"", "Fix: another key")),
                new Case(
                        "a ServiceMonitor label that would repeat the chart's own",
                        Render.PRODUCTION,
                        List.of("monitoring.serviceMonitor.labels.helm\\.sh/chart=x"),
                        List.of("monitoring.serviceMonitor.labels has the key \"helm.sh/chart\"")),
                new Case(
                        "a dashboard label that would repeat the chart's own",
                        Render.PRODUCTION,
                        List.of("monitoring.grafanaDashboard.label=app.kubernetes.io/part-of"),
                        List.of("monitoring.grafanaDashboard.label has the key \"app.kubernetes.io/part-of\"")),
                new Case(
                        "more connections than the external server takes",
                        Render.PRODUCTION,
                        List.of("postgresql.external.maxConnections=500"),
                        List.of(
                                "the pools may open 872 connections at once",
                                "postgresql.external.maxConnections to at least 875")),
                new Case(
                        "more connections than the CloudNativePG cluster takes",
                        Render.PRODUCTION_ALL_OPTIONS,
                        List.of("cloudnativepg.parameters.max_connections=100"),
                        List.of(
                                "cloudnativepg.parameters.max_connections is 100",
                                "lower services.<name>.database.maxPoolSize")),
                new Case(
                        "two Keycloak pods with a local cache",
                        Render.DEVELOPMENT,
                        List.of("keycloak.replicaCount=2"),
                        List.of("keycloak.cache=local", "Fix: --set keycloak.cache=ispn")),
                new Case(
                        "Keycloak's PDB would block every drain",
                        Render.PRODUCTION,
                        List.of("keycloak.pdb.minAvailable=2"),
                        List.of("keycloak.pdb.minAvailable", "--set keycloak.replicaCount=3")),
                new Case(
                        "HPA minimum above its maximum",
                        Render.PRODUCTION,
                        List.of("services.case.autoscaling.minReplicas=7"),
                        List.of(
                                "services.case.autoscaling.minReplicas",
                                "--set services.case.autoscaling.maxReplicas=7")),
                new Case(
                        "one replica in production, which its PDB cannot drain",
                        Render.PRODUCTION,
                        List.of("services.identity.autoscaling.enabled=false", "services.identity.replicaCount=1"),
                        List.of(
                                "services.identity.pdb.minAvailable",
                                "--set services.identity.replicaCount=2",
                                "--set services.identity.pdb.enabled=false")),
                new Case(
                        "a singleton behind an HPA",
                        Render.PRODUCTION,
                        List.of("services.consent.singleton=true"),
                        List.of("services.consent.singleton", "--set services.consent.autoscaling.enabled=false")),
                new Case(
                        "console cookies without TLS in production",
                        Render.PRODUCTION,
                        List.of("services.audit.console.secureCookies=false"),
                        List.of("Fix: --set services.audit.console.secureCookies=true")),
                new Case(
                        "the console over plain HTTP in production",
                        Render.PRODUCTION,
                        List.of("services.audit.console.publicUrl=http://audit.sinergi.example"),
                        List.of("services.audit.console.publicUrl", "--set services.audit.console.publicUrl=https://")),
                new Case(
                        "Keycloak over plain HTTP in production",
                        Render.PRODUCTION,
                        List.of("keycloak.hostname=http://sso.sinergi.example"),
                        List.of("keycloak.hostname", "--set keycloak.hostname=https://")),
                new Case(
                        "no Secret name for a credential",
                        Render.PRODUCTION,
                        List.of("services.audit.log.signingKeySecret="),
                        List.of(
                                "services.audit.log.signingKeySecret is empty",
                                "Fix: create the Secret",
                                "--set services.audit.log.signingKeySecret=<name>")),
                new Case(
                        "no key for a client's secret",
                        Render.PRODUCTION,
                        List.of("oidcClients.keys.case-service="),
                        List.of("oidcClients.keys.case-service is empty", "--set oidcClients.keys.case-service=")),
                new Case(
                        "a singleton whose PDB blocks every drain is not told to add replicas",
                        Render.PRODUCTION,
                        List.of(
                                "services.audit.singleton=true",
                                "services.audit.autoscaling.enabled=false",
                                "services.audit.replicaCount=1"),
                        List.of("services.audit.pdb.minAvailable", "Fix: --set services.audit.pdb.maxUnavailable=1")),
                new Case(
                        "one Keycloak pod with a local cache whose PDB blocks every drain",
                        Render.PRODUCTION,
                        List.of("keycloak.cache=local", "keycloak.replicaCount=1"),
                        List.of("keycloak.pdb.minAvailable", "Fix: --set keycloak.pdb.maxUnavailable=1")),
                new Case(
                        "no NetworkPolicies in production",
                        Render.PRODUCTION,
                        List.of("networkPolicy.enabled=false"),
                        List.of("networkPolicy.enabled is false", "Fix: --set networkPolicy.enabled=true")),
                new Case(
                        "one Keycloak pod in production",
                        Render.PRODUCTION,
                        List.of("keycloak.replicaCount=1", "keycloak.pdb.maxUnavailable=1"),
                        List.of("keycloak.replicaCount is 1", "Fix: --set keycloak.replicaCount=2")),
                new Case(
                        "one CloudNativePG instance in production",
                        Render.PRODUCTION_ALL_OPTIONS,
                        List.of("cloudnativepg.instances=1"),
                        List.of("cloudnativepg.instances is 1", "Fix: --set cloudnativepg.instances=3")),
                new Case(
                        "an OTLP port open to any address in production",
                        Render.PRODUCTION,
                        List.of("observability.otlp.to=null"),
                        List.of("observability.otlp.to is empty")),
                new Case(
                        "Keycloak's two ports on one number",
                        Render.PRODUCTION,
                        List.of("keycloak.managementPort=8080"),
                        List.of("keycloak.httpPort and keycloak.managementPort", "--set keycloak.managementPort=9000")),
                new Case(
                        "a database host with a port (values.schema.json)",
                        Render.PRODUCTION,
                        List.of("postgresql.external.host=pg:5432"),
                        List.of("/postgresql/external/host")),
                new Case(
                        "a Keycloak hostname ending in a slash (values.schema.json)",
                        Render.PRODUCTION,
                        List.of("keycloak.hostname=https://sso.sinergi.example/"),
                        List.of("/keycloak/hostname")),
                new Case(
                        "an empty log origin (values.schema.json)",
                        Render.PRODUCTION,
                        List.of("services.audit.log.origin="),
                        List.of("/services/audit/log/origin")),
                new Case(
                        "a PDB that keeps no pod (values.schema.json)",
                        Render.PRODUCTION,
                        List.of("services.case.pdb.minAvailable=0"),
                        List.of("/services/case/pdb/minAvailable")),
                new Case(
                        "resources without limits (values.schema.json)",
                        Render.PRODUCTION,
                        List.of("services.case.resources.limits=null"),
                        List.of("/services/case/resources", "limits")),
                new Case(
                        "a ServiceMonitor that the NetworkPolicies keep Prometheus from",
                        Render.PRODUCTION,
                        List.of("monitoring.serviceMonitor.from=null"),
                        List.of("monitoring.serviceMonitor.from")),
                new Case(
                        "an OTLP endpoint that is no URL (values.schema.json)",
                        Render.PRODUCTION,
                        List.of("observability.otlp.endpoint=collector:4317"),
                        List.of("/observability/otlp/endpoint")),
                new Case(
                        "a misspelt value (values.schema.json)",
                        Render.PRODUCTION,
                        List.of("services.identity.replicas=3"),
                        List.of("/services/identity", "'replicas' not allowed")),
                new Case(
                        "an image flavour that does not exist (values.schema.json)",
                        Render.PRODUCTION,
                        List.of("image.flavour=graal"),
                        List.of("/image/flavour")),
                new Case(
                        "the tag latest (values.schema.json)",
                        Render.PRODUCTION,
                        List.of("image.tag=latest"),
                        List.of("/image/tag")));
    }

    @Test
    void aReleaseNameThatWouldCutTheObjectsNamesFailsTheRender() {
        String release = "kemenp2mi-protection-suite-jakarta-production-clu0001";

        Helm.Result render = Render.template(release, Render.PRODUCTION_ALL_OPTIONS.valuesFiles(), List.of());

        assertThat(release).hasSize(53);
        assertThat(render.exitCode())
                .as("exit code of helm template %s", release)
                .isNotZero();
        assertThat(render.stderr()).contains("a shorter release name (at most 40 characters", "fullnameOverride");
    }

    @Test
    void theLongestAcceptedReleaseNameGivesEveryObjectANameOfItsOwn() {
        String release = "kemenp2mi-protection-suite-jakarta-prod1";
        Set<String> names = new HashSet<>();
        List<String> problems = new ArrayList<>();
        List<Manifest> manifests =
                Manifest.parseAll(Render.template(release, Render.PRODUCTION_ALL_OPTIONS.valuesFiles(), List.of())
                        .orFail());

        for (Manifest manifest : manifests) {
            String name = manifest.kind() + "/" + manifest.name();
            if (!names.add(name)) {
                problems.add(name + " twice");
            }
            if (manifest.name().length() > 63 || !manifest.name().startsWith(release + "-sinergi-")) {
                problems.add(name + ": not <fullname>-... within 63 characters");
            }
        }

        assertThat(release).hasSize(40);
        assertThat(problems).isEmpty();
        assertThat(Workloads.ofKind(manifests, "Deployment").stream().map(Manifest::name))
                .containsExactlyInAnyOrder(Stream.of("identity", "case", "consent", "audit", "keycloak")
                        .map(c -> release + "-sinergi-" + c)
                        .toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRenderFailsAndSaysWhatToChange(Case contradiction) {
        Helm.Result render = Render.template(contradiction.base().valuesFiles(), contradiction.sets());

        assertThat(render.exitCode())
                .as("exit code of helm template with %s", contradiction.sets())
                .isNotZero();
        assertThat(render.stderr()).contains(contradiction.mustSay());
    }
}
