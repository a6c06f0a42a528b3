#!/usr/bin/env bash
# Times the start and the stop of an app of many independent containers whose process ignores
# SIGTERM (busybox `sleep` as PID 1 has no handler for it), with Tugboat and with Debian's
# docker-compose 1.29 on the same image and stop timeout, alternating which goes first.
#
# Start: Tugboat from `tugboat run` until it reports the app started (every container running);
# compose, the time `up -d` takes (it returns once every container started).
# Stop: Tugboat, from SIGTERM to `tugboat run` (handled as Ctrl-C) until it exited, every container
# stopped; compose, the time `stop -t TIMEOUT` takes; the engine alone, the time its own stop
# calls for every container, sent at once, take (the floor under both). Containers that may stop
# together must stop together: the target is the stop timeout plus 3 s, whatever their number.
#
#   scripts/bench/many-containers.sh                    50 and 200 containers, 3 rounds
#   ROUNDS=1 SIZES="50 200" scripts/bench/many-containers.sh   quick (about 4 minutes)
#
# Environment: SIZES (containers per app, "50 200"), ROUNDS (3), STOP_TIMEOUT (10),
# IMAGE (tugboat-test/busybox:1, from scripts/build-images.sh), TUGBOAT (scripts/tugboat; needs
# target/tugboat.jar), COMPOSE_TIMEOUT (600: docker-compose 1.29 has been seen to stop making
# progress with 200 containers; its `up -d` is then stopped, its start counted as more than this
# and its stop not at all). Prints every round, then FIGURE lines: the stop of each size and, for
# the largest size, the start as a ratio to compose's (a bound when compose did not finish).
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZES=${SIZES:-50 200}
ROUNDS=${ROUNDS:-3}
IMAGE=${IMAGE:-tugboat-test/busybox:1}
TUGBOAT=${TUGBOAT:-scripts/tugboat}
STOP_TIMEOUT=${STOP_TIMEOUT:-10}
COMPOSE_TIMEOUT=${COMPOSE_TIMEOUT:-600}
PREFIX=tugboat-many-bench-$$
WORK=$(mktemp -d)
pid=
app=
project=

log() { printf 'many-containers: %s\n' "$*" >&2; }
now() { date +%s.%N; }
seconds_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
load() { cut -d' ' -f1 /proc/loadavg; }

remove_labelled() {
  local ids
  mapfile -t ids < <(docker ps -aq --filter "label=$1")
  [ "${#ids[@]}" -eq 0 ] || docker rm -f "${ids[@]}" >/dev/null
}

compose() { docker-compose -p "$project" -f "$WORK/docker-compose.yml" "$@"; }

cleanup() {
  local rc=$?
  [ -z "$pid" ] || kill -9 "$pid" 2>/dev/null || true
  [ -z "$app" ] || remove_labelled "dev.tugboat.app=$app"
  if [ -n "$project" ] && [ -f "$WORK/docker-compose.yml" ]; then
    compose down -t 0 >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT

# shellcheck source=../lib/compose.sh
. scripts/lib/compose.sh

spec_of() {
  local n=$1 i
  printf 'replicated_api_version: 2.8.0\nname: %s\nversion: "1"\ncomponents:\n' "$app"
  for ((i = 1; i <= n; i++)); do
    printf -- '- name: c%d\n  containers:\n  - source: public\n    image_name: %s\n' "$i" "${IMAGE%:*}"
    printf '    version: "%s"\n    cmd: %s\n' "${IMAGE##*:}" "'[\"sleep\", \"3600\"]'"
    printf '    stop_timeout: %d\n' "$STOP_TIMEOUT"
  done
}

compose_file_of() {
  local n=$1 i
  printf 'version: "2.4"\nservices:\n'
  for ((i = 1; i <= n; i++)); do
    printf '  c%d:\n    image: %s\n    command: ["sleep", "3600"]\n' "$i" "$IMAGE"
    printf '    stop_grace_period: %ds\n' "$STOP_TIMEOUT"
  done
}

# Asks each container's own state: the engine's list (docker ps) is updated only after the die
# event, so for a moment it shows running what has exited, after Docker's own stop as after ours.
running_labelled() {
  docker ps -aq --filter "label=$1" | xargs -r docker inspect -f '{{.State.Running}}' | grep -c true || true
}

# Each round sets took_start and took_stop (seconds); no subshell, so the cleanup sees what to remove.
tugboat_round() {
  local n=$1 began started began_stop stopped status deadline=$((SECONDS + 600))
  app=$PREFIX-t$n-$2
  spec_of "$n" >"$WORK/spec.yml"
  began=$(now)
  "$TUGBOAT" run "$WORK/spec.yml" >"$WORK/run.log" 2>&1 &
  pid=$!
  until grep -qs '  app started' "$WORK/run.log"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$WORK/run.log" >&2
      log "tugboat run ended before its $n containers ran"
      exit 1
    fi
    [ "$SECONDS" -lt "$deadline" ] || { log "$n containers did not start within 600 s"; exit 1; }
    sleep 0.05
  done
  started=$(now)
  if [ "$(running_labelled "dev.tugboat.app=$app")" -ne "$n" ]; then
    log "tugboat said started with fewer than $n containers running"
    exit 1
  fi
  sleep 2
  began_stop=$(now)
  kill -TERM "$pid"
  status=0
  wait "$pid" || status=$?
  stopped=$(now)
  pid=
  if [ "$(running_labelled "dev.tugboat.app=$app")" -ne 0 ]; then
    log "containers still run after tugboat run exited (exit status $status):"
    docker ps -aq --filter "label=dev.tugboat.app=$app" \
      | xargs -r docker inspect -f '  {{.Name}} {{.State.Status}} started {{.State.StartedAt}} finished {{.State.FinishedAt}}' >&2
    tail -n 30 "$WORK/run.log" >&2
    exit 1
  fi
  remove_labelled "dev.tugboat.app=$app"
  app=
  took_start=$(seconds_between "$began" "$started")
  took_stop=$(seconds_between "$began_stop" "$stopped")
}

compose_round() {
  local n=$1 began started began_stop stopped
  project=${PREFIX//-/}c$n$2
  compose_file_of "$n" >"$WORK/docker-compose.yml"
  began=$(now)
  status=0
  timeout --kill-after=10 "$COMPOSE_TIMEOUT" docker-compose -p "$project" -f "$WORK/docker-compose.yml" \
    up -d >"$WORK/compose.log" 2>&1 || status=$?
  if [ "$status" = 124 ] || [ "$status" = 137 ]; then
    log "docker-compose up -d of $n containers did not finish in $COMPOSE_TIMEOUT s ($(running_labelled "com.docker.compose.project=$project") running); stopped it"
    compose down -t 0 >>"$WORK/compose.log" 2>&1 || true
    project=
    took_start=unfinished
    took_stop=-
    return
  fi
  [ "$status" = 0 ] || { tail -n 20 "$WORK/compose.log" >&2; exit 1; }
  started=$(now)
  if [ "$(running_labelled "com.docker.compose.project=$project")" -ne "$n" ]; then
    log "compose up -d returned with fewer than $n containers running"
    exit 1
  fi
  sleep 2
  began_stop=$(now)
  compose stop -t "$STOP_TIMEOUT" >>"$WORK/compose.log" 2>&1
  stopped=$(now)
  compose down -t 0 >>"$WORK/compose.log" 2>&1
  project=
  took_start=$(seconds_between "$began" "$started")
  took_stop=$(seconds_between "$began_stop" "$stopped")
}

# The engine alone, the floor under any orchestrator's stop: N containers of the same image and
# command started directly, then N stop calls (timeout STOP_TIMEOUT) sent at once to the engine's
# socket by curl, timed until the last returns (the engine answers a stop once the container is
# dead). Sets took_stop; - when the engine is not at the default socket.
ENGINE_SOCKET=/var/run/docker.sock
engine_round() {
  local n=$1 label=$PREFIX-e$1-$2 began ids id
  took_stop=-
  [ -z "${DOCKER_HOST:-}" ] && [ -S "$ENGINE_SOCKET" ] && command -v curl >/dev/null || return 0
  seq "$n" | xargs -P 8 -I{} docker run -d --label "$label=1" "$IMAGE" sleep 3600 >/dev/null
  if [ "$(running_labelled "$label=1")" -ne "$n" ]; then
    remove_labelled "$label=1"
    log "the engine did not run $n containers started directly"
    exit 1
  fi
  mapfile -t ids < <(docker ps -q --filter "label=$label=1")
  sleep 2
  began=$(now)
  for id in "${ids[@]}"; do
    curl -fs -o /dev/null --max-time $((STOP_TIMEOUT + 300)) --unix-socket "$ENGINE_SOCKET" \
      -X POST "http://engine/containers/$id/stop?t=$STOP_TIMEOUT" &
  done
  wait
  took_stop=$(seconds_between "$began" "$(now)")
  if [ "$(running_labelled "$label=1")" -ne 0 ]; then
    log "containers still run after the engine's own stop calls returned"
    exit 1
  fi
  remove_labelled "$label=1"
}

ensure_compose
declare -A t_start t_stop c_start c_stop e_stop
printf '%-6s %-6s %-6s %-14s %-14s %-10s %s\n' size round load "tugboat s/s" "compose s/s" "engine s" \
  "(start/stop; the engine alone: stop)" >&2
for n in $SIZES; do
  for ((r = 1; r <= ROUNDS; r++)); do
    l=$(load)
    if ((r % 2)); then
      tugboat_round "$n" "$r"; ts=$took_start; tp=$took_stop
      compose_round "$n" "$r"; cs=$took_start; cp=$took_stop
    else
      compose_round "$n" "$r"; cs=$took_start; cp=$took_stop
      tugboat_round "$n" "$r"; ts=$took_start; tp=$took_stop
    fi
    engine_round "$n" "$r"; ep=$took_stop
    t_start[$n]+="$ts "; t_stop[$n]+="$tp "; c_start[$n]+="$cs "; c_stop[$n]+="$cp "; e_stop[$n]+="$ep "
    printf '%-6s %-6s %-6s %-14s %-14s %-10s\n' "$n" "$r" "$l" "$ts/$tp" "$cs/$cp" "$ep" >&2
  done
done

# The median of the numbers among these values; - when there are none.
med() {
  local numbers
  numbers=$(tr ' ' '\n' <<<"$1" | grep -E '^[0-9.]+$' || true)
  if [ -n "$numbers" ]; then median <<<"$numbers"; else echo -; fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else print "-" }'; }
largest=$(tr ' ' '\n' <<<"$SIZES" | grep . | sort -n | tail -1)
printf 'load at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >&2
for n in $SIZES; do
  ts=$(med "${t_stop[$n]}"); cs=$(med "${c_stop[$n]}")
  [ "$cs" = - ] || cs="$cs s"
  printf 'FIGURE\tstop of %d SIGTERM-ignoring containers (timeout %d s): tugboat (compose)\t%s s\t%s\t%s\t<= %d s\n' \
    "$n" "$STOP_TIMEOUT" "$ts" "$cs" "$(ratio "$ts" "${cs% s}")" $((STOP_TIMEOUT + 3))
  es=$(med "${e_stop[$n]}")
  [ "$es" = - ] || es="$es s"
  printf 'FIGURE\tstop of %d: tugboat / the engine alone (%d stop calls at once)\t%s s\t%s\t%s\t-\n' \
    "$n" "$n" "$ts" "$es" "$(ratio "$ts" "${es% s}")"
done
ts=$(med "${t_start[$largest]}"); cs=$(med "${c_start[$largest]}")
if grep -q unfinished <<<"${c_start[$largest]}"; then
  # compose did not start them all in COMPOSE_TIMEOUT: its time is more than that, the ratio less.
  printf 'FIGURE\tstart of %d containers: tugboat run / compose up -d\t%s s\t> %s s (unfinished)\t< %s\t<= 0.60\n' \
    "$largest" "$ts" "$COMPOSE_TIMEOUT" "$(ratio "$ts" "$COMPOSE_TIMEOUT")"
else
  printf 'FIGURE\tstart of %d containers: tugboat run / compose up -d\t%s s\t%s s\t%s\t<= 0.60\n' \
    "$largest" "$ts" "$cs" "$(ratio "$ts" "$cs")"
fi
