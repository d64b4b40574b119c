{{/*
Contradictions in the values fail the render, each with the values that fix it. Checks the schema cannot express
(relations between values) live here; types, enums and patterns live in values.schema.json.
*/}}
{{- define "sinergi.validate" -}}
{{- $v := .Values -}}
{{- $errors := list -}}

{{- /*
Names: every object is "<fullname>-<component>[-...]", the longest "-keycloak-realm" (15 characters), and a name
has at most 63; a longer fullname would be cut and two components' objects could end up with one name.
*/ -}}
{{- $name := default .Chart.Name $v.nameOverride -}}
{{- $fullname := $v.fullnameOverride -}}
{{- if not $fullname -}}
{{- $fullname = ternary .Release.Name (printf "%s-%s" .Release.Name $name) (contains $name .Release.Name) -}}
{{- end -}}
{{- if gt (len $fullname) 48 -}}
{{- $errors = append $errors (printf (cat
    "the objects' name prefix %q (release name and chart name) has %d characters, more than 48: with the longest"
    "component suffix (-keycloak-realm) names would pass 63 characters and be cut, and two workloads' objects could"
    "share a name. Fix: a shorter release name (at most %d characters, or 48 with %q in it), or --set"
    "fullnameOverride=<at most 40 characters>.")
  $fullname (len $fullname) (sub 47 (len $name)) $name) -}}
{{- end -}}

{{- /* Extra labels never replace the chart's own, which selectors and the default-deny policy rely on. */ -}}
{{- $extraLabels := dict
  "commonLabels" (keys $v.commonLabels)
  "monitoring.serviceMonitor.labels" (keys $v.monitoring.serviceMonitor.labels)
  "monitoring.grafanaDashboard.label" (list $v.monitoring.grafanaDashboard.label) -}}
{{- range $path, $labelKeys := $extraLabels -}}
{{- range $key := $labelKeys | sortAlpha -}}
{{- if regexMatch "^(app\\.kubernetes\\.io|helm\\.sh)/" $key -}}
{{- $errors = append $errors (printf (cat
    "%s has the key %q: app.kubernetes.io/* and helm.sh/* labels are the chart's own (selectors, the default-deny"
    "NetworkPolicy); a second one would be a duplicate key or change what selects which pod. Fix: another key (e.g."
    "sinergi.example/%s) in %s.")
  $path $key (base $key) $path) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- /* Database: exactly one of external and CloudNativePG. */ -}}
{{- if and $v.cloudnativepg.enabled $v.postgresql.external.host -}}
{{- $errors = append $errors (printf (cat
    "cloudnativepg.enabled is true and postgresql.external.host is %q: the services would connect to the CNPG"
    "cluster and ignore the external host. Fix: --set postgresql.external.host= (CNPG) or --set"
    "cloudnativepg.enabled=false (external).")
  $v.postgresql.external.host) -}}
{{- end -}}
{{- if and (not $v.cloudnativepg.enabled) (not $v.postgresql.external.host) -}}
{{- $errors = append $errors (cat
  "no database: postgresql.external.host is empty and cloudnativepg.enabled is false. Fix: --set"
  "postgresql.external.host=<host> or --set cloudnativepg.enabled=true.") -}}
{{- end -}}
{{- if and $v.networkPolicy.enabled (not $v.cloudnativepg.enabled)
  (not $v.postgresql.external.cidrs) (not $v.postgresql.external.to) -}}
{{- $errors = append $errors (cat
  "networkPolicy.enabled is true but postgresql.external.cidrs and postgresql.external.to are empty: no pod could"
  "reach the database. Fix: --set 'postgresql.external.cidrs={10.20.0.0/24}' (the addresses of a server outside"
  "the cluster), or postgresql.external.to (peers of a server's pods in the cluster).") -}}
{{- end -}}
{{- if and $v.networkPolicy.enabled $v.cloudnativepg.enabled (not $v.cloudnativepg.apiServer.cidrs) -}}
{{- $errors = append $errors (cat
  "networkPolicy.enabled and cloudnativepg.enabled are true but cloudnativepg.apiServer.cidrs is empty: the"
  "instance managers could not reach the Kubernetes API. Fix: --set 'cloudnativepg.apiServer.cidrs={<API server"
  "address>/32}' (kubectl get endpoints kubernetes -n default).") -}}
{{- end -}}

{{- /* Database TLS: a mode that verifies needs the CA; production never talks to the database in clear. */ -}}
{{- $sslmode := $v.postgresql.external.sslmode -}}
{{- if and (not $v.cloudnativepg.enabled) (has $sslmode (list "verify-ca" "verify-full"))
  (not $v.postgresql.external.caSecret) -}}
{{- $errors = append $errors (printf (cat
    "postgresql.external.sslmode is %s but postgresql.external.caSecret is empty: neither pgjdbc nor the reactive"
    "client could check the server's certificate and every connection would fail. Fix: create a Secret with the"
    "server's CA certificate (docs/runbook.md, \"Install\", step 3) and --set"
    "postgresql.external.caSecret=sinergi-db-ca.")
  $sslmode) -}}
{{- end -}}
{{- if and $v.cloudnativepg.enabled $v.postgresql.external.caSecret -}}
{{- $errors = append $errors (printf (cat
    "cloudnativepg.enabled is true and postgresql.external.caSecret is %q: the pods trust the CNPG cluster's own CA"
    "(its <cluster>-ca Secret) and would ignore it. Fix: --set postgresql.external.caSecret=.")
  $v.postgresql.external.caSecret) -}}
{{- end -}}
{{- if and $v.production (not $v.cloudnativepg.enabled) (has $sslmode (list "disable" "allow" "prefer")) -}}
{{- $errors = append $errors (printf (cat
    "postgresql.external.sslmode is %s with production: true: credentials and personal data could cross the network"
    "unencrypted. Fix: --set postgresql.external.sslmode=verify-full with postgresql.external.caSecret"
    "(docs/runbook.md, \"Install\", step 3).")
  $sslmode) -}}
{{- end -}}

{{- /* Connections: the pools at the most pods fit in the server's max_connections (3 stay for superusers). */ -}}
{{- $budget := int (include "sinergi.connectionBudget" $) -}}
{{- $maxConnections := ternary
  (int (default "100" (get (default (dict) $v.cloudnativepg.parameters) "max_connections")))
  (int $v.postgresql.external.maxConnections)
  (and $v.cloudnativepg.enabled true) -}}
{{- if and (gt $maxConnections 0) (gt $budget (sub $maxConnections 3)) -}}
{{- $what := ternary "cloudnativepg.parameters.max_connections" "postgresql.external.maxConnections"
  (and $v.cloudnativepg.enabled true) -}}
{{- $errors = append $errors (printf (cat
    "the pools may open %d connections at once (every workload at its most pods plus one in a roll;"
    "docs/runbook.md, \"Scale\") but %s is %d (3 of them for superusers). Fix: raise max_connections on the server"
    "and %s to at least %d, or lower services.<name>.database.maxPoolSize, keycloak.database.poolMaxSize or the"
    "replicas.")
  $budget $what $maxConnections $what (add $budget 3)) -}}
{{- end -}}

{{- /* Demo users and other local-only shortcuts never in production. */ -}}
{{- if and $v.production $v.keycloak.realm.demoUsers -}}
{{- $errors = append $errors (cat
  "keycloak.realm.demoUsers is true with production: true: the demo users share the password sinergi-local and"
  "sinergi-cli has the password grant. Fix: --set keycloak.realm.demoUsers=false (or production=false for a"
  "development install).") -}}
{{- end -}}
{{- if and $v.production (not $v.services.audit.console.secureCookies) -}}
{{- $errors = append $errors (cat
  "services.audit.console.secureCookies is false with production: true: the console's session and CSRF cookies"
  "would travel without TLS. Fix: --set services.audit.console.secureCookies=true.") -}}
{{- end -}}
{{- if and $v.production (hasPrefix "http://" $v.services.audit.console.publicUrl) -}}
{{- $errors = append $errors (printf (cat
    "services.audit.console.publicUrl is %q with production: true: the console's logins and sessions need TLS (at"
    "the ingress). Fix: --set services.audit.console.publicUrl=https://<public host>.")
  $v.services.audit.console.publicUrl) -}}
{{- end -}}
{{- if and $v.production (hasPrefix "http://" $v.keycloak.hostname) -}}
{{- $errors = append $errors (printf (cat
    "keycloak.hostname is %q with production: true: tokens and logins need TLS (at the ingress). Fix: --set"
    "keycloak.hostname=https://<public host>.")
  $v.keycloak.hostname) -}}
{{- end -}}

{{- if and $v.production (not $v.networkPolicy.enabled) -}}
{{- $errors = append $errors (cat
  "networkPolicy.enabled is false with production: true: every pod could reach and be reached by any other in the"
  "cluster, the database and the audit log included. Fix: --set networkPolicy.enabled=true (with"
  "networkPolicy.apiClients and networkPolicy.ingressController).") -}}
{{- end -}}
{{- if and $v.production (lt (int $v.keycloak.replicaCount) 2) -}}
{{- $errors = append $errors (printf (cat
    "keycloak.replicaCount is %v with production: true: a restart or a drain stops every login and token. Fix:"
    "--set keycloak.replicaCount=2 with keycloak.cache=ispn.")
  $v.keycloak.replicaCount) -}}
{{- end -}}
{{- if and $v.production $v.cloudnativepg.enabled (lt (int $v.cloudnativepg.instances) 2) -}}
{{- $errors = append $errors (printf (cat
    "cloudnativepg.instances is %v with production: true: without a replica there is no failover, and losing the"
    "volume loses the data since the last backup. Fix: --set cloudnativepg.instances=3.")
  $v.cloudnativepg.instances) -}}
{{- end -}}
{{- if and $v.production $v.networkPolicy.enabled $v.observability.otlp.endpoint (not $v.observability.otlp.to) -}}
{{- $errors = append $errors (cat
  "observability.otlp.endpoint is set but observability.otlp.to is empty with production: true: the services'"
  "egress to the collector's port would be open to any address. Fix: set observability.otlp.to to the collector's"
  "namespace/pod selectors.") -}}
{{- end -}}

{{- /* Keycloak. */ -}}
{{- if not $v.keycloak.hostname -}}
{{- $errors = append $errors (cat
  "keycloak.hostname is empty: Keycloak needs its public address (the tokens' issuer). Fix: --set"
  "keycloak.hostname=https://sso.example.org.") -}}
{{- end -}}
{{- if eq (int $v.keycloak.httpPort) (int $v.keycloak.managementPort) -}}
{{- $errors = append $errors (printf (cat
    "keycloak.httpPort and keycloak.managementPort are both %v: Keycloak serves the API and health/metrics on two"
    "ports. Fix: --set keycloak.managementPort=9000 (or another free port).")
  $v.keycloak.httpPort) -}}
{{- end -}}
{{- if and (gt (int $v.keycloak.replicaCount) 1) (eq $v.keycloak.cache "local") -}}
{{- $errors = append $errors (printf (cat
    "keycloak.replicaCount is %v with keycloak.cache=local: each pod would keep its own sessions and logins would"
    "fail at random. Fix: --set keycloak.cache=ispn or --set keycloak.replicaCount=1.")
  $v.keycloak.replicaCount) -}}
{{- end -}}
{{- if and $v.keycloak.pdb.enabled (not $v.keycloak.pdb.maxUnavailable)
  (ge (int $v.keycloak.pdb.minAvailable) (int $v.keycloak.replicaCount)) -}}
{{- $more := ternary ""
  (printf "--set keycloak.replicaCount=%v, " (add1 (int $v.keycloak.pdb.minAvailable)))
  (eq $v.keycloak.cache "local") -}}
{{- $errors = append $errors (printf (cat
    "keycloak.pdb.minAvailable (%v) is not below keycloak.replicaCount (%v): no node could be drained. Fix: %s--set"
    "keycloak.pdb.maxUnavailable=1 or --set keycloak.pdb.enabled=false.")
  $v.keycloak.pdb.minAvailable $v.keycloak.replicaCount $more) -}}
{{- end -}}

{{- /* Services: replicas, HPA and PDB agree. */ -}}
{{- range $component := include "sinergi.serviceKeys" $ | fromJsonArray -}}
{{- $svc := index $v.services $component -}}
{{- $hpa := $svc.autoscaling -}}
{{- if and $svc.singleton $hpa.enabled -}}
{{- $errors = append $errors (printf (cat
    "services.%s.singleton is true and services.%s.autoscaling.enabled is true: an HPA would start a second"
    "replica. Fix: --set services.%s.autoscaling.enabled=false.")
  $component $component $component) -}}
{{- end -}}
{{- if and $svc.singleton (gt (int $svc.replicaCount) 1) -}}
{{- $errors = append $errors (printf (cat
    "services.%s.singleton is true and services.%s.replicaCount is %v. Fix: --set services.%s.replicaCount=1.")
  $component $component $svc.replicaCount $component) -}}
{{- end -}}
{{- if and $hpa.enabled (gt (int $hpa.minReplicas) (int $hpa.maxReplicas)) -}}
{{- $errors = append $errors (printf (cat
    "services.%s.autoscaling.minReplicas (%v) is above maxReplicas (%v). Fix: --set"
    "services.%s.autoscaling.maxReplicas=%v.")
  $component $hpa.minReplicas $hpa.maxReplicas $component $hpa.minReplicas) -}}
{{- end -}}
{{- $fewest := ternary $hpa.minReplicas $svc.replicaCount (and $hpa.enabled true) -}}
{{- if and $svc.pdb.enabled (not $svc.pdb.maxUnavailable) (ge (int $svc.pdb.minAvailable) (int $fewest)) -}}
{{- $more := ternary ""
  (printf "raise services.%s.replicaCount (or autoscaling.minReplicas) to %v, "
    $component (add1 (int $svc.pdb.minAvailable)))
  (and $svc.singleton true) -}}
{{- $errors = append $errors (printf (cat
    "services.%s.pdb.minAvailable (%v) is not below the fewest replicas (%v): no node could be drained. Fix:"
    "%s--set services.%s.pdb.maxUnavailable=1 or --set services.%s.pdb.enabled=false.")
  $component $svc.pdb.minAvailable $fewest $more $component $component) -}}
{{- end -}}
{{- if and $v.production (not $svc.singleton) (lt (int $fewest) 2) -}}
{{- $errors = append $errors (printf (cat
    "services.%s runs %v replica with production: true: a restart or a drain takes it down. Fix: --set"
    "services.%s.replicaCount=2 (or autoscaling.minReplicas=2).")
  $component $fewest $component) -}}
{{- end -}}
{{- end -}}

{{- /* Required Secret names. */ -}}
{{- $required := dict
  "oidcClients.existingSecret" $v.oidcClients.existingSecret
  "keycloak.admin.existingSecret" $v.keycloak.admin.existingSecret
  "keycloak.database.existingSecret" $v.keycloak.database.existingSecret
  "services.identity.database.existingSecret" $v.services.identity.database.existingSecret
  "services.case.database.existingSecret" $v.services.case.database.existingSecret
  "services.consent.database.existingSecret" $v.services.consent.database.existingSecret
  "services.consent.receipt.existingSecret" $v.services.consent.receipt.existingSecret
  "services.audit.database.existingSecret" $v.services.audit.database.existingSecret
  "services.audit.database.ownerExistingSecret" $v.services.audit.database.ownerExistingSecret
  "services.audit.log.signingKeySecret" $v.services.audit.log.signingKeySecret
  "services.audit.secrets.existingSecret" $v.services.audit.secrets.existingSecret -}}
{{- range $path, $name := $required -}}
{{- if not $name -}}
{{- $errors = append $errors (printf (cat
    "%s is empty: the chart reads credentials only from existing Secrets. Fix: create the Secret (docs/runbook.md,"
    "\"Install\") and --set %s=<name>.")
  $path $path) -}}
{{- end -}}
{{- end -}}
{{- range $client := list "identity-service" "case-service" "consent-service" "audit-service" "audit-event-reader"
  "security-console" "siskop2mi-connector" "peduli-wni-portal" "audit-witness-kemlu" "audit-witness-kemenp2mi" -}}
{{- if not (index $v.oidcClients.keys $client) -}}
{{- $errors = append $errors (printf (cat
    "oidcClients.keys.%s is empty: Keycloak's realm import needs that client's secret. Fix: --set"
    "oidcClients.keys.%s=<key in %s>.")
  $client $client $v.oidcClients.existingSecret) -}}
{{- end -}}
{{- end -}}

{{- /* Observability and monitoring. */ -}}
{{- with $v.observability.otlp.endpoint -}}
{{- if not (regexMatch "^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/.*)?$" .) -}}
{{- $errors = append $errors (printf (cat
    "observability.otlp.endpoint %q is not an http(s) URL. Fix: --set"
    "observability.otlp.endpoint=http://otel-collector.observability:4317 (or empty to keep tracing off).")
  .) -}}
{{- end -}}
{{- end -}}
{{- if and $v.networkPolicy.enabled $v.monitoring.serviceMonitor.enabled (not $v.monitoring.serviceMonitor.from) -}}
{{- $errors = append $errors (cat
  "monitoring.serviceMonitor.enabled is true but monitoring.serviceMonitor.from is empty: the NetworkPolicies"
  "would keep Prometheus out. Fix: set monitoring.serviceMonitor.from to Prometheus's namespace/pod selectors.") -}}
{{- end -}}

{{- if $errors -}}
{{- fail (printf "\n\nsinergi: the values contradict each other:\n- %s\n" (join "\n- " $errors)) -}}
{{- end -}}
{{- end -}}
