#!/usr/bin/env bash
# The main job: brings the migration sample up end to end under the Tugboat daemon and prints the
# dashboard's address and the API token. PostgreSQL starts; when it really accepts connections the
# one-shot migration runs; when it has stopped, the app starts and answers on port 8000.
#
# Installs what is missing (JDK, Maven, Docker's engine, busybox-static), starts dockerd, builds the
# jar and the demo images locally (reused on the next run). State (API token, the generated database
# password) lives in $TUGBOAT_DEMO_DIR (default /var/tmp/tugboat-demo) and is kept between runs, so
# the database volume and its password stay together. `scripts/demo.sh stop` stops the app and the
# daemon; `scripts/demo.sh stop --volume` also deletes the database volume.
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=${TUGBOAT_DEMO_DIR:-/var/tmp/tugboat-demo}
LISTEN=${TUGBOAT_DEMO_LISTEN:-127.0.0.1:8800}
APP_LABEL=dev.tugboat.app=tugboat-migration-demo
VOLUME=tugboat-demo-pgdata
CONFIG=$DIR/tugboat.yml
PIDFILE=$DIR/daemon.pid

log() { printf 'demo: %s\n' "$*" >&2; }
tugboat() { scripts/tugboat "$@"; }

daemon_alive() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

stop_demo() {
  if daemon_alive; then
    log "stopping the app, then the daemon"
    tugboat stop --config "$CONFIG" || true
    kill "$(cat "$PIDFILE")" 2>/dev/null || true
    for _ in $(seq 1 50); do daemon_alive || break; sleep 0.2; done
  fi
  rm -f "$PIDFILE"
  # Containers of an earlier demo whose daemon is gone (killed, or the machine rebooted).
  local left
  left=$(docker ps -aq --filter "label=$APP_LABEL")
  if [ -n "$left" ]; then
    log "removing the demo's containers"
    # shellcheck disable=SC2086 # one id per word
    docker rm -f $left >/dev/null
  fi
}

if [ "${1:-}" = stop ]; then
  stop_demo
  if [ "${2:-}" = --volume ]; then
    docker volume rm "$VOLUME" >/dev/null 2>&1 || true
    rm -f "$DIR/state/settings.json"
    log "removed the database volume and the stored config values"
  fi
  exit 0
fi

scripts/setup-docker.sh
scripts/build-images.sh
scripts/build-demo-images.sh

jar=target/tugboat.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src -newer "$jar" -print -quit)" ]; then
  log "building $jar"
  mvn -B -q package -DskipTests
fi

stop_demo
mkdir -p "$DIR"
cat > "$CONFIG" <<YML
# Written by scripts/demo.sh.
listen: $LISTEN
state_dir: $DIR/state
app: $PWD/samples/migration-app.yml
YML

log "starting the daemon (log: $DIR/daemon.log)"
setsid nohup java -Xms32m -Xmx128m -XX:+UseSerialGC -jar "$jar" serve --config "$CONFIG" \
  > "$DIR/daemon.log" 2>&1 < /dev/null &
echo $! > "$PIDFILE"

for _ in $(seq 1 100); do
  curl -fs "http://$LISTEN/healthz" >/dev/null 2>&1 && break
  daemon_alive || { tail -n 20 "$DIR/daemon.log" >&2; exit 1; }
  sleep 0.2
done

# The daemon resumes a run it finds, and keeps an app the operator stopped stopped: this demo
# stopped the last one itself, so it asks for the start (a no-op if the app is already up).
tugboat start --config "$CONFIG" >/dev/null || true

log "waiting for the app to start (PostgreSQL, then the migration, then the app)"
state=""
for _ in $(seq 1 300); do
  state=$(tugboat status --config "$CONFIG" --json 2>/dev/null \
    | grep -m1 -o '"state" *: *"[a-z]*"' | sed 's/.*"\([a-z]*\)"$/\1/' || true)
  case "$state" in started|failed) break ;; esac
  sleep 1
done

tugboat status --config "$CONFIG" || true
token=$(cat "$DIR/state/token")
cat <<MSG

Dashboard:  http://$LISTEN/#token=$token
Status API: curl -H "Authorization: Bearer $token" http://$LISTEN/api/v1/status
The app:    http://127.0.0.1:8000/
Token file: $DIR/state/token     Daemon log: $DIR/daemon.log
Stop:       scripts/demo.sh stop   (add --volume to delete the database too)
MSG
[ "$state" = started ]
