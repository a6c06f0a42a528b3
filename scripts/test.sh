#!/usr/bin/env bash
# The test command: sets up what the tests need on this machine (idempotently), then runs every
# test: unit tests without Docker, integration and end-to-end tests against the real engine.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup-docker.sh
scripts/build-images.sh
# PostgreSQL and the demo app, for the end-to-end tests of the migration pattern.
scripts/build-demo-images.sh
# The swarm worker image (debootstrap of docker.io, a minute or more) builds while the unit tests
# run; the cluster tests wait for it, as scripts/swarm/build-node-image.sh builds one at a time.
node_image_log=$(mktemp)
scripts/swarm/build-node-image.sh >"$node_image_log" 2>&1 &
node_image_build=$!
soak=""
soak_log=$(mktemp)
trap 'kill "$node_image_build" $soak 2>/dev/null || true; rm -f "$node_image_log" "$soak_log"' EXIT
scripts/setup-browser.sh
# The Distribution registry, htpasswd and openssl, for the private-registry pull test.
scripts/setup-registry.sh
mvn -B verify "$@"
scripts/chaos/engine-restart.sh
scripts/chaos/engine-pause.sh
# Restarts and runs that fail on their own leave no thread, descriptor or container behind (about
# 2 minutes; scripts/soak/restarts.sh alone runs 100 restarts and 50 failed runs). Beside it, the
# .deb and scripts/install.sh under systemd, in a container (about 2 minutes). The two share the
# engine and nothing else (each has its own app, daemon and ports), so they run side by side; the
# install test begins once the soak's daemon listens and its app started, so neither picks a port
# the other is about to bind.
RESTARTS=15 FAILED_RUNS=10 scripts/soak/restarts.sh >"$soak_log" 2>&1 &
soak=$!
while kill -0 "$soak" 2>/dev/null && ! grep -q '^soak: first run ' "$soak_log"; do sleep 0.5; done
install_status=0
scripts/test-install.sh || install_status=$?
soak_status=0
wait "$soak" || soak_status=$?
soak=""
cat "$soak_log"
[ "$install_status" = 0 ] || { echo "test: scripts/test-install.sh failed (exit $install_status)" >&2; exit 1; }
[ "$soak_status" = 0 ] || { echo "test: scripts/soak/restarts.sh failed (exit $soak_status)" >&2; exit 1; }
