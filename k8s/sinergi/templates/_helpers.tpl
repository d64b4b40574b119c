{{/*
Names, labels and the values every template shares. One helper per label set, so that every object carries the
same app.kubernetes.io/* labels and every selector the same two of them (name and instance, never the version).
*/}}

{{/* The chart's name, or nameOverride. */}}
{{- define "sinergi.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* "<release>-<chart>", or fullnameOverride; just the release name when it already holds the chart's name. */}}
{{- define "sinergi.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* "name-version" for the helm.sh/chart label. */}}
{{- define "sinergi.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Name of a workload's objects: "<fullname>-<component>", e.g. sinergi-identity, sinergi-keycloak.
Call with (dict "root" $ "component" "identity").
*/}}
{{- define "sinergi.componentName" -}}
{{- printf "%s-%s" (include "sinergi.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
The app.kubernetes.io/name of a workload: the service's own name (identity-service, ..., keycloak), so that each
Deployment's selector (name + instance) picks its own pods only. Call with (dict "root" $ "component" "identity").
*/}}
{{- define "sinergi.appName" -}}
{{- if eq .component "keycloak" -}}keycloak
{{- else if eq .component "postgresql" -}}postgresql
{{- else if eq .component "suite" -}}{{ include "sinergi.name" .root }}
{{- else -}}{{ printf "%s-service" .component }}
{{- end -}}
{{- end -}}

{{/* Selector labels of a workload: name and instance only. Call with (dict "root" $ "component" "identity"). */}}
{{- define "sinergi.selectorLabels" -}}
app.kubernetes.io/name: {{ include "sinergi.appName" . }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/*
Every label of a workload's objects. The version is the workload's own: the chart's appVersion for the services,
the image tag for Keycloak. Call with (dict "root" $ "component" "identity").
*/}}
{{- define "sinergi.labels" -}}
{{ include "sinergi.selectorLabels" . }}
app.kubernetes.io/version: {{ include "sinergi.componentVersion" . | quote }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: {{ include "sinergi.name" .root }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "sinergi.chart" .root }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Labels of objects that belong to the release as a whole (policies, dashboards). Call with $. */}}
{{- define "sinergi.releaseLabels" -}}
{{ include "sinergi.labels" (dict "root" . "component" "suite") }}
{{- end -}}

{{/* Every pod of the release: what the default-deny NetworkPolicy selects. Call with $. */}}
{{- define "sinergi.releasePodSelector" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: {{ include "sinergi.name" . }}
{{- end -}}

{{- define "sinergi.componentVersion" -}}
{{- if eq .component "keycloak" -}}{{ .root.Values.keycloak.image.tag }}
{{- else if eq .component "postgresql" -}}{{ regexReplaceAll "^.*:" .root.Values.cloudnativepg.imageName "" }}
{{- else -}}{{ .root.Chart.AppVersion }}
{{- end -}}
{{- end -}}

{{/*
A service's image: <registry>/<namespace>/<repository>:<tag>[-jvm][@digest]. The tag defaults to appVersion.
Call with (dict "root" $ "component" "identity").
*/}}
{{- define "sinergi.serviceImage" -}}
{{- $img := .root.Values.image -}}
{{- $svc := index .root.Values.services .component -}}
{{- $tag := default .root.Chart.AppVersion $img.tag -}}
{{- if eq $img.flavour "jvm" -}}{{- $tag = printf "%s-jvm" $tag -}}{{- end -}}
{{- $ref := printf "%s/%s/%s:%s" $img.registry $img.namespace $svc.image.repository $tag -}}
{{- if $svc.image.digest -}}{{- $ref = printf "%s@%s" $ref $svc.image.digest -}}{{- end -}}
{{- $ref -}}
{{- end -}}

{{/* Keycloak's image reference. Call with $. */}}
{{- define "sinergi.keycloakImage" -}}
{{- $img := .Values.keycloak.image -}}
{{- $ref := printf "%s/%s:%s" $img.registry $img.repository $img.tag -}}
{{- if $img.digest -}}{{- $ref = printf "%s@%s" $ref $img.digest -}}{{- end -}}
{{- $ref -}}
{{- end -}}

{{/* Host of PostgreSQL: the external one, or the CNPG cluster's read-write service. Call with $. */}}
{{- define "sinergi.dbHost" -}}
{{- if .Values.cloudnativepg.enabled -}}
{{- printf "%s-rw" (include "sinergi.cnpgName" .) -}}
{{- else -}}
{{- .Values.postgresql.external.host -}}
{{- end -}}
{{- end -}}

{{- define "sinergi.dbPort" -}}
{{- if .Values.cloudnativepg.enabled -}}5432{{- else -}}{{ .Values.postgresql.external.port }}{{- end -}}
{{- end -}}

{{/*
sslmode of every connection: CNPG's server certificate is signed by the cluster's own CA (the operator's
<cluster>-ca Secret, which the pods mount) and names the -rw service, so verify-full; else the external setting.
*/}}
{{- define "sinergi.dbSslmode" -}}
{{- if .Values.cloudnativepg.enabled -}}verify-full{{- else -}}{{ .Values.postgresql.external.sslmode }}{{- end -}}
{{- end -}}

{{/*
The Secret and key holding the CA certificate that signed the database server's certificate, as JSON (empty
object: none): CNPG's <cluster>-ca (key ca.crt), or postgresql.external.caSecret/caKey. Call with $.
*/}}
{{- define "sinergi.dbCa" -}}
{{- if .Values.cloudnativepg.enabled -}}
{{- toJson (dict "secret" (printf "%s-ca" (include "sinergi.cnpgName" .)) "key" "ca.crt") -}}
{{- else if .Values.postgresql.external.caSecret -}}
{{- toJson (dict "secret" .Values.postgresql.external.caSecret "key" .Values.postgresql.external.caKey) -}}
{{- else -}}
{{- toJson (dict) -}}
{{- end -}}
{{- end -}}

{{/* Where the pods mount the database's CA certificate (a file of the Secret above). */}}
{{- define "sinergi.dbCaDir" -}}/etc/sinergi/db-ca{{- end -}}
{{- define "sinergi.dbCaFile" -}}{{ include "sinergi.dbCaDir" . }}/ca.crt{{- end -}}

{{/*
The query of a JDBC URL (pgjdbc for Flyway, Keycloak): sslmode, and sslrootcert when there is a CA (without it
pgjdbc looks for ~/.postgresql/root.crt). Call with $.
*/}}
{{- define "sinergi.jdbcParams" -}}
{{- printf "sslmode=%s" (include "sinergi.dbSslmode" .) -}}
{{- if include "sinergi.dbCa" . | fromJson -}}{{ printf "&sslrootcert=%s" (include "sinergi.dbCaFile" .) }}{{- end -}}
{{- end -}}

{{/* The database CA's volume of a pod, when there is a CA. Call with $. */}}
{{- define "sinergi.dbCaVolume" -}}
{{- with include "sinergi.dbCa" . | fromJson -}}
- name: db-ca
  secret:
    secretName: {{ .secret }}
    defaultMode: 0440
    items:
      - key: {{ .key }}
        path: ca.crt
{{- end -}}
{{- end -}}

{{/* The database CA's volume mount of a container, when there is a CA. Call with $. */}}
{{- define "sinergi.dbCaVolumeMount" -}}
{{- if include "sinergi.dbCa" . | fromJson -}}
- name: db-ca
  mountPath: {{ include "sinergi.dbCaDir" . }}
  readOnly: true
{{- end -}}
{{- end -}}

{{- define "sinergi.cnpgName" -}}
{{- printf "%s-pg" (include "sinergi.fullname" .) | trunc 50 | trimSuffix "-" -}}
{{- end -}}

{{/* In-cluster URL of a service. Call with (dict "root" $ "component" "consent"). */}}
{{- define "sinergi.serviceUrl" -}}
{{- $svc := index .root.Values.services .component -}}
{{- printf "http://%s:%v" (include "sinergi.componentName" .) $svc.port -}}
{{- end -}}

{{/* In-cluster URL of the sinergi realm, which the services use for discovery, tokens and keys. Call with $. */}}
{{- define "sinergi.realmUrl" -}}
{{- printf "http://%s:%v/realms/sinergi"
  (include "sinergi.componentName" (dict "root" . "component" "keycloak")) .Values.keycloak.httpPort -}}
{{- end -}}

{{/* Which other services a service calls (its REST clients, by config key). */}}
{{- define "sinergi.calls" -}}
{{- $calls := dict
  "identity" (list "consent" "audit")
  "case" (list "identity" "consent" "audit")
  "consent" (list "identity" "audit")
  "audit" (list) -}}
{{- toJson (index $calls .) -}}
{{- end -}}

{{/* The four services, in a fixed order. */}}
{{- define "sinergi.serviceKeys" -}}
{{- toJson (list "identity" "case" "consent" "audit") -}}
{{- end -}}

{{/* Whether a service runs an HPA. Call with (dict "root" $ "component" "identity"). */}}
{{- define "sinergi.hpaEnabled" -}}
{{- $svc := index .root.Values.services .component -}}
{{- if $svc.autoscaling.enabled -}}true{{- end -}}
{{- end -}}

{{/*
The Secrets and keys a service's pod reads, as text: its checksum rolls the pods when a reference changes (a
Secret's content is not visible to the render; after rotating one, `kubectl rollout restart`, docs/runbook.md).
Call with (dict "root" $ "component" "identity").
*/}}
{{- define "sinergi.serviceSecretRefs" -}}
{{- $svc := index .root.Values.services .component -}}
{{- toJson (dict "database" $svc.database "clients" .root.Values.oidcClients
  "receipt" (get $svc "receipt") "log" (get $svc "log") "secrets" (get $svc "secrets")) -}}
{{- end -}}

{{/*
The data of a service's ConfigMap; its checksum rolls that service's pods. Call with (dict "root" $ "component" ...).
*/}}
{{- define "sinergi.serviceConfigData" -}}
{{- $ := .root -}}
{{- $component := .component -}}
{{- $svc := index $.Values.services $component -}}
{{- $db := printf "%s:%v/%s" (include "sinergi.dbHost" $) (include "sinergi.dbPort" $) $svc.database.name -}}
{{- $sslmode := include "sinergi.dbSslmode" $ -}}
QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE: {{ $svc.database.maxPoolSize | quote }}
{{- /* The port the chart names (containerPort, Service, policies, URLs) is the one the service listens on. */}}
QUARKUS_HTTP_PORT: {{ $svc.port | quote }}
QUARKUS_DATASOURCE_REACTIVE_URL: {{ printf "postgresql://%s?sslmode=%s" $db $sslmode | quote }}
QUARKUS_DATASOURCE_JDBC_URL: {{ printf "jdbc:postgresql://%s?%s" $db (include "sinergi.jdbcParams" $) | quote }}
{{- /* The reactive client (Vert.x) trusts only the CA given here; verify-full also checks the host name. */}}
{{- if include "sinergi.dbCa" $ | fromJson }}
QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM: "true"
QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS: {{ include "sinergi.dbCaFile" $ | quote }}
{{- if eq $sslmode "verify-full" }}
QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM: HTTPS
{{- end }}
{{- end }}
QUARKUS_OIDC_AUTH_SERVER_URL: {{ include "sinergi.realmUrl" $ | quote }}
{{- range $callee := include "sinergi.calls" $component | fromJsonArray }}
QUARKUS_REST_CLIENT_{{ $callee | upper }}_SERVICE_URL: {{
  include "sinergi.serviceUrl" (dict "root" $ "component" $callee) | quote }}
{{- end }}
{{- if $.Values.observability.otlp.endpoint }}
QUARKUS_OTEL_SDK_DISABLED: "false"
QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: {{ $.Values.observability.otlp.endpoint | quote }}
{{- end }}
{{- if eq $.Values.image.flavour "jvm" }}
{{- /* An env var replaces the image's ENV: repeat Dockerfile.jvm's JAVA_OPTS_APPEND, then add the chart's. */}}
{{- $imageOptions := "-Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager" }}
JAVA_OPTS_APPEND: {{ printf "%s %s" $imageOptions $.Values.serviceDefaults.javaOptions | trim | quote }}
{{- end }}
{{- if eq $component "consent" }}
SINERGI_CONSENT_RECEIPT_SIGNING_KEY: /etc/sinergi/consent-receipt/signing-key.pem
{{- if $svc.receipt.previousPublicKeyKey }}
SINERGI_CONSENT_RECEIPT_PREVIOUS_PUBLIC_KEY: /etc/sinergi/consent-receipt/previous-public-key.pem
{{- end }}
{{- with $svc.receipt.publicUrl }}
SINERGI_CONSENT_RECEIPT_PUBLIC_URL: {{ . | quote }}
{{- end }}
{{- end }}
{{- if eq $component "audit" }}
SINERGI_AUDIT_LOG_ORIGIN: {{ $svc.log.origin | quote }}
SINERGI_AUDIT_LOG_SIGNING_KEY: /etc/sinergi/audit-log/signing-key.pem
{{- with $svc.log.witnesses }}
SINERGI_AUDIT_LOG_WITNESSES: {{ join "," . | quote }}
{{- end }}
SINERGI_CONSOLE_SECURE_COOKIES: {{ $svc.console.secureCookies | quote }}
{{- /* TLS ends at the ingress: the console's OIDC redirect URIs must still be https. */}}
SINERGI_CONSOLE_FORCE_HTTPS: {{ hasPrefix "https://" $svc.console.publicUrl | quote }}
{{- end }}
{{- end -}}

{{/*
The realm ConfigMap's data: the realm file as the chart imports it, and the demo users when asked. Call with $.
*/}}
{{- define "sinergi.realmData" -}}
{{- $realm := .Files.Get "files/realm/sinergi-realm.json" | fromJson -}}
{{- $clients := list -}}
{{- range $client := $realm.clients -}}
{{- if or $.Values.keycloak.realm.demoUsers (ne $client.clientId "sinergi-cli") -}}
{{- if and (eq $client.clientId "security-console") $.Values.services.audit.console.publicUrl -}}
{{- $url := trimSuffix "/" $.Values.services.audit.console.publicUrl -}}
{{- $_ := set $client "redirectUris" (list (printf "%s/console/*" $url)) -}}
{{- end -}}
{{- $clients = append $clients $client -}}
{{- end -}}
{{- end -}}
{{- $_ := set $realm "clients" $clients -}}
sinergi-realm.json: |
  {{- toPrettyJson $realm | nindent 2 }}
{{- if .Values.keycloak.realm.demoUsers }}
sinergi-users-0.json: |
  {{- .Files.Get "files/realm/sinergi-users-0.json" | nindent 2 }}
{{- end }}
{{- end -}}

{{/* Keycloak's non-secret settings (KC_* options as environment variables). Call with $. */}}
{{- define "sinergi.keycloakConfigData" -}}
{{- $kc := .Values.keycloak -}}
KC_DB: postgres
KC_DB_URL: {{ printf "jdbc:postgresql://%s:%v/%s?%s"
  (include "sinergi.dbHost" .) (include "sinergi.dbPort" .) $kc.database.name (include "sinergi.jdbcParams" .)
  | quote }}
KC_DB_POOL_MAX_SIZE: {{ $kc.database.poolMaxSize | quote }}
KC_HOSTNAME: {{ $kc.hostname | quote }}
KC_HOSTNAME_BACKCHANNEL_DYNAMIC: "true"
KC_HTTP_ENABLED: "true"
KC_HTTP_PORT: {{ $kc.httpPort | quote }}
KC_HTTP_MANAGEMENT_PORT: {{ $kc.managementPort | quote }}
KC_PROXY_HEADERS: {{ $kc.proxyHeaders | quote }}
KC_HEALTH_ENABLED: "true"
KC_METRICS_ENABLED: "true"
KC_CACHE: {{ $kc.cache | quote }}
KC_LOG_CONSOLE_OUTPUT: json
{{- end -}}

{{/* NetworkPolicy egress rule: cluster DNS. Call with $. */}}
{{- define "sinergi.egressDns" -}}
- to:
    - namespaceSelector:
        {{- toYaml .Values.networkPolicy.dns.namespaceSelector | nindent 8 }}
      podSelector:
        {{- toYaml .Values.networkPolicy.dns.podSelector | nindent 8 }}
  ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
{{- end -}}

{{/* NetworkPolicy egress rule: PostgreSQL, external (CIDRs and/or peers) or the CNPG instances. Call with $. */}}
{{- define "sinergi.egressDatabase" -}}
{{- if .Values.cloudnativepg.enabled -}}
- to:
    - podSelector:
        matchLabels:
          cnpg.io/cluster: {{ include "sinergi.cnpgName" . }}
  ports:
    - port: 5432
      protocol: TCP
{{- else -}}
- to:
    {{- range .Values.postgresql.external.cidrs }}
    - ipBlock:
        cidr: {{ . }}
    {{- end }}
    {{- with .Values.postgresql.external.to }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  ports:
    - port: {{ .Values.postgresql.external.port }}
      protocol: TCP
{{- end -}}
{{- end -}}

{{/* NetworkPolicy egress rule: the OTLP collector, when an endpoint is set. Call with $. */}}
{{- define "sinergi.egressOtlp" -}}
{{- with .Values.observability.otlp.endpoint -}}
{{- $url := urlParse . -}}
{{- $port := regexFind "[0-9]+$" (regexFind ":[0-9]+$" $url.host) -}}
{{- if not $port -}}{{- $port = ternary "443" "80" (eq $url.scheme "https") -}}{{- end -}}
- ports:
    - port: {{ int $port }}
      protocol: TCP
  {{- with $.Values.observability.otlp.to }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}
{{- end -}}

{{/*
The CNPG roles: name and Secret. A role is named like its database (audit: the owner role sinergi_audit_owner and
the app role sinergi_audit_app); each Secret's `username` must be that name. Call with $.
*/}}
{{- define "sinergi.cnpgRoles" -}}
{{- $s := .Values.services -}}
{{- toJson (list
  (dict "name" $s.identity.database.name "secret" $s.identity.database.existingSecret)
  (dict "name" $s.case.database.name "secret" $s.case.database.existingSecret)
  (dict "name" $s.consent.database.name "secret" $s.consent.database.existingSecret)
  (dict "name" (printf "%s_owner" $s.audit.database.name) "secret" $s.audit.database.ownerExistingSecret)
  (dict "name" (printf "%s_app" $s.audit.database.name) "secret" $s.audit.database.existingSecret)
  (dict "name" .Values.keycloak.database.name "secret" .Values.keycloak.database.existingSecret)) -}}
{{- end -}}

{{/* The CNPG databases and their owners. Call with $. */}}
{{- define "sinergi.cnpgDatabases" -}}
{{- $s := .Values.services -}}
{{- toJson (list
  (dict "name" $s.identity.database.name "owner" $s.identity.database.name)
  (dict "name" $s.case.database.name "owner" $s.case.database.name)
  (dict "name" $s.consent.database.name "owner" $s.consent.database.name)
  (dict "name" $s.audit.database.name "owner" (printf "%s_owner" $s.audit.database.name))
  (dict "name" .Values.keycloak.database.name "owner" .Values.keycloak.database.name)) -}}
{{- end -}}

{{/*
The most connections the release may hold at once: each workload's most pods (the HPA's maximum, or the replicas)
plus the one a rolling update adds, times its pools (a service's reactive pool and Flyway's JDBC pool of 2;
Keycloak's pool). Call with $.
*/}}
{{- define "sinergi.connectionBudget" -}}
{{- $total := 0 -}}
{{- range $component := include "sinergi.serviceKeys" $ | fromJsonArray -}}
{{- $svc := index $.Values.services $component -}}
{{- $pods := ternary $svc.autoscaling.maxReplicas $svc.replicaCount (and $svc.autoscaling.enabled true) -}}
{{- $total = add $total (mul (add1 (int $pods)) (add (int $svc.database.maxPoolSize) 2)) -}}
{{- end -}}
{{- $kc := $.Values.keycloak -}}
{{- $total = add $total (mul (add1 (int $kc.replicaCount)) (int $kc.database.poolMaxSize)) -}}
{{- $total -}}
{{- end -}}
