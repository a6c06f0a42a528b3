#!/usr/bin/env bash
# Makes a Docker Engine answer on this machine, installing what is missing. Idempotent: a second
# run finds the engine up and returns at once. Needs root on a fresh Debian 12 machine.
set -euo pipefail

log() { printf 'setup-docker: %s\n' "$*" >&2; }

engine_answers() { timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    log "apt-get update"
    apt-get update -qq
    apt_updated=1
  fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
# The engine needs iptables and friends; docker.io depends on them, but a client-only docker
# already on PATH must not hide a missing engine.
[ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -qx httpd && dpkg -s busybox-static >/dev/null 2>&1 \
  || missing+=(busybox-static)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}"
fi

if engine_answers; then
  log "engine answers: $(docker version --format '{{.Server.Version}}')"
  exit 0
fi

if [ -S /var/run/docker.sock ] && ! engine_answers; then
  # A socket with no engine behind it (a killed dockerd) makes the new dockerd refuse to start.
  pgrep -x dockerd >/dev/null 2>&1 || rm -f /var/run/docker.sock /var/run/docker.pid
fi

if ! pgrep -x dockerd >/dev/null 2>&1; then
  log "starting dockerd (log: /var/log/tugboat-dockerd.log)"
  # setsid: the engine outlives this script and the test run that called it.
  setsid nohup dockerd >/var/log/tugboat-dockerd.log 2>&1 < /dev/null &
fi

for _ in $(seq 1 120); do
  if engine_answers; then
    log "engine answers: $(docker version --format '{{.Server.Version}}')"
    exit 0
  fi
  sleep 0.5
done
log "the Docker Engine did not answer within 60 s; last lines of /var/log/tugboat-dockerd.log:"
tail -n 20 /var/log/tugboat-dockerd.log >&2 || true
exit 1
