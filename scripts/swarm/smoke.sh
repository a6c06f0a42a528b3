#!/usr/bin/env bash
# Checks the three-node test swarm end to end: brings it up (scripts/swarm/cluster.sh up), expects
# three Ready nodes, runs a three-replica service with DNS round-robin endpoints, one task per
# node, on an attachable overlay network, and expects every task to answer on its overlay address
# from a container on the manager. Then takes the cluster down (also after a failure). Exits 1 on
# any failure, naming it.
#
# Environment: SMOKE_TRIES (connections per task, default 20), SWARM_WAIT (seconds per wait, default 60).
set -euo pipefail
cd "$(dirname "$0")/../.."

log() { printf 'swarm-smoke: %s\n' "$*" >&2; }
fail() { log "FAIL: $*"; exit 1; }

TRIES=${SMOKE_TRIES:-20}
WAIT=${SWARM_WAIT:-60}
RUN=tbsmoke-$$
NETWORK=$RUN-net
SERVICE=$RUN-echo
IMAGE=tugboat-test/busybox:1

cleanup() {
  local status=$?
  docker service rm "$SERVICE" >/dev/null 2>&1 || true
  # A service's tasks leave the network a moment after the service goes.
  local deadline=$((SECONDS + 30))
  until docker network rm "$NETWORK" >/dev/null 2>&1 || ! docker network inspect "$NETWORK" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || { log "could not remove network $NETWORK"; break; }
    sleep 1
  done
  scripts/swarm/cluster.sh down || status=1
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

scripts/swarm/cluster.sh up >/dev/null

ready=$(docker node ls --format '{{.Status}}' | grep -c '^Ready$' || true)
[ "$ready" = 3 ] || fail "expected 3 Ready nodes, found $ready: $(docker node ls --format '{{.Hostname}}={{.Status}}' | tr '\n' ' ')"
log "ok: 3 Ready nodes"

docker network create -d overlay --attachable "$NETWORK" >/dev/null
docker service create -d --quiet --name "$SERVICE" --network "$NETWORK" --endpoint-mode dnsrr \
  --replicas 3 --replicas-max-per-node 1 "$IMAGE" nc -ll -p 7000 -e echo hi >/dev/null 2>&1 \
  || fail "docker service create $SERVICE failed"

running() { docker service ps "$SERVICE" --filter desired-state=running --format '{{.CurrentState}}' | grep -c '^Running' || true; }
deadline=$((SECONDS + WAIT))
until [ "$(running)" = 3 ]; do
  [ "$SECONDS" -lt "$deadline" ] || fail "$SERVICE has $(running) of 3 tasks running after ${WAIT} s: $(docker service ps --no-trunc "$SERVICE" --format '{{.Node}} {{.CurrentState}} {{.Error}}' | tr '\n' ';')"
  sleep 1
done
nodes=$(docker service ps "$SERVICE" --filter desired-state=running --format '{{.Node}}' | sort -u | wc -l)
[ "$nodes" = 3 ] || fail "the 3 tasks of $SERVICE run on $nodes nodes, not one per node"
log "ok: 3 tasks running, one per node"

addresses=$(for task in $(docker service ps -q --filter desired-state=running "$SERVICE"); do
  docker inspect -f '{{range .NetworksAttachments}}{{if eq .Network.Spec.Name "'"$NETWORK"'"}}{{index .Addresses 0}}{{end}}{{end}}' "$task" | cut -d/ -f1
done)
[ "$(echo "$addresses" | grep -c .)" = 3 ] || fail "expected 3 task addresses on $NETWORK, found: $addresses"

# One client container on the manager, attached to the overlay, tries each address TRIES times.
result=$(docker run --rm --network "$NETWORK" "$IMAGE" sh -c '
  tries=$1; shift
  for ip in "$@"; do
    ok=0; i=0
    while [ $i -lt "$tries" ]; do
      i=$((i + 1))
      [ "$(nc -w 2 "$ip" 7000 </dev/null 2>/dev/null)" = hi ] && ok=$((ok + 1))
    done
    echo "$ip $ok"
  done' sh "$TRIES" $addresses)
echo "$result" | while read -r ip ok; do log "$ip answered $ok of $TRIES"; done
failed=$(echo "$result" | awk -v n="$TRIES" '$2 != n' | wc -l)
[ "$failed" = 0 ] || fail "$failed task address(es) did not answer every time"
log "ok: every task answered on its overlay address from the manager"
