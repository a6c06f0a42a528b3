#!/bin/sh
# How long `tugboat snapshot create` interrupts the running migration demo (PostgreSQL, its
# migration, the web app), two ways taking turns over N rounds (default 3): with --stop (stopped,
# copied, started again: the event chain runs again) and with the spec's backup.pause_containers
# (paused for the copy). A poller asks the app's page every 50 ms; the interruption is the longest
# time between two answered requests while the command ran. Prints each time and the medians.
# Needs the engine and the demo's images (scripts/build-demo-images.sh).
#   scripts/bench/snapshot-pause.sh [ROUNDS]
set -eu
rounds=${1:-${ROUNDS:-3}}
here=$(cd "$(dirname "$0")/../.." && pwd)
jar="$here/target/tugboat.jar"
[ -f "$jar" ] || { echo "snapshot-pause.sh: build first: mvn -B package -DskipTests" >&2; exit 1; }
JAVA_OPTS=${JAVA_OPTS:--Xms32m -Xmx128m -XX:+UseSerialGC}
for image in tugboat-demo/postgres:15 tugboat-demo/app:1; do
  docker image inspect "$image" >/dev/null 2>&1 \
    || { echo "snapshot-pause.sh: no image $image: run scripts/build-demo-images.sh" >&2; exit 1; }
done
work=$(mktemp -d)
app="bench-pause-$$"
pid=""
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
tugboat() { java $JAVA_OPTS -jar "$jar" "$@" --config "$work/tugboat.yml"; }
cleanup() {
  [ -n "$pid" ] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
  docker ps -aq --filter "label=dev.tugboat.app=$app" | xargs -r docker rm -f >/dev/null
  docker volume rm -f "$app-pgdata" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
api=$(free_port)
web=$(free_port)
sed -e "s/^name: Tugboat Migration Demo/name: $app/" -e "s/tugboat-demo-pgdata/$app-pgdata/" \
  -e "s/public_port: \"5432\"/public_port: \"$(free_port)\"/" \
  -e "s/public_port: \"8000\"/public_port: \"$web\"/" -e "s/:8000\/health/:$web\/health/" \
  "$here/samples/migration-app.yml" > "$work/stop.yml"
printf 'backup:\n  pause_containers: true\n' | cat "$work/stop.yml" - > "$work/pause.yml"
printf 'listen: 127.0.0.1:%s\nstate_dir: state\napp: stop.yml\nintegration_port: %s\n' "$api" \
  "$(free_port)" > "$work/tugboat.yml"

# use SPEC: applies SPEC to the served app (apply waits until it has started)
use() {
  tugboat apply "$work/$1" > "$work/apply.out" 2>&1 || { cat "$work/apply.out" >&2; exit 1; }
}

# interruption ARGS...: runs snapshot create ARGS while polling the page; prints "WALL_MS GAP_MS"
interruption() {
  python3 - "$web" "$work/poll.out" <<'PY' &
import sys, time, urllib.request
port, out = sys.argv[1], sys.argv[2]
last, gap, start = None, 0.0, time.time()
with open(out, "w") as f:
    while time.time() - start < 600:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=120).read()
            now = time.time()
            if last is not None:
                gap = max(gap, now - last)
            last = now
            f.seek(0); f.write(f"{gap * 1000:.0f} {now * 1000:.0f}\n"); f.truncate(); f.flush()
        except Exception:
            pass
        time.sleep(0.05)
PY
  poller=$!
  sleep 1
  began=$(date +%s%3N)
  tugboat snapshot create "$@" > "$work/create.out"
  ended=$(date +%s%3N)
  # until the app answers again after the command (a stopped app starts again after it
  # returns), so the whole gap is counted
  i=0
  until [ "$(cut -d' ' -f2 "$work/poll.out")" -gt "$ended" ]; do
    i=$((i + 1)); [ "$i" -lt 1200 ] || { echo "the app did not answer again" >&2; exit 1; }
    sleep 0.1
  done
  kill "$poller"; wait "$poller" 2>/dev/null || true
  echo "$((ended - began)) $(cut -d' ' -f1 "$work/poll.out")"
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

java $JAVA_OPTS -jar "$jar" serve --config "$work/tugboat.yml" > "$work/daemon.log" 2>&1 &
pid=$!
i=0
until tugboat status 2>/dev/null | grep -q ': started'; do
  i=$((i + 1)); [ "$i" -lt 600 ] || { echo "the demo did not start" >&2; exit 1; }
  sleep 0.2
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
stop_wall=""; stop_gap=""; pause_wall=""; pause_gap=""
i=1
while [ "$i" -le "$rounds" ]; do
  [ "$i" -eq 1 ] || use stop.yml
  set -- $(interruption --stop)
  stop_wall="$stop_wall $1"; stop_gap="$stop_gap $2"
  echo "round $i --stop: command $1 ms, app unanswered up to $2 ms"
  use pause.yml
  set -- $(interruption)
  pause_wall="$pause_wall $1"; pause_gap="$pause_gap $2"
  echo "round $i pause: command $1 ms, app unanswered up to $2 ms ($(cut -c1-60 "$work/create.out"))"
  i=$((i + 1))
done
sg=$(echo $stop_gap | median); pg=$(echo $pause_gap | median)
echo "--stop: command median $(echo $stop_wall | median) ms, interruption median $sg ms"
echo "pause:  command median $(echo $pause_wall | median) ms, interruption median $pg ms"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'FIGURE\tsnapshot of the running demo: interruption, pause / --stop\t%s ms\t%s ms\t%s\t-\n' \
  "$pg" "$sg" "$(awk -v a="$pg" -v b="$sg" 'BEGIN { printf "%.2f", a / b }')"
