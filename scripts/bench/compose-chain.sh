#!/usr/bin/env bash
# Tugboat against docker-compose and a bare shell script on an event chain, each run from nothing.
#
# CHAIN=busybox (the default): the 3-step chain of busybox containers (tugboat-test/busybox:1 from
# scripts/build-images.sh): a store that listens on a port after 1 s, a one-shot setup of 1 s
# started once the store listens, then a web container started once the setup exited 0. Timed from
# launch to Docker's own `start` event of the web container (`docker events`), for:
#   tugboat   `scripts/tugboat run SPEC` (the first, untimed, run makes its class data archive)
#   compose   docker-compose (Debian's 1.29): a health check on the store every 100 ms, depends_on
#             conditions service_healthy and service_completed_successfully
#   shell     docker run -d store; docker exec store nc 127.0.0.1 7000 until it connects (every
#             100 ms); docker run --rm setup; docker run -d web
#   warm      `scripts/tugboat restart` of the same app served by a running `tugboat serve` (the
#             app stopped first, untimed)
# RUNS runs of each, taking turns; prints each run, the medians and the ratios, and FIGURE lines.
#   scripts/bench/compose-chain.sh            RUNS=5
#   RUNS=3 WARM=off scripts/bench/compose-chain.sh   (quicker)
#
# CHAIN=migration: the migration chain (PostgreSQL ready -> migration -> app answering /health)
# against docker-compose, as before:
# Times the migration chain (PostgreSQL ready -> migration -> app answering /health) with Debian's
# docker-compose, the peer, and with Tugboat on the same images: each run starts from nothing (a new
# database volume, so PostgreSQL initializes) and ends when /health answers 200 on the published
# port; then everything is removed. Prints every run and the medians, and Tugboat/compose.
#
#   scripts/bench/compose-chain.sh            N=5 runs of each
#   RUNS=9 HEALTH_INTERVAL=250ms scripts/bench/compose-chain.sh
#
# Environment:
#   RUNS             runs of each tool (5)
#   HEALTH_INTERVAL  compose's health check interval for PostgreSQL (1s); its latency follows it
#   APP_PORT         host port of the compose app (18000)
#   TUGBOAT_CMD      how to run Tugboat in the foreground; `none` skips Tugboat. Default, when
#                    target/tugboat.jar has a `run` command: `java -jar target/tugboat.jar run SPEC`,
#                    SPEC being samples/migration-app.yml under other names (app "Tugboat Migration
#                    Bench", volume tugboat-bench-pgdata-PID, host ports 25432 and $TUGBOAT_APP_PORT),
#                    so the benchmark never touches a demo running on the same engine.
#   TUGBOAT_APP_PORT host port of Tugboat's app (18001); its /health ends each timed run
#   TUGBOAT_APP      the app label of Tugboat's containers, removed after each run
#                    (tugboat-migration-bench)
#   TUGBOAT_DOWN_CMD run after Tugboat's process is stopped, to remove what it left (optional)
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-5}
APP_PORT=${APP_PORT:-18000}
export HEALTH_INTERVAL=${HEALTH_INTERVAL:-1s}
COMPOSE_FILE=scripts/bench/compose/docker-compose.yml
PROJECT=tugboat-bench-$$
TUGBOAT_APP_PORT=${TUGBOAT_APP_PORT:-18001}
TUGBOAT_HEALTH_URL=http://127.0.0.1:$TUGBOAT_APP_PORT/health
TUGBOAT_VOLUME=tugboat-bench-pgdata-$$
TUGBOAT_APP=${TUGBOAT_APP:-tugboat-migration-bench}

log() { printf 'compose-chain: %s\n' "$*" >&2; }
now() { date +%s.%N; }
seconds_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# shellcheck source=../lib/compose.sh
. scripts/lib/compose.sh
# shellcheck source=../lib/archive-wait.sh
. scripts/lib/archive-wait.sh

# Waits until the URL answers 200; a proxy that accepts and then drops the connection is not an answer.
# With a PID, gives up as soon as that process has ended.
wait_for_health() {
  local url=$1 pid=${2:-} deadline=$((SECONDS + 300))
  until curl -fs -o /dev/null --max-time 2 "$url"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    [ -z "$pid" ] || kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.05
  done
}

compose() { DB_PASSWORD=$BENCH_PASSWORD APP_PORT=$APP_PORT docker-compose -p "$PROJECT" -f "$COMPOSE_FILE" "$@"; }

compose_down() { compose down -v --remove-orphans >/dev/null 2>&1 || true; }

# Prints the seconds from `docker-compose up -d` to the first 200 from /health.
time_compose_once() {
  local started
  BENCH_PASSWORD=bench-$RANDOM$RANDOM
  started=$(now)
  compose up -d >/dev/null 2>&1 || { compose logs >&2; compose_down; log "docker-compose up failed"; return 1; }
  wait_for_health "http://127.0.0.1:$APP_PORT/health" || { compose logs >&2; compose_down; log "compose app never answered"; return 1; }
  seconds_between "$started" "$(now)"
  compose_down
}

# The sample under the benchmark's own app name, volume and host ports; the chain is unchanged.
bench_spec() {
  local spec=$WORK/bench-migration-app.yml
  sed -e 's/^name: .*/name: Tugboat Migration Bench/' \
    -e "s/host_path: tugboat-demo-pgdata/host_path: $TUGBOAT_VOLUME/" \
    -e 's/public_port: "5432"/public_port: "25432"/' \
    -e "s/public_port: \"8000\"/public_port: \"$TUGBOAT_APP_PORT\"/" \
    -e "s#:8000/#:$TUGBOAT_APP_PORT/#" \
    samples/migration-app.yml >"$spec"
  echo "$spec"
}

# The Tugboat side. Empty when no runnable Tugboat is there yet.
tugboat_command() {
  if [ -n "${TUGBOAT_CMD:-}" ]; then
    [ "$TUGBOAT_CMD" = none ] || echo "$TUGBOAT_CMD"
    return
  fi
  if [ -f target/tugboat.jar ] && java -jar target/tugboat.jar run --help >/dev/null 2>&1; then
    echo "java -jar target/tugboat.jar run $(bench_spec)"
  fi
}

tugboat_cleanup() {
  if [ -n "${TUGBOAT_DOWN_CMD:-}" ]; then
    bash -c "$TUGBOAT_DOWN_CMD" >/dev/null 2>&1 || log "TUGBOAT_DOWN_CMD failed: $TUGBOAT_DOWN_CMD"
  fi
  local ids
  mapfile -t ids < <(docker ps -aq --filter "label=dev.tugboat.app=$TUGBOAT_APP")
  [ ${#ids[@]} = 0 ] || docker rm -f -v "${ids[@]}" >/dev/null 2>&1 || true
  docker volume rm "$TUGBOAT_VOLUME" >/dev/null 2>&1 || true
}

# Waits until no connection of the previous run's health checks lingers on the ports (TIME-WAIT),
# so every run of either tool starts from the same quiet state. Untimed.
wait_for_port_quiet() {
  local port=$1 deadline=$((SECONDS + 90))
  while [ -n "$(ss -Htan state time-wait "( sport = :$port )")" ] && [ "$SECONDS" -lt "$deadline" ]; do
    sleep 1
  done
}

# Prints the seconds from starting Tugboat to the first 200 from the app's /health.
time_tugboat_once() {
  local command=$1 started pid result=0
  tugboat_cleanup
  wait_for_port_quiet "$TUGBOAT_APP_PORT"
  started=$(now)
  bash -c "exec $command" >"$WORK/tugboat.log" 2>&1 &
  pid=$!
  wait_for_health "$TUGBOAT_HEALTH_URL" "$pid" || result=1
  [ "$result" = 0 ] && seconds_between "$started" "$(now)"
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ "$result" != 0 ]; then
    tail -n 30 "$WORK/tugboat.log" >&2
    log "Tugboat's app never answered on $TUGBOAT_HEALTH_URL"
  fi
  tugboat_cleanup
  return "$result"
}

# Runs one timing, logs it and appends its seconds (or "failed") to the file $WORK/NAME.
run_once() {
  local name=$1 i=$2 t
  shift 2
  if t=$("$@"); then
    log "$name run $i/$RUNS: $t s"
    echo "$t" >>"$WORK/$name"
  else
    log "$name run $i/$RUNS: failed"
    echo failed >>"$WORK/$name"
  fi
}

# "MEDIAN FAILED_RUNS" of the timings recorded under NAME.
summary() {
  local failed
  failed=$(grep -c failed "$WORK/$1" || true)
  if [ "$failed" = "$RUNS" ]; then echo "- $failed"; return; fi
  echo "$(grep -v failed "$WORK/$1" | median) $failed"
}

# "MEDIAN FAILED_RUNS" as a sentence.
describe() {
  local median failed
  read -r median failed <<<"$1"
  printf 'median %s s over %s runs' "$median" "$((RUNS - failed))"
  [ "$failed" = 0 ] || printf ' (%s failed)' "$failed"
}

main_migration() {
  ensure_compose
  scripts/build-demo-images.sh 2>/dev/null
  WORK=$(mktemp -d)
  # The clean-up's own statuses must not replace the benchmark's exit status.
  trap 'rc=$?; compose_down; tugboat_cleanup; rm -rf "$WORK"; exit $rc' EXIT
  local compose_result tugboat tugboat_result i
  tugboat=$(tugboat_command)
  # The two tools take turns, so a change in the machine's load hits both alike.
  for i in $(seq 1 "$RUNS"); do
    run_once docker-compose "$i" time_compose_once
    [ -z "$tugboat" ] || run_once tugboat "$i" time_tugboat_once "$tugboat"
  done
  compose_result=$(summary docker-compose)
  printf 'docker-compose %s, health check interval %s: %s (up -d until /health is 200)\n' \
    "$(docker-compose version --short)" "$HEALTH_INTERVAL" "$(describe "$compose_result")"
  if [ -z "$tugboat" ]; then
    echo "tugboat: not timed (no target/tugboat.jar with a run command; set TUGBOAT_CMD to time one)"
    return
  fi
  tugboat_result=$(summary tugboat)
  printf 'tugboat (%s): %s (start until /health is 200)\n' "$tugboat" "$(describe "$tugboat_result")"
  printf 'ratio of medians tugboat/docker-compose: %s\n' \
    "$(ratio "${tugboat_result%% *}" "${compose_result%% *}")"
  figure "migration chain: tugboat run / compose" "${tugboat_result%% *}" "${compose_result%% *}" "-"
}

# The ratio of two medians, or "-" when one is missing.
ratio() { awk -v t="$1" -v c="$2" 'BEGIN { if (t == "-" || c == "-" || c == 0) print "-"; else printf "%.2f", t / c }'; }

# FIGURE<TAB>name<TAB>tugboat<TAB>baseline<TAB>ratio<TAB>target, seconds with their unit.
figure() {
  local name=$1 t=$2 b=$3 target=$4 tv bv
  tv=$([ "$t" = - ] && echo - || echo "$t s")
  bv=$([ "$b" = - ] && echo - || echo "$b s")
  printf 'FIGURE\t%s\t%s\t%s\t%s\t%s\n' "$name" "$tv" "$bv" "$(ratio "$t" "$b")" "$target"
}

. scripts/bench/compose/busybox-chain.bash

case "${CHAIN:-busybox}" in
  busybox) main_busybox "$@" ;;
  migration) main_migration "$@" ;;
  *) log "CHAIN is busybox or migration, not ${CHAIN}"; exit 2 ;;
esac
