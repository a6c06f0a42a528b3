#!/usr/bin/env bash
# A real three-node Docker Swarm on one machine, for the cluster tests: this host's engine is the
# manager, and two worker engines run in containers of the image scripts/swarm/build-node-image.sh
# builds (dockerd with the vfs storage driver, on the default bridge, reaching the manager through
# docker0's address).
#
#   cluster.sh up      makes the host's engine a swarm manager if it is in no swarm yet (and
#                      remembers it did), starts the workers (hostnames tugboat-worker-1, -2), joins
#                      them, loads the test images into them and prints `docker node ls`
#   cluster.sh down    takes the workers out of the swarm, removes their containers, and makes the
#                      host leave the swarm only if `up` made it join
#   cluster.sh status  the host's swarm state, the nodes and the worker containers
#
# Both are idempotent: `up` twice keeps a working cluster, and `up` after a half-failed `up` (or
# after a worker's container stopped) replaces what is broken. Every wait is bounded.
#
# Environment: SWARM_WORKERS (default 2), SWARM_IMAGES (images loaded into each worker; default
# tugboat-test/busybox:1, built by scripts/build-images.sh when it is the missing one),
# SWARM_STATE_DIR (default /var/tmp/tugboat-swarm; holds the mark that `up` initialized the swarm),
# SWARM_WAIT (seconds per wait, default 60), SWARM_HEARTBEAT (the nodes' heartbeat period in a
# swarm `up` initializes, default 1s).
set -euo pipefail
cd "$(dirname "$0")/../.."

log() { printf 'cluster: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

WORKERS=${SWARM_WORKERS:-2}
IMAGES=${SWARM_IMAGES:-tugboat-test/busybox:1}
STATE_DIR=${SWARM_STATE_DIR:-/var/tmp/tugboat-swarm}
WAIT=${SWARM_WAIT:-60}
HEARTBEAT=${SWARM_HEARTBEAT:-1s}
INITIALIZED_MARK=$STATE_DIR/initialized-swarm
CONTAINER_PREFIX=tugboat-swarm-worker-
HOSTNAME_PREFIX=tugboat-worker-
LABEL=dev.tugboat.swarm-test=node
# What runs dockerd in a container on these machines: --privileged is refused, but all
# capabilities without the limits' SYS_RESOURCE, no AppArmor/seccomp profile, writable /proc and
# /sys paths, and the host's cgroup tree are enough.
NODE_RUN_FLAGS=(--cap-add ALL --cap-drop SYS_RESOURCE --security-opt apparmor=unconfined
  --security-opt seccomp=unconfined --security-opt systempaths=unconfined
  -v /sys/fs/cgroup:/sys/fs/cgroup:rw)

local_state() { docker info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null; }
is_manager() { [ "$(docker info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null)" = true ]; }

# Calls "$@" once a second until it succeeds, for at most $WAIT seconds.
wait_for() {
  local what=$1 deadline=$((SECONDS + WAIT))
  shift
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || die "gave up after ${WAIT} s waiting for $what"
    sleep 1
  done
}

docker0_address() {
  ip -4 -o addr show docker0 2>/dev/null | awk '{ split($4, a, "/"); print a[1]; exit }'
}

container_of() { echo "$CONTAINER_PREFIX$1"; }
hostname_of() { echo "$HOSTNAME_PREFIX$1"; }

inner() { local n=$1; shift; timeout 30 docker exec "$(container_of "$n")" "$@"; }

container_running() {
  [ "$(docker inspect -f '{{.State.Running}}' "$(container_of "$1")" 2>/dev/null)" = true ]
}

inner_engine_answers() { inner "$1" docker version --format '{{.Server.Version}}'; }

inner_swarm_active() { [ "$(inner "$1" docker info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null)" = active ]; }

# Node ids the manager lists under a worker's hostname, with their state.
nodes_named() {
  docker node ls --format '{{.ID}} {{.Hostname}} {{.Status}}' 2>/dev/null | awk -v h="$1" '$2 == h { print $1, $3 }'
}

ensure_manager() {
  local state address
  state=$(local_state) || die "the Docker engine does not answer (docker info failed)"
  case "$state" in
    inactive)
      address=$(docker0_address)
      [ -n "$address" ] || die "docker0 has no IPv4 address; the workers reach the manager through it"
      # A 1 s heartbeat (default 5 s) has a killed worker marked down in ~2-5 s instead of ~13.
      log "docker swarm init --advertise-addr $address --dispatcher-heartbeat $HEARTBEAT"
      docker swarm init --advertise-addr "$address" --dispatcher-heartbeat "$HEARTBEAT" >/dev/null
      mkdir -p "$STATE_DIR"
      touch "$INITIALIZED_MARK"
      ;;
    active)
      is_manager || die "this engine is a swarm worker, not a manager; leave that swarm first (docker swarm leave)"
      log "this engine is already a swarm manager$( [ -f "$INITIALIZED_MARK" ] && echo ' (initialized by up)')"
      ;;
    *) die "this engine's swarm state is '$state'; run 'docker swarm leave --force' or wait, then retry" ;;
  esac
}

ensure_images() {
  local image
  for image in $IMAGES; do
    if ! docker image inspect "$image" >/dev/null 2>&1; then
      [ "$image" = tugboat-test/busybox:1 ] || die "image $image is missing on this engine; build it first"
      scripts/build-images.sh
    fi
  done
}

# Removes the manager's entries for a worker's hostname left by a worker that stopped or was
# replaced: those not Ready, or with "all" every one (before a join, when none is the worker's).
forget_stale_nodes() {
  local n=$1 which=${2:-} id status
  while read -r id status; do
    [ -n "$id" ] || continue
    [ "$status" = Ready ] && [ "$which" != all ] && continue
    log "removing stale node $id ($(hostname_of "$n"), $status)"
    docker node rm --force "$id" >/dev/null || true
  done < <(nodes_named "$(hostname_of "$n")")
}

start_worker() {
  local n=$1 image=$2 name
  name=$(container_of "$n")
  if container_running "$n" && inner_engine_answers "$n" >/dev/null 2>&1 \
    && [ "$(docker inspect -f '{{.Config.Image}}' "$name")" = "$image" ]; then
    return
  fi
  if docker inspect "$name" >/dev/null 2>&1; then
    log "replacing $name (stopped, not answering, or of an older image)"
    docker rm -f -v "$name" >/dev/null
  fi
  log "starting $name"
  docker run -d --name "$name" --hostname "$(hostname_of "$n")" --label "$LABEL" \
    "${NODE_RUN_FLAGS[@]}" "$image" >/dev/null
}

join_worker() {
  local n=$1 token manager address
  if inner_swarm_active "$n"; then return; fi
  # The manager may not have noticed yet that the old engine of this name is gone.
  forget_stale_nodes "$n" all
  token=$(docker swarm join-token -q worker)
  manager=$(docker info --format '{{.Swarm.NodeAddr}}')
  address=$(docker inspect -f '{{.NetworkSettings.IPAddress}}' "$(container_of "$n")")
  log "joining $(hostname_of "$n") ($address) to $manager:2377"
  inner "$n" docker swarm join --token "$token" --advertise-addr "$address" "$manager:2377" >/dev/null \
    || die "$(hostname_of "$n") could not join the swarm at $manager:2377"
}

load_images() {
  local n=$1 image
  for image in $IMAGES; do
    if [ "$(inner "$n" docker image inspect -f '{{.Id}}' "$image" 2>/dev/null)" = "$(docker image inspect -f '{{.Id}}' "$image")" ]; then
      continue
    fi
    log "loading $image into $(hostname_of "$n")"
    docker save "$image" | docker exec -i "$(container_of "$n")" docker load >/dev/null \
      || die "loading $image into $(hostname_of "$n") failed"
  done
}

worker_ready() {
  [ "$(nodes_named "$(hostname_of "$1")" | awk '$2 == "Ready" { c++ } END { print c + 0 }')" = 1 ]
}

up() {
  local started=$SECONDS image n
  image=$(scripts/swarm/build-node-image.sh)
  ensure_images
  ensure_manager
  for n in $(seq 1 "$WORKERS"); do start_worker "$n" "$image"; done
  for n in $(seq 1 "$WORKERS"); do
    wait_for "the engine in $(container_of "$n") (docker logs $(container_of "$n"))" inner_engine_answers "$n"
    join_worker "$n"
    load_images "$n"
  done
  for n in $(seq 1 "$WORKERS"); do
    wait_for "node $(hostname_of "$n") to be Ready" worker_ready "$n"
    forget_stale_nodes "$n"
  done
  log "up in $((SECONDS - started)) s"
  docker node ls
}

down() {
  local n name id status
  for name in $(docker ps -a --filter "label=$LABEL" --format '{{.Names}}'); do
    n=${name#"$CONTAINER_PREFIX"}
    if container_running "$n"; then
      inner "$n" docker swarm leave --force >/dev/null 2>&1 || true
    fi
    docker rm -f -v "$name" >/dev/null
    log "removed $name"
  done
  if [ "$(local_state)" = active ] && is_manager; then
    # The manager keeps a left worker as Down until it is removed.
    while read -r id status; do
      docker node rm --force "$id" >/dev/null 2>&1 || true
    done < <(docker node ls --format '{{.ID}} {{.Hostname}}' | awk -v p="$HOSTNAME_PREFIX" 'index($2, p) == 1 { print $1, $2 }')
  fi
  if [ -f "$INITIALIZED_MARK" ]; then
    if [ "$(local_state)" != inactive ]; then
      log "docker swarm leave --force (up initialized this swarm)"
      docker swarm leave --force >/dev/null
    fi
    rm -f "$INITIALIZED_MARK"
  else
    log "this engine's swarm state is left as it was: $(local_state)"
  fi
}

status() {
  echo "swarm: $(local_state)$( [ -f "$INITIALIZED_MARK" ] && echo ' (initialized by cluster.sh up)')"
  if is_manager; then docker node ls; fi
  docker ps -a --filter "label=$LABEL" --format 'table {{.Names}}\t{{.Status}}\t{{.Image}}'
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
