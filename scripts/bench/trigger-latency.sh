#!/usr/bin/env bash
# Trigger latency of `tugboat run`, measured with Docker's own timestamps, in one run of K pairs:
#   exit -> create:  an ephemeral container exits (State.FinishedAt); its container-stop event
#                    starts a subscriber (the subscriber's Created, i.e. the create call).
#   port -> fired:   a service notes the time (the kernel's uptime, which a container shares with
#                    the host) and at once binds its port; its port-listen event fires (the time
#                    on Tugboat's output line).
# Then the Docker daemon's CPU while Tugboat probes K ports that never open for WINDOW seconds,
# against the same K containers idle with no Tugboat running.
# Prints each sample, the medians (targets: exit->create <= 50 ms, port->fired <= 150 ms) and the
# daemon's CPU in % of one core (target < 5%).
#
#   scripts/bench/trigger-latency.sh            K=10 pairs, WINDOW=10 s
#
# Needs target/tugboat.jar (mvn -B package -DskipTests) and the image tugboat-test/busybox:1.
set -euo pipefail
cd "$(dirname "$0")/../.."

K=${K:-10}
WINDOW=${WINDOW:-10}
JAR=target/tugboat.jar
APP=bench-latency
WORK=$(mktemp -d)
trap 'cleanup; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

log() { printf 'trigger-latency: %s\n' "$*" >&2; }
ms() { date -d "$1" +%s%3N; }
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.0f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
cleanup() {
  for app in "$APP" "$APP-idle"; do
    docker ps -aq --filter "label=dev.tugboat.app=$app" | xargs -r docker rm -f >/dev/null
  done
}
name() { docker ps -aq --filter "label=dev.tugboat.app=$1" --filter "label=dev.tugboat.component=$2"; }
busybox() {
  printf -- '- name: %s\n  containers:\n  - source: public\n    image_name: tugboat-test/busybox\n    version: 1\n    stop_timeout: 1\n' "$1"
  printf '    cmd: '"'"'["sh", "-c", "%s"]'"'"'\n' "$2"
}
subscribe() {
  printf '    publish_events:\n    - name: %s\n      trigger: %s\n      data: "%s"\n      timeout: -1\n' "$1" "$2" "$3"
  printf '      subscriptions:\n      - component: %s\n        container: tugboat-test/busybox\n        action: start\n' "$4"
}
LOOP='trap \"exit 0\" TERM; while true; do sleep 1; done'

write_latency_spec() {
  printf 'replicated_api_version: 2.8.0\nname: %s\nversion: "1"\ncomponents:\n' "$APP"
  for i in $(seq 1 "$K"); do
    delay=$(awk -v i="$i" 'BEGIN { printf "%.1f", 1 + 0.4 * i }')
    busybox "e$i" "sleep $delay"
    printf '    ephemeral: true\n'
    subscribe "e$i stopped" container-stop "" "s$i"
    busybox "s$i" "$LOOP"
    busybox "p$i" "trap \\\"exit 0\\\" TERM; sleep $delay; read up rest < /proc/uptime; echo listening \$up; exec nc -ll -p 7000 -e true"
    subscribe "p$i listens" port-listen 7000 "q$i"
    busybox "q$i" "$LOOP"
  done
}

write_probe_spec() {
  printf 'replicated_api_version: 2.8.0\nname: %s\nversion: "1"\ncomponents:\n' "$1"
  for i in $(seq 1 "$K"); do
    busybox "w$i" "$LOOP"
    [ "$2" = probe ] && subscribe "w$i listens" port-listen 7000 "never$i"
    [ "$2" = probe ] && busybox "never$i" "$LOOP"
  done
  return 0
}

dockerd_ticks() { awk '{ print $14 + $15 }' "/proc/$(pgrep -xo dockerd)/stat"; }
cpu_percent() { awk -v t="$1" -v w="$WINDOW" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", 100 * t / hz / w }'; }

[ -f "$JAR" ] || { log "build the jar first: mvn -B package -DskipTests"; exit 2; }
cleanup

write_latency_spec > "$WORK/latency.yml"
java -jar "$JAR" run "$WORK/latency.yml" --stop-after-start > "$WORK/run.log" 2>&1 \
  || { cat "$WORK/run.log" >&2; exit 1; }
today=$(date +%F)
boot_ms=$(awk -v now="$(date +%s%3N)" '{ printf "%.0f", now - $1 * 1000 }' /proc/uptime)
exits=()
ports=()
for i in $(seq 1 "$K"); do
  e=$(name "$APP" "e$i"); s=$(name "$APP" "s$i"); p=$(name "$APP" "p$i")
  exit_ms=$(( $(ms "$(docker inspect --format '{{.Created}}' "$s")") \
    - $(ms "$(docker inspect --format '{{.State.FinishedAt}}' "$e")") ))
  uptime=$(docker logs "$p" 2>&1 | awk '/listening/ { print $2; exit }')
  listening_ms=$(awk -v b="$boot_ms" -v u="$uptime" 'BEGIN { printf "%.0f", b + u * 1000 }')
  fired=$(awk -v n="\"p$i listens\" fired" 'index($0, n) { print $1; exit }' "$WORK/run.log")
  port_ms=$(( $(ms "$today $fired") - listening_ms ))
  printf 'pair %d: exit -> create %d ms, port -> fired %d ms\n' "$i" "$exit_ms" "$port_ms"
  exits+=("$exit_ms")
  ports+=("$port_ms")
done
printf 'median exit -> create: %s ms (target <= 50)\n' "$(printf '%s\n' "${exits[@]}" | median)"
printf 'median port -> fired:  %s ms (target <= 150)\n' "$(printf '%s\n' "${ports[@]}" | median)"
cleanup

write_probe_spec "$APP" probe > "$WORK/probe.yml"
java -jar "$JAR" run "$WORK/probe.yml" > "$WORK/probe.log" 2>&1 &
tugboat=$!
for _ in $(seq 1 120); do
  [ "$(grep -c '^.*started w' "$WORK/probe.log" || true)" -ge "$K" ] && break
  sleep 0.5
done
sleep 1
before=$(dockerd_ticks); sleep "$WINDOW"; probing=$(( $(dockerd_ticks) - before ))
kill -TERM "$tugboat"; wait "$tugboat" || true
cleanup

write_probe_spec "$APP-idle" idle > "$WORK/idle.yml"
java -jar "$JAR" run "$WORK/idle.yml" --stop-after-start > /dev/null 2>&1 || true
for i in $(seq 1 "$K"); do docker start "$(name "$APP-idle" "w$i")" >/dev/null; done
before=$(dockerd_ticks); sleep "$WINDOW"; idle=$(( $(dockerd_ticks) - before ))
printf 'dockerd CPU over %d s: %s%% of one core while probing %d ports every 50 ms, %s%% with the same containers idle (target < 5%%)\n' \
  "$WINDOW" "$(cpu_percent "$probing")" "$K" "$(cpu_percent "$idle")"
printf 'load average while measuring: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
