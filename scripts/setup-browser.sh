#!/usr/bin/env bash
# Makes headless Chromium and its chromedriver available for the dashboard's browser test,
# installing Debian's packages when missing. Idempotent: a second run finds both and returns.
# Needs root on a fresh Debian 12 machine.
set -euo pipefail

log() { printf 'setup-browser: %s\n' "$*" >&2; }

packages=(chromium chromium-driver fonts-dejavu-core)
if dpkg -s "${packages[@]}" >/dev/null 2>&1 && command -v chromium >/dev/null 2>&1; then
  log "found $(chromium --version 2>/dev/null || echo chromium)"
  exit 0
fi

log "apt-get update"
apt-get update -qq
log "installing ${packages[*]}"
# fonts-dejavu-core: without recommended packages no font comes along, and screenshots show boxes.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
log "installed $(chromium --version 2>/dev/null || echo chromium)"
