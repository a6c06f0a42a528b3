#!/usr/bin/env bash
# Soak test: a daemon that restarts its app many times keeps its threads, file descriptors and
# containers flat. `tugboat serve` (target/tugboat.jar, the service's JVM options) runs a
# three-container busybox app (scripts/soak/app.yml: a port-listen event starts a one-shot whose
# exit starts the third); then
#   1. RESTARTS restarts (default 100) through POST /api/v1/app/restart, each until a new run is
#      `started`;
#   2. FAILED_RUNS runs (default 50) that fail on their own: `tugboat config set first_exit=3` makes
#      the first container exit 3 at once, so its event can never fire; each restart must end
#      `failed` (with a failure kind) in a new run; then the value goes back and a last restart
#      must end `started`.
# Prints the daemon's threads, open descriptors and RSS, the app's containers and the journals kept
# at the start, after WARMUP restarts (default 10) and at the end, and each phase's time.
# Fails (exit 1) when a restart does not end `started`, a failed run is not `failed`, a container
# of an earlier run is left, or threads grow by more than THREAD_SLACK (default 5) or descriptors by
# more than FD_SLACK (default 10) from the warm-up point to the end. Why those bounds: the counts
# are taken with the app started and idle, where the daemon holds one event stream and nothing
# else of a run; what still moves between such points is the JVM's own (JIT compiler threads come
# and go, 1-3) and a pooled connection to the engine or two (descriptors). A leak of one thread or
# stream per run shows as +100 over 100 restarts.
# Needs: Docker with tugboat-test/busybox:1 (scripts/build-images.sh), curl, jq.
#   scripts/soak/restarts.sh
#   RESTARTS=20 FAILED_RUNS=10 scripts/soak/restarts.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

RESTARTS=${RESTARTS:-100}
FAILED_RUNS=${FAILED_RUNS:-50}
WARMUP=${WARMUP:-10}
[ "$WARMUP" -le "$RESTARTS" ] || WARMUP=$RESTARTS
THREAD_SLACK=${THREAD_SLACK:-5}
FD_SLACK=${FD_SLACK:-10}
SETTLE_SECONDS=${SETTLE_SECONDS:-90} # a run's bound; the engine may be paused by a neighbour's test
JAR=${TUGBOAT_JAR:-target/tugboat.jar}
APP=soak-$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
DIR=$(mktemp -d /tmp/tugboat-soak.XXXXXX)
STATE=$DIR/state
daemon_pid=""

FAULT_TEST=soak
# shellcheck source=../lib/fault-test.sh
. scripts/lib/fault-test.sh

cleanup() {
  local code=$?
  if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
    kill "$daemon_pid" 2>/dev/null || true
    wait "$daemon_pid" 2>/dev/null || true
  fi
  local left
  left=$(docker ps -aq --filter "label=dev.tugboat.app=$APP" 2>/dev/null || true)
  # shellcheck disable=SC2086 # one id per word
  [ -n "$left" ] && docker rm -f $left >/dev/null 2>&1
  if [ "$code" = 0 ]; then
    rm -rf "$DIR"
  else
    log "kept $DIR (daemon log, journals)"
  fi
  exit "$code"
}
trap cleanup EXIT

command -v jq >/dev/null 2>&1 || {
  log "installing jq"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null
}
[ -f "$JAR" ] || mvn -B -q package -DskipTests
export TUGBOAT_JAR=$JAR # scripts/tugboat runs the same jar
docker image inspect tugboat-test/busybox:1 >/dev/null 2>&1 \
  || { log "tugboat-test/busybox:1 is missing: run scripts/build-images.sh"; exit 1; }

API_PORT=$(free_port)
BASE=http://127.0.0.1:$API_PORT
mkdir -p -m 700 "$STATE" # the daemon refuses a state directory others can reach
sed "s/@APP@/$APP/" scripts/soak/app.yml >"$DIR/app.yml"
cat >"$DIR/tugboat.yml" <<YML
listen: 127.0.0.1:$API_PORT
state_dir: state
app: app.yml
integration_port: $(free_port)
YML

tugboat() { TUGBOAT_JAVA_OPTS="" scripts/tugboat "$@" --config "$DIR/tugboat.yml"; }
api() { # METHOD PATH: the body, then the HTTP code on a line of its own
  curl -sS --max-time 10 -X "$1" -w '\n%{http_code}' \
    -H "Authorization: Bearer $(cat "$STATE/token")" "$BASE$2"
}
status() { api GET /api/v1/status | sed '$d'; }
short() { jq -c '{state, run_id, run_ended, message: (.message // "" | split("\n")[0]), failure}' <<<"${1:-{\}}" 2>/dev/null; }

# What the daemon holds: threads, descriptors, RSS, the app's containers, the journals kept.
THREADS=0 FDS=0 RSS=0 HEAP=- CONTAINERS=0 JOURNALS=0
measure() {
  THREADS=$(awk '/^Threads:/ { print $2 }' "/proc/$daemon_pid/status")
  FDS=$(find "/proc/$daemon_pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
  RSS=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$daemon_pid/status")
  HEAP=$(heap_after_gc)
  CONTAINERS=$(docker ps -aq --filter "label=dev.tugboat.app=$APP" | wc -l)
  JOURNALS=$(find "$STATE/runs" -name '*.jsonl' 2>/dev/null | wc -l)
  printf 'soak: %-22s threads %3d, descriptors %3d, RSS %4d MB, heap after a full GC %s MB, app containers %d, journals %d\n' \
    "$1:" "$THREADS" "$FDS" "$RSS" "$HEAP" "$CONTAINERS" "$JOURNALS" >&2
}
# The live heap (what a leak of objects grows), in MB: a full collection, then the generations'
# use; "-" without jcmd. RSS alone says little: the JVM keeps heap it once used.
heap_after_gc() {
  command -v jcmd >/dev/null 2>&1 || { echo -; return; }
  jcmd "$daemon_pid" GC.run >/dev/null 2>&1 || { echo -; return; }
  jcmd "$daemon_pid" GC.heap_info 2>/dev/null \
    | awk '/generation|space/ && / used / { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); kb += v } }
           END { if (kb) printf "%.1f", kb / 1024; else print "-" }'
}
# The daemon's threads by name (the kernel's 15-character names), for telling what grew.
thread_names() {
  cat /proc/"$daemon_pid"/task/*/comm 2>/dev/null | sed 's/-\?[0-9]*$//; s/ /_/g' | sort | uniq -c | sort -rn
}

# Only the current run's containers exist, and no more than the spec has.
check_containers() {
  local run=$1 name labelled
  while IFS='|' read -r name labelled; do
    [ -z "$name" ] && continue
    [ "$labelled" = "$run" ] || fail "left over: container $name of run '$labelled' (current run $run)"
  done < <(docker ps -a --filter "label=dev.tugboat.app=$APP" --format '{{.Names}}|{{.Label "dev.tugboat.run"}}')
  [ "$CONTAINERS" -le 3 ] || fail "$CONTAINERS containers carry the app's label; the spec has 3"
}

# POST /api/v1/app/restart, then waits until a run other than the one before is `$1` (started or
# failed); RUN holds its id. Says why when it is not.
restart_until() {
  local want=$1 before doc reply code state run deadline
  before=$(status | jq -r .run_id)
  reply=$(api POST /api/v1/app/restart) || { fail "restart: no answer"; return 1; }
  code=${reply##*$'\n'}
  if [ "$code" != 202 ] && [ "$code" != 200 ]; then
    fail "restart answered $code: ${reply%$'\n'*}"
    return 1
  fi
  deadline=$((SECONDS + SETTLE_SECONDS))
  while [ "$SECONDS" -lt "$deadline" ]; do
    doc=$(status 2>/dev/null || true)
    state=$(jq -r '.state // ""' <<<"${doc:-{\}}" 2>/dev/null || true)
    run=$(jq -r '.run_id // ""' <<<"${doc:-{\}}" 2>/dev/null || true)
    if [ "$run" != "$before" ] && [ "$state" = "$want" ]; then
      RUN=$run
      if [ "$want" = failed ] && [ "$(jq -r '.failure.kind // ""' <<<"$doc")" = "" ]; then
        fail "run $run is failed without a failure kind: $(short "$doc")"
        return 1
      fi
      return 0
    fi
    # The run before may still be shown failed until the new one begins (the restart answers 202
    # at once): only a new run's failure counts.
    if [ "$run" != "$before" ] && [ "$state" = failed ] && [ "$want" != failed ]; then
      fail "a restart after run $before ended failed: $(short "$doc")"
      return 1
    fi
    sleep 0.1
  done
  fail "no run after $before was $want within $SETTLE_SECONDS s; last status: $(short "$doc")"
  return 1
}

log "app $APP; daemon on $BASE; files in $DIR"
began=$(now)
java -Xms32m -Xmx128m -XX:+UseSerialGC -jar "$JAR" serve --config "$DIR/tugboat.yml" \
  >"$DIR/daemon.log" 2>&1 </dev/null &
daemon_pid=$!
for _ in $(seq 1 150); do [ -f "$STATE/token" ] && curl -s -o /dev/null "$BASE/healthz" && break; sleep 0.2; done
deadline=$((SECONDS + SETTLE_SECONDS))
until [ "$(status 2>/dev/null | jq -r .state 2>/dev/null)" = started ]; do
  [ "$SECONDS" -lt "$deadline" ] || { log "the app did not start: $(short "$(status)")"; exit 1; }
  sleep 0.2
done
RUN=$(status | jq -r .run_id)
measure "start (first run)"
start_threads=$THREADS start_fds=$FDS start_rss=$RSS start_heap=$HEAP
thread_names >"$DIR/threads-start.txt"
cp "$DIR/threads-start.txt" "$DIR/threads-warm.txt"
log "first run $RUN started $(seconds_since "$began") s after the daemon was launched"

# 1. Restarts, each to `started`.
phase=$(now)
warm_threads=$THREADS warm_fds=$FDS warm_rss=$RSS warm_heap=$HEAP
started=0
for i in $(seq 1 "$RESTARTS"); do
  if restart_until started; then
    started=$((started + 1))
  else
    log "daemon log, last lines:"; tail -n 20 "$DIR/daemon.log" >&2
    exit 1
  fi
  [ $((i % 25)) = 0 ] && log "$i of $RESTARTS restarts started ($(seconds_since "$phase") s)"
  if [ "$i" = "$WARMUP" ]; then
    measure "after $i restarts"
    check_containers "$RUN"
    warm_threads=$THREADS warm_fds=$FDS warm_rss=$RSS warm_heap=$HEAP
    thread_names >"$DIR/threads-warm.txt"
  fi
done
restarts_took=$(seconds_since "$phase")
measure "after $RESTARTS restarts"
check_containers "$RUN"
log "restarts: $started of $RESTARTS ended started in $restarts_took s ($(awk -v t="$restarts_took" -v n="$RESTARTS" 'BEGIN { printf "%.2f", n ? t / n : 0 }') s each)"

# 2. Runs that fail on their own, then a start again.
phase=$(now)
tugboat config set first_exit=3 >/dev/null
failed=0
for _ in $(seq 1 "$FAILED_RUNS"); do
  if restart_until failed; then
    failed=$((failed + 1))
  else
    log "daemon log, last lines:"; tail -n 20 "$DIR/daemon.log" >&2
    exit 1
  fi
done
measure "after $FAILED_RUNS failed runs"
check_containers "$RUN"
kind=$(status | jq -r '.failure.kind')
tugboat config set first_exit=0 >/dev/null
restart_until started || exit 1
failed_took=$(seconds_since "$phase")
log "failed runs: $failed of $FAILED_RUNS ended failed ($kind) in $failed_took s; then run $RUN started"

sleep 2 # the last run's one-shot exits and the loop settles: measure at rest, as at the start
measure "end"
check_containers "$RUN"
thread_names >"$DIR/threads-end.txt"
thread_growth=$((THREADS - warm_threads))
fd_growth=$((FDS - warm_fds))
if [ "$thread_growth" -gt "$THREAD_SLACK" ]; then
  fail "threads grew by $thread_growth (bound $THREAD_SLACK) from the warm-up point to the end"
  diff "$DIR/threads-warm.txt" "$DIR/threads-end.txt" >&2 || true
fi
if [ "$fd_growth" -gt "$FD_SLACK" ]; then
  fail "descriptors grew by $fd_growth (bound $FD_SLACK) from the warm-up point to the end"
  ls -l "/proc/$daemon_pid/fd" >&2 || true
fi

printf 'soak: %s\n' \
  "restarts: $started/$RESTARTS started ($restarts_took s); failed runs: $failed/$FAILED_RUNS failed ($failed_took s)" \
  "threads: $start_threads at the start, $warm_threads after $WARMUP restarts, $THREADS at the end ($(printf '%+d' "$thread_growth"), bound +$THREAD_SLACK)" \
  "descriptors: $start_fds, $warm_fds, $FDS ($(printf '%+d' "$fd_growth"), bound +$FD_SLACK)" \
  "RSS: $start_rss MB, $warm_rss MB, $RSS MB; heap after a full GC: $start_heap MB, $warm_heap MB, $HEAP MB" \
  "(memory is printed, not bounded: the event list (10,000 events) and the history (200 runs) fill up to their caps first)" \
  "app containers at the end: $CONTAINERS; journals kept: $JOURNALS; failures: $failures; total $(seconds_since "$began") s"
# Which threads there are more or fewer of than at the start (pools fill up as they are used).
LC_ALL=C join -j 2 -a 1 -a 2 -e 0 -o 0,1.1,2.1 \
  <(LC_ALL=C sort -k 2 "$DIR/threads-start.txt") <(LC_ALL=C sort -k 2 "$DIR/threads-end.txt") \
  | awk '$2 != $3 { printf "soak: threads named %s: %d at the start, %d at the end\n", $1, $2, $3 }' >&2
[ "$failures" -eq 0 ]
