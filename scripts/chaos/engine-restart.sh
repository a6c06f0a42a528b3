#!/usr/bin/env bash
# Chaos test: the Docker Engine restarts under a running daemon. The migration sample (a copy with
# its own app name, ports and volume) runs under `tugboat serve` from target/tugboat.jar; the engine
# is stopped with SIGTERM (which stops every container on it) and started again the way
# scripts/setup-docker.sh starts it, three times: as PostgreSQL's container is created, as it
# starts, and once the app is started.
# Checks: the API answers throughout (/healthz says the engine is unreachable, then reachable
# again); the interrupted run ends and a new run brings the app to `started`; the migration ran at
# most once per run that launched it (rows of migration_runs in the database against the run
# journals); no container is duplicated or left over. Prints its numbers; exits non-zero on a
# failure. It stops every container on this engine: run it alone (scripts/test.sh runs it after
# `mvn verify`). Needs root, the built jar and the demo images (scripts/build-demo-images.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=target/tugboat.jar
SPEC_TEMPLATE=src/test/resources/specs/migration.yml
SETTLE_SECONDS=90
APP=chaos-engine-$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
VOLUME=$APP-pgdata
DIR=$(mktemp -d /tmp/tugboat-chaos-engine.XXXXXX)
STATE=$DIR/state
RUNS=$STATE/runs
DB_ACCEPTS='PostgreSQL accepts connections'
daemon_pid=""
monitor_pid=""

FAULT_TEST=engine-restart
# shellcheck source=../lib/fault-test.sh
. scripts/lib/fault-test.sh

engine_answers() { timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

cleanup() {
  local code=$?
  if [ -n "$monitor_pid" ]; then kill "$monitor_pid" 2>/dev/null || true; fi
  # The engine is shared: whatever happened, leave it running.
  engine_answers || scripts/setup-docker.sh >/dev/null 2>&1 || log "the engine did not come back"
  if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
    kill "$daemon_pid" 2>/dev/null || true
    wait "$daemon_pid" 2>/dev/null || true
  fi
  local left
  left=$(docker ps -aq --filter "label=dev.tugboat.app=$APP" 2>/dev/null || true)
  # shellcheck disable=SC2086 # one id per word
  [ -n "$left" ] && docker rm -f $left >/dev/null 2>&1
  docker volume rm -f "$VOLUME" >/dev/null 2>&1 || true
  if [ "$code" = 0 ]; then
    rm -rf "$DIR"
  else
    log "kept $DIR (daemon log, journals, health log)"
  fi
  exit "$code"
}
trap cleanup EXIT

command -v jq >/dev/null 2>&1 || {
  log "installing jq"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null
}
[ -f "$JAR" ] || mvn -B -q package -DskipTests
docker image inspect tugboat-demo/postgres:15 tugboat-demo/app:1 >/dev/null \
  || { log "the demo images are missing: run scripts/build-demo-images.sh"; exit 1; }

API_PORT=$(free_port)
BASE=http://127.0.0.1:$API_PORT
APP_PORT=$(free_port)
mkdir -p -m 700 "$STATE"  # the daemon refuses a state directory others can reach
sed -e "s/@APP@/$APP/; s/@VOLUME@/$VOLUME/; s/@PG_PORT@/$(free_port)/; s/@APP_PORT@/$APP_PORT/" \
  "$SPEC_TEMPLATE" >"$DIR/app.yml"
cat >"$DIR/tugboat.yml" <<YML
listen: 127.0.0.1:$API_PORT
state_dir: state
app: app.yml
integration_port: $(free_port)
YML
TUGBOAT_JAVA_OPTS="" scripts/tugboat config set "$DIR/app.yml" db_password=chaos-engine \
  --settings "$STATE/settings.json" >/dev/null

tugboat() { TUGBOAT_JAVA_OPTS="" scripts/tugboat "$@" --config "$DIR/tugboat.yml"; }
status() {
  curl -fsS --max-time 5 -H "Authorization: Bearer $(cat "$STATE/token")" "$BASE/api/v1/status"
}

# Waits until the app is started in a run other than $1; prints that run's id.
await_started_run() {
  local not=$1 deadline=$((SECONDS + SETTLE_SECONDS)) doc=""
  while [ "$SECONDS" -lt "$deadline" ]; do
    doc=$(status 2>/dev/null || true)
    if [ "$(jq -r .state <<<"${doc:-{\}}")" = started ] && [ "$(jq -r .run_id <<<"$doc")" != "$not" ]; then
      jq -r .run_id <<<"$doc"
      return 0
    fi
    sleep 0.2
  done
  log "no started run other than '$not' within $SETTLE_SECONDS s; last status: $(jq -c '{state, message, run_id}' <<<"${doc:-{\}}" 2>/dev/null)"
  return 1
}

# Every 0.2 s: seconds, /healthz code and its docker field, /api/v1/status code (000: no answer).
monitor_api() {
  local body code status_code
  while :; do
    body=$(curl -s --max-time 3 -w '\n%{http_code}' "$BASE/healthz" || true)
    code=${body##*$'\n'}
    status_code=$(curl -s -o /dev/null --max-time 3 -w '%{http_code}' \
      -H "Authorization: Bearer $(cat "$STATE/token")" "$BASE/api/v1/status" || true)
    printf '%s %s %s %s\n' "$(now)" "${code:-000}" \
      "$(jq -r '.docker // "-"' <<<"${body%$'\n'*}" 2>/dev/null || echo -)" "${status_code:-000}"
    sleep 0.2
  done >>"$DIR/health.log"
}

journal_has() { # RUN JQ-FILTER: a line of the run's journal matches
  [ -f "$RUNS/$1.jsonl" ] && jq -e -s "any(.[]; $2)" "$RUNS/$1.jsonl" >/dev/null 2>&1
}

migration_rows() {
  local db
  db=$(docker ps -q --filter "label=dev.tugboat.app=$APP" --filter label=dev.tugboat.component=db)
  docker exec "$db" psql -U demo -d demo -tAc 'SELECT count(*) FROM migration_runs'
}

# Stops the engine (SIGTERM to dockerd: it stops every container), waits until its socket is gone
# and /healthz has said so, then starts it as scripts/setup-docker.sh does. Prints the seconds the
# engine was down.
restart_engine() {
  local pid began mark
  pid=$(cat /var/run/docker.pid 2>/dev/null || pgrep -x dockerd)
  began=$(now)
  mark=$(wc -l <"$DIR/health.log")
  kill -TERM "$pid"
  for _ in $(seq 1 600); do
    if ! kill -0 "$pid" 2>/dev/null && [ ! -S /var/run/docker.sock ]; then break; fi
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then log "dockerd $pid did not stop within 60 s"; return 1; fi
  for _ in $(seq 1 100); do
    tail -n +"$((mark + 1))" "$DIR/health.log" | grep -c ' 503 unreachable ' >/dev/null && break
    sleep 0.1
  done
  scripts/setup-docker.sh >/dev/null 2>&1
  seconds_since "$began"
}

log "app $APP; daemon on $BASE; files in $DIR"
began_all=$(now)
setsid java -Xms32m -Xmx128m -XX:+UseSerialGC -jar "$JAR" serve --config "$DIR/tugboat.yml" \
  >"$DIR/daemon.log" 2>&1 </dev/null &
daemon_pid=$!
for _ in $(seq 1 150); do curl -s -o /dev/null "$BASE/healthz" && break; sleep 0.2; done
monitor_api &
monitor_pid=$!
first=$(await_started_run none) || exit 1
before=$(migration_rows)
log "run $first started (migration_runs: $before rows)"

# Restarts the engine under run $2, then waits for the app to be started in a new run (set in
# NEXT_RUN). Checks that /healthz answered all along, said unreachable, then reachable, and that
# run $2 ended as interrupted. When no new run starts, says so and starts the app as an operator
# would, so the next scenario still runs.
engine_scenario() {
  local name=$1 run=$2 mark down began ended
  mark=$(wc -l <"$DIR/health.log")
  down=$(restart_engine)
  downs+=("$down")
  began=$(now)
  if NEXT_RUN=$(await_started_run "$run"); then
    log "$name (run $run): engine down $down s; run $NEXT_RUN started $(seconds_since "$began") s after the engine answered"
  else
    fail "$name (run $run): no new run reached 'started' within $SETTLE_SECONDS s after the engine answered again"
    tugboat start >/dev/null || true
    NEXT_RUN=$(await_started_run "$run") || { fail "the app did not start again when asked"; exit 1; }
  fi
  tail -n +"$((mark + 1))" "$DIR/health.log" | grep -c ' 503 unreachable ' >/dev/null \
    || fail "$name: /healthz never said the engine was unreachable"
  [ "$(tail -n 1 "$DIR/health.log" | awk '{ print $2, $3 }')" = "200 reachable" ] \
    || fail "$name: /healthz does not say the engine is reachable again: $(tail -n 1 "$DIR/health.log")"
  if journal_has "$run" '.record.type == "end-run"'; then
    ended=$(jq -c -s 'map(select(.record.type == "end-run"))[-1].record | {phase, message}' "$RUNS/$run.jsonl")
    if grep -qi interrupt <<<"$ended"; then
      log "$name: run $run ended $(jq -r '.phase + ": " + (.message | split("\n")[0])' <<<"$ended")"
    else
      fail "$name: run $run ended, but not as interrupted: $ended"
    fi
  else
    fail "$name: run $run has no end-run in its journal after the engine stopped its containers"
  fi
}

downs=()
# Starts a new run and, the moment the engine reports EVENT for its db container, restarts the
# engine under it (engine_scenario). The engine's own events are the moment to act on, not a poll:
# PostgreSQL accepts a few tenths of a second after its start.
restart_at_db_event() {
  local name=$1 event=$2 since run
  tugboat stop >/dev/null
  since=$(date +%s.%N)
  run=$(tugboat start | sed -n 's/^started run \([^ ]*\).*/\1/p')
  [ -n "$run" ] || { fail "'tugboat start' did not name a run"; exit 1; }
  coproc DB_EVENT { exec timeout 60 docker events --since "$since" --filter "label=dev.tugboat.run=$run" \
    --filter label=dev.tugboat.component=db --filter "event=$event" --format '{{.ID}}'; }
  read -r -t 60 _ <&"${DB_EVENT[0]}" || log "note: no $event event of PostgreSQL within 60 s"
  kill "$DB_EVENT_PID" 2>/dev/null || true
  engine_scenario "$name" "$run"
  if journal_has "$run" ".record.type == \"fire\" and .record.event == \"$DB_ACCEPTS\""; then
    log "note: '$DB_ACCEPTS' had fired in run $run before its containers stopped"
  fi
}

# 1: the engine goes while the db's launch is under way (its container just created).
restart_at_db_event "engine restart at PostgreSQL's create" create
# 2: the engine goes while PostgreSQL starts.
restart_at_db_event "engine restart at PostgreSQL's start" start

# 3: the engine goes once the app is started.
engine_scenario "engine restart after 'started'" "$NEXT_RUN"
last=$NEXT_RUN
sleep 1
kill "$monitor_pid" && monitor_pid=""

# The migration: at most once per run, counted in the database against the run journals.
after=$(migration_rows)
launched=0
for f in "$RUNS"/*.jsonl; do
  r=$(basename "$f" .jsonl)
  [ "$r" = "$first" ] && continue
  created=$(jq -s '[.[] | select(.record.type == "container-created" and .record.container.component == "migration")] | length' "$f")
  [ "$created" -gt 1 ] && fail "run $r created the migration $created times"
  journal_has "$r" '.record.type == "launch" and .record.container.component == "migration"' \
    && launched=$((launched + 1))
  twice=$(jq -r -s '[.[] | select(.record.type == "fire") | .record.event] | group_by(.) | map(select(length > 1) | "\(.[0]) (\(length)x)") | join(", ")' "$f")
  [ -n "$twice" ] && fail "run $r fired events more than once: $twice"
done
migrations=$((after - before))
[ "$migrations" -le "$launched" ] \
  || fail "the migration ran $migrations times (migration_runs $before -> $after) in $launched runs that launched it"

# No orphans: only the last run's containers, one per container of the spec, all labelled.
orphans=0
while IFS='|' read -r name labelled_run; do
  [ -z "$name" ] && continue
  if [ "$labelled_run" != "$last" ]; then
    fail "orphan: $name (run '${labelled_run}')"
    orphans=$((orphans + 1))
  fi
done < <(docker ps -a --filter "name=tugboat-$APP-" \
  --format '{{.Names}}|{{.Label "dev.tugboat.run"}}')
dups=$(docker ps -a --filter "label=dev.tugboat.run=$last" \
  --format '{{.Label "dev.tugboat.component"}}/{{.Label "dev.tugboat.container"}}' | sort | uniq -d)
[ -z "$dups" ] || { fail "run $last has more than one instance of: $dups"; orphans=$((orphans + 1)); }

# The API answered throughout.
polls=$(wc -l <"$DIR/health.log")
unanswered=$(awk '$2 == "000" || $4 == "000"' "$DIR/health.log" | wc -l)
unreachable=$(awk '$2 == 503 && $3 == "unreachable"' "$DIR/health.log" | wc -l)
[ "$unanswered" -eq 0 ] || fail "the API did not answer $unanswered of $polls polls"

[ "$(status | jq -r .state)" = started ] || fail "the app is not started at the end"

printf 'engine-restart: %s\n' \
  "engine restarts: ${#downs[@]} (down ${downs[*]} s); runs: $(find "$RUNS" -name '*.jsonl' 2>/dev/null | wc -l)" \
  "API polls: $polls (every 0.2 s), unanswered: $unanswered, /healthz 503 unreachable: $unreachable" \
  "migrations counted in the database: $migrations, runs that launched the migration: $launched" \
  "orphans: $orphans; failures: $failures; total $(seconds_since "$began_all") s"
[ "$failures" -eq 0 ]
