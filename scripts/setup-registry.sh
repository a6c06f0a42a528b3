#!/usr/bin/env bash
# Installs what the private-registry test (RegistryPullIT) needs: Debian's Distribution registry
# (/usr/bin/docker-registry), htpasswd (bcrypt logins) and openssl. The test starts and stops its
# own registry on a loopback port; the package's system service is not used. Idempotent: a second
# run finds all three and returns. Needs root on a fresh Debian 12 machine.
set -euo pipefail

log() { printf 'setup-registry: %s\n' "$*" >&2; }

missing=()
[ -x /usr/bin/docker-registry ] || missing+=(docker-registry)
command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -eq 0 ]; then
  log "found docker-registry, htpasswd and openssl"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
  log "apt-get update"
  apt-get update -qq
fi
log "installing ${missing[*]}"
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
if [[ " ${missing[*]} " == *" docker-registry "* ]] && command -v systemctl >/dev/null 2>&1 \
    && systemctl is-active --quiet docker-registry 2>/dev/null; then
  # The package starts a registry on :5000 on every address; the test needs none of it.
  log "stopping and disabling the package's docker-registry service"
  systemctl disable --now docker-registry >/dev/null 2>&1 || true
fi
log "installed ${missing[*]}"
