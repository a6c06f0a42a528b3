#!/bin/sh
# `tugboat apply` on a running daemon, over N upgrades (default 5) alternating between two
# versions of a three-container busybox chain (a service, a one-shot started when it listens, a
# service started when the one-shot exited 0): milliseconds from the command to its exit once the
# new run is `started` (check, stop in reverse order, start, events, ready), and the part until the
# daemon answered (checked, stopped, new run launched: --no-wait). Prints each time and medians.
# Needs the engine and tugboat-test/busybox:1 (scripts/build-images.sh).
#   scripts/bench/upgrade.sh [UPGRADES]
set -eu
upgrades=${1:-5}
here=$(cd "$(dirname "$0")/../.." && pwd)
jar="$here/target/tugboat.jar"
[ -f "$jar" ] || { echo "upgrade.sh: build first: mvn -B package -DskipTests" >&2; exit 1; }
JAVA_OPTS=${JAVA_OPTS:--Xms32m -Xmx128m -XX:+UseSerialGC}
work=$(mktemp -d)
app="bench-upgrade-$$"
pid=""
cleanup() {
  java $JAVA_OPTS -jar "$jar" stop --config "$work/tugboat.yml" >/dev/null 2>&1 || true
  [ -n "$pid" ] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
  docker ps -aq --filter "label=dev.tugboat.app=$app" | xargs -r docker rm -f >/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'listen: 127.0.0.1:%s\nstate_dir: state\napp: v1.yml\nintegration_port: %s\n' "$port" \
  "$((port + 1))" > "$work/tugboat.yml"

spec() {
  cat <<YAML
replicated_api_version: 2.8.0
name: $app
version: "$1"
components:
- name: first
  containers:
  - source: public
    image_name: tugboat-test/busybox
    version: 1
    cmd: '["sh", "-c", "trap \"exit 0\" TERM; nc -l -p 7000 -e echo hi & while true; do sleep 0.2; done"]'
    publish_events:
    - name: first listens
      trigger: port-listen
      data: "7000"
      subscriptions:
      - component: once
        container: tugboat-test/busybox
        action: start
- name: once
  containers:
  - source: public
    image_name: tugboat-test/busybox
    version: 1
    ephemeral: true
    cmd: '["sh", "-c", "echo migrating to $1"]'
    publish_events:
    - name: once done
      trigger: container-exit
      data: "0"
      subscriptions:
      - component: last
        container: tugboat-test/busybox
        action: start
- name: last
  containers:
  - source: public
    image_name: tugboat-test/busybox
    version: 1
    cmd: '["sh", "-c", "trap \"exit 0\" TERM; while true; do sleep 0.2; done"]'
YAML
}
spec 1 > "$work/v1.yml"
spec 2 > "$work/v2.yml"

now_ms() { date +%s%3N; }
tugboat() { java $JAVA_OPTS -jar "$jar" "$@" --config "$work/tugboat.yml"; }
median() { echo $1 | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
(cd "$work" && exec java $JAVA_OPTS -jar "$jar" serve --config tugboat.yml > daemon.log 2>&1) &
pid=$!
until tugboat status 2>/dev/null | grep -q ": started"; do sleep 0.2; done

full=""
answered=""
i=1
while [ "$i" -le "$upgrades" ]; do
  next=$(( i % 2 == 1 ? 2 : 1 ))
  start=$(now_ms)
  tugboat apply "$work/v$next.yml" > "$work/apply.log" 2>&1 \
    || { cat "$work/apply.log" >&2; exit 1; }
  full="$full $(($(now_ms) - start))"
  next=$(( next == 2 ? 1 : 2 ))
  start=$(now_ms)
  tugboat apply "$work/v$next.yml" --no-wait > "$work/apply.log" 2>&1 \
    || { cat "$work/apply.log" >&2; exit 1; }
  answered="$answered $(($(now_ms) - start))"
  until tugboat status 2>/dev/null | grep -q ": started"; do sleep 0.2; done
  i=$((i + 1))
done
echo "apply until started (ms):$full; median $(median "$full") ms"
echo "apply until the daemon answered (ms):$answered; median $(median "$answered") ms"
