#!/usr/bin/env bash
# Proves the demo images work with plain `docker run`, no Tugboat: PostgreSQL on a fresh named volume,
# the migration, the app (/ and /health), a second migration run (counted in migration_runs), the
# upgrade to app version 2, and a restart of PostgreSQL on its existing data. Prints each check and
# exits non-zero when one fails. Cleans up everything it made, also on failure.
#
# It also measures why port-listen must probe the container's own address: Docker's userland proxy
# accepts on a published host port as soon as the container starts, long before PostgreSQL listens.
# Printed in ms after the start request: the first accept on the published port (127.0.0.1; the
# proxy), the first accept on the container's address, and the first successful SQL session there.
set -euo pipefail
cd "$(dirname "$0")/.."

POSTGRES_IMAGE=tugboat-demo/postgres:15
APP_IMAGE=tugboat-demo/app
NAME=tugboat-check-$$
PASSWORD=check-$$-$RANDOM
failures=0

log() { printf 'check-demo-images: %s\n' "$*" >&2; }
pass() { printf 'PASS  %s\n' "$*"; }
fail() {
  printf 'FAIL  %s\n' "$*"
  failures=$((failures + 1))
}
now() { date +%s.%N; }
ms_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%d", (b - a) * 1000 }'; }

WORK=$(mktemp -d)
cleanup() {
  rm -rf "$WORK"
  docker rm -f "$NAME-db" "$NAME-app" "$NAME-probe" >/dev/null 2>&1 || true
  docker volume rm "$NAME-data" >/dev/null 2>&1 || true
}
trap cleanup EXIT

tcp_accepts() { timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
ip_of() { docker inspect -f '{{.NetworkSettings.IPAddress}}' "$1"; }
db_env() { echo "-e DB_HOST=$DB_IP -e DB_USER=demo -e DB_PASSWORD=$PASSWORD -e DB_NAME=demo"; }
sql() { docker exec "$NAME-db" psql -X -At -U demo -d demo -c "$1"; }

# shellcheck source=lib/free-port.sh
. scripts/lib/free-port.sh

# Probes the published port from before the start, so its first accept is seen when it happens.
probe_published_port() {
  until tcp_accepts 127.0.0.1 "$HOST_PORT"; do sleep 0.005; done
  now >"$WORK/proxy_at"
}

start_postgres() {
  HOST_PORT=$(free_port)
  docker volume create "$NAME-data" >/dev/null
  docker create --name "$NAME-db" -e POSTGRES_USER=demo -e POSTGRES_DB=demo \
    -e POSTGRES_PASSWORD="$PASSWORD" -v "$NAME-data:/var/lib/postgresql/data" \
    -p "127.0.0.1:$HOST_PORT:5432" "$POSTGRES_IMAGE" >/dev/null
  probe_published_port &
  # Docker starts its proxy while it sets up the network, before the container's process: the
  # times count from the start request, not from the container's StartedAt.
  STARTED=$(now)
  docker start "$NAME-db" >/dev/null
  DB_IP=$(ip_of "$NAME-db")
}

# A probe sharing the database's network namespace opens SQL sessions on the container's address
# every 20 ms and prints the time of its first attempt and of its first success.
start_session_probe() {
  docker run -d --name "$NAME-probe" --network "container:$NAME-db" --entrypoint bash \
    -e PGPASSWORD="$PASSWORD" "$APP_IMAGE:1" -c "
      first=\$(date +%s.%N)
      until psql -X -h $DB_IP -U demo -d demo -Atc 'SELECT 1' >/dev/null 2>&1; do sleep 0.02; done
      echo \$first \$(date +%s.%N)" >/dev/null
}

measure_readiness() {
  local deadline=$((SECONDS + 60)) proxy_at direct_at="" t
  start_session_probe
  while [ -z "$direct_at" ] && [ "$SECONDS" -lt "$deadline" ]; do
    t=$(now)
    tcp_accepts "$DB_IP" 5432 && direct_at=$t
    sleep 0.005
  done
  wait
  proxy_at=$(cat "$WORK/proxy_at")
  [ "$(docker wait "$NAME-probe")" = 0 ] || { fail "no SQL session on $DB_IP:5432 within 60 s"; return; }
  read -r probe_first session_at < <(docker logs "$NAME-probe")
  printf 'MEASURE  published port 127.0.0.1:%s (userland proxy) first accept: %s ms after docker start\n' \
    "$HOST_PORT" "$(ms_between "$STARTED" "$proxy_at")"
  printf 'MEASURE  container address %s:5432 first accept:             %s ms after docker start\n' \
    "$DB_IP" "$(ms_between "$STARTED" "$direct_at")"
  printf 'MEASURE  first SQL session on %s:5432:                          %s ms after docker start (probe began at %s ms)\n' \
    "$DB_IP" "$(ms_between "$STARTED" "$session_at")" "$(ms_between "$STARTED" "$probe_first")"
  if [ "$(ms_between "$proxy_at" "$direct_at")" -gt 0 ]; then
    pass "the published port accepted $(ms_between "$proxy_at" "$direct_at") ms before PostgreSQL listened"
  else
    fail "the published port did not accept before PostgreSQL listened"
  fi
}

expect_exit() {
  local expected=$1 what=$2 code=0
  shift 2
  "$@" >"$WORK/out" 2>&1 || code=$?
  if [ "$code" = "$expected" ]; then pass "$what (exit $code)"; else
    fail "$what: exit $code, expected $expected; output:"
    cat "$WORK/out"
  fi
}

expect_equal() {
  if [ "$2" = "$3" ]; then pass "$1: $2"; else fail "$1: got '$2', expected '$3'"; fi
}

expect_page() {
  if grep -qF "$1" <<<"$PAGE"; then pass "$2"; else fail "$2; the page is: $PAGE"; fi
}

serve() {
  local version=$1 deadline=$((SECONDS + 20)) app_ip
  docker rm -f "$NAME-app" >/dev/null 2>&1 || true
  # shellcheck disable=SC2046
  docker run -d --name "$NAME-app" $(db_env) "$APP_IMAGE:$version" serve >/dev/null
  app_ip=$(ip_of "$NAME-app")
  until curl -fs -o /dev/null "http://$app_ip:8000/health"; do
    [ "$SECONDS" -lt "$deadline" ] || { fail "app $version: /health did not answer 200 within 20 s"; docker logs "$NAME-app"; return; }
    sleep 0.1
  done
  pass "app $version: /health answers 200"
  PAGE=$(curl -fs "http://$app_ip:8000/")
}

main() {
  scripts/build-demo-images.sh
  start_postgres
  measure_readiness
  # shellcheck disable=SC2046
  expect_exit 3 "app 1 serve refuses an unmigrated database" docker run --rm $(db_env) "$APP_IMAGE:1" serve
  # shellcheck disable=SC2046
  expect_exit 0 "app 1 migrate" docker run --rm $(db_env) "$APP_IMAGE:1" migrate
  serve 1
  expect_page 'Hello from Tugboat' "app 1: / lists the greetings"
  # shellcheck disable=SC2046
  expect_exit 0 "app 1 migrate again" docker run --rm $(db_env) "$APP_IMAGE:1" migrate
  expect_equal "migration runs after two migrate runs" "$(sql 'SELECT count(*) FROM migration_runs')" 2
  expect_equal "migrations applied by each run" "$(sql 'SELECT string_agg(applied::text, $$ $$ ORDER BY id) FROM migration_runs')" "{1} {}"

  # shellcheck disable=SC2046
  expect_exit 3 "app 2 serve refuses a database at version 1" docker run --rm $(db_env) "$APP_IMAGE:2" serve
  # shellcheck disable=SC2046
  expect_exit 0 "app 2 migrate (upgrade)" docker run --rm $(db_env) "$APP_IMAGE:2" migrate
  expect_equal "schema versions after the upgrade" "$(sql 'SELECT string_agg(version::text, $$,$$ ORDER BY version) FROM schema_migrations')" "1,2"
  serve 2
  expect_page '<td align="left">fr</td>' "app 2: / shows the languages"

  local stop_started
  stop_started=$(now)
  docker stop "$NAME-db" >/dev/null
  pass "postgres stopped in $(ms_between "$stop_started" "$(now)") ms (exit $(docker inspect -f '{{.State.ExitCode}}' "$NAME-db"))"
  # shellcheck disable=SC2046
  expect_exit 2 "migrate with the database stopped" docker run --rm -e DB_CONNECT_TIMEOUT=2 $(db_env) "$APP_IMAGE:2" migrate
  docker start "$NAME-db" >/dev/null
  DB_IP=$(ip_of "$NAME-db")
  local deadline=$((SECONDS + 30))
  until docker exec "$NAME-db" pg_isready -q -h "$DB_IP" -U demo; do
    [ "$SECONDS" -lt "$deadline" ] || break
    sleep 0.1
  done
  # shellcheck disable=SC2046
  expect_exit 0 "app 2 migrate after a restart on the existing data" docker run --rm $(db_env) "$APP_IMAGE:2" migrate
  expect_equal "migration runs in total" "$(sql 'SELECT count(*) FROM migration_runs')" 4

  if [ "$failures" -gt 0 ]; then
    log "$failures check(s) failed"
    exit 1
  fi
  log "all checks passed"
}

main "$@"
