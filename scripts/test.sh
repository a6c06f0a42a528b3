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
trap 'kill "$node_image_build" 2>/dev/null || true; rm -f "$node_image_log"' EXIT
scripts/setup-browser.sh
# The Distribution registry, htpasswd and openssl, for the private-registry pull test.
scripts/setup-registry.sh
mvn -B verify "$@"
scripts/chaos/engine-restart.sh
scripts/chaos/engine-pause.sh
# Restarts and runs that fail on their own leave no thread, descriptor or container behind (about
# 2 minutes; scripts/soak/restarts.sh alone runs 100 restarts and 50 failed runs).
RESTARTS=15 FAILED_RUNS=10 scripts/soak/restarts.sh
scripts/test-install.sh  # the .deb and scripts/install.sh under systemd, in a container
