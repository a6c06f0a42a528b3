#!/usr/bin/env bash
# Chaos test: the Docker Engine hangs under a running daemon. A three-container busybox app runs
# under `tugboat serve` from target/tugboat.jar; once it is `started`, dockerd is stopped with
# SIGSTOP for PAUSE_SECONDS (default 40): the engine keeps its socket open and answers nothing,
# while the containers run on. Meanwhile GET /healthz, /api/v1/status, /api/v1/config and
# /api/v1/events are polled and POST /api/v1/app/stop is sent once, each with curl --max-time 2.
# Then dockerd gets SIGCONT (always, from a trap, whatever happens).
# Checks: every call answered within 2 s; /healthz said 503 and the status said the engine does
# not answer; the stop was accepted (202; 200 is accepted too and printed); after SIGCONT the app
# is `stopped` and no container of the app runs, within SETTLE_SECONDS, without a daemon restart.
# Prints each endpoint's worst latency and the time to `stopped`; exits non-zero on a failure.
# Other work on this engine stalls while it is paused: run it alone (scripts/test.sh runs it after
# `mvn verify`). Needs root, the built jar and tugboat-test/busybox:1 (scripts/build-images.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=target/tugboat.jar
PAUSE_SECONDS=${PAUSE_SECONDS:-40}
SETTLE_SECONDS=60
MAX_SECONDS=2
APP=chaos-pause-$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
DIR=$(mktemp -d /tmp/tugboat-chaos-pause.XXXXXX)
STATE=$DIR/state
daemon_pid=""
dockerd_pid=""

FAULT_TEST=engine-pause
# shellcheck source=../lib/fault-test.sh
. scripts/lib/fault-test.sh

resume_engine() {
  if [ -n "$dockerd_pid" ]; then
    kill -CONT "$dockerd_pid" 2>/dev/null || true
  fi
}

cleanup() {
  local code=$?
  # The engine is shared: whatever happened, it runs again.
  resume_engine
  if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
    kill "$daemon_pid" 2>/dev/null || true
    wait "$daemon_pid" 2>/dev/null || true
  fi
  local left
  left=$(timeout 30 docker ps -aq --filter "label=dev.tugboat.app=$APP" 2>/dev/null || true)
  # shellcheck disable=SC2086 # one id per word
  [ -n "$left" ] && timeout 60 docker rm -f $left >/dev/null 2>&1
  if [ "$code" = 0 ]; then
    rm -rf "$DIR"
  else
    log "kept $DIR (daemon log, poll log)"
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v jq >/dev/null 2>&1 || {
  log "installing jq"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null
}
[ -f "$JAR" ] || mvn -B -q package -DskipTests
docker image inspect tugboat-test/busybox:1 >/dev/null \
  || { log "tugboat-test/busybox:1 is missing: run scripts/build-images.sh"; exit 1; }

API_PORT=$(free_port)
BASE=http://127.0.0.1:$API_PORT
mkdir -p -m 700 "$STATE"  # the daemon refuses a state directory others can reach
cat >"$DIR/app.yml" <<YML
replicated_api_version: 2.8.0
name: "$APP"
version: "1"
components:
- name: db
  containers:
  - source: public
    image_name: tugboat-test/busybox
    version: 1
    cmd: '["sh", "-c", "trap \"exit 0\" TERM; while true; do sleep 0.2; done"]'
    stop_timeout: 2
- name: web
  containers:
  - source: public
    image_name: tugboat-test/busybox
    version: 1
    cmd: '["sh", "-c", "trap \"exit 0\" TERM; while true; do sleep 0.2; done"]'
    stop_timeout: 2
- name: worker
  containers:
  - source: public
    image_name: tugboat-test/busybox
    version: 1
    cmd: '["sh", "-c", "trap \"exit 0\" TERM; while true; do sleep 0.2; done"]'
    stop_timeout: 2
YML
cat >"$DIR/tugboat.yml" <<YML
listen: 127.0.0.1:$API_PORT
state_dir: state
app: app.yml
integration_port: $(free_port)
YML

token() { cat "$STATE/token"; }
status() { curl -fsS --max-time 5 -H "Authorization: Bearer $(token)" "$BASE/api/v1/status"; }
running_containers() {
  timeout 10 docker ps -q --filter "label=dev.tugboat.app=$APP" --filter status=running | wc -l
}

await_state() { # STATE SECONDS: waits until the status says STATE
  local want=$1 deadline=$((SECONDS + $2)) doc=""
  while [ "$SECONDS" -lt "$deadline" ]; do
    doc=$(status 2>/dev/null || true)
    [ "$(jq -r .state <<<"${doc:-{\}}" 2>/dev/null)" = "$want" ] && return 0
    sleep 0.2
  done
  log "not $want within $2 s; last status: $(jq -c '{state, message, docker}' <<<"${doc:-{\}}" 2>/dev/null)"
  return 1
}

# One call with curl --max-time 2; appends "name seconds code" to the poll log and prints the
# body. Code 000: no answer within 2 s.
call() {
  local name=$1 method=$2 path=$3 out code seconds
  out=$(curl -s --max-time "$MAX_SECONDS" -X "$method" -H "Authorization: Bearer $(token)" \
    -w '\n%{http_code} %{time_total}' "$BASE$path" || true)
  read -r code seconds <<<"${out##*$'\n'}"
  printf '%s %s %s\n' "$name" "${seconds:-$MAX_SECONDS}" "${code:-000}" >>"$DIR/polls.log"
  printf '%s' "${out%$'\n'*}"
}

log "app $APP; daemon on $BASE; files in $DIR"
setsid java -Xms32m -Xmx128m -XX:+UseSerialGC -jar "$JAR" serve --config "$DIR/tugboat.yml" \
  >"$DIR/daemon.log" 2>&1 </dev/null &
daemon_pid=$!
for _ in $(seq 1 150); do curl -s -o /dev/null "$BASE/healthz" && break; sleep 0.2; done
await_state started 90 || { fail "the app did not start"; exit 1; }
log "started: $(running_containers) containers running"

dockerd_pid=$(cat /var/run/docker.pid 2>/dev/null || pgrep -x dockerd)
kill -0 "$dockerd_pid" || { log "no dockerd to pause"; exit 1; }
log "pausing dockerd ($dockerd_pid) for $PAUSE_SECONDS s"
paused_at=$(now)
kill -STOP "$dockerd_pid"
said_silent=0
stop_code=""
end=$((SECONDS + PAUSE_SECONDS))
while [ "$SECONDS" -lt "$end" ]; do
  call healthz GET /healthz >/dev/null
  doc=$(call status GET /api/v1/status)
  if [ "$(jq -r '.docker_answering' <<<"${doc:-{\}}" 2>/dev/null)" = false ]; then
    [ "$said_silent" = 0 ] && log "status after $(seconds_since "$paused_at") s: docker: $(jq -r .docker <<<"$doc")"
    said_silent=$((said_silent + 1))
  fi
  call config GET /api/v1/config >/dev/null
  call events GET '/api/v1/events?after=latest' >/dev/null
  # Stop once, after the status has said the engine does not answer.
  if [ -z "$stop_code" ] && [ "$said_silent" -gt 0 ]; then
    call stop POST /api/v1/app/stop >/dev/null
    stop_code=$(awk '$1 == "stop" { print $3 }' "$DIR/polls.log")
    log "POST /api/v1/app/stop answered $stop_code ($(awk '$1 == "stop" { print $2 }' "$DIR/polls.log") s)"
  fi
  sleep 0.5
done
resume_engine
resumed_at=$(now)
dockerd_pid_resumed=$dockerd_pid
dockerd_pid=""
log "dockerd resumed after $(seconds_since "$paused_at") s"

if [ -z "$stop_code" ]; then
  fail "the status never said the engine does not answer, so no stop was sent; sending it now"
  call stop POST /api/v1/app/stop >/dev/null
  stop_code=$(awk '$1 == "stop" { print $3 }' "$DIR/polls.log")
fi
case "$stop_code" in
  202) ;;
  200) log "note: stop answered 200 (the run's end awaited), not 202" ;;
  *) fail "POST /api/v1/app/stop answered '$stop_code' within $MAX_SECONDS s (000: no answer)" ;;
esac
[ "$said_silent" -gt 0 ] || fail "the status never said the engine does not answer"
grep -q '^healthz [0-9.]* 503$' "$DIR/polls.log" || fail "/healthz never answered 503"

stopped_after=""
if await_state stopped "$SETTLE_SECONDS"; then
  deadline=$((SECONDS + SETTLE_SECONDS))
  while [ "$(running_containers)" -gt 0 ] && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
  stopped_after=$(seconds_since "$resumed_at")
  [ "$(running_containers)" -eq 0 ] || fail "the app is stopped but $(running_containers) of its containers run"
else
  fail "the app was not stopped within $SETTLE_SECONDS s after SIGCONT"
fi
kill -0 "$daemon_pid" 2>/dev/null || fail "the daemon exited"
[ "$(status | jq -r .docker_answering)" = true ] || fail "the status does not say the engine answers again"

for name in healthz status config events stop; do
  read -r n worst late <<<"$(awk -v n="$name" -v max="$MAX_SECONDS" '$1 == n {
      c++; if ($2 > w) w = $2; if ($3 == "000" || $2 >= max) l++ }
      END { printf "%d %.3f %d", c, w, l }' "$DIR/polls.log")"
  printf 'engine-pause: %-8s calls %3d, worst %s s, unanswered within %s s: %d\n' \
    "$name" "$n" "$worst" "$MAX_SECONDS" "$late"
  [ "$late" -eq 0 ] || fail "$name: $late calls got no answer within $MAX_SECONDS s"
done
printf 'engine-pause: %s\n' \
  "dockerd $dockerd_pid_resumed paused $PAUSE_SECONDS s; status said 'not answering' in $said_silent polls" \
  "stop answered ${stop_code}; stopped ${stopped_after:-never} s after SIGCONT; failures: $failures"
[ "$failures" -eq 0 ]
