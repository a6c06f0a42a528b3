#!/usr/bin/env bash
# Trigger latency of `tugboat run` (the tugboat command, scripts/tugboat), measured with Docker's
# own timestamps, in one run of K pairs:
#   exit -> create:  an ephemeral container exits (State.FinishedAt); its container-stop event
#                    starts a subscriber (the subscriber's Created, i.e. the create call). Each
#                    pair also says where the time went, from Tugboat's timing trace
#                    (-Dtugboat.timing=true): the engine's own die event, Tugboat receiving it,
#                    the loop taking it, the decision, acting on it (after the journal), the create
#                    call sent, the container created.
#   port -> fired:   a service binds its port (nc) while a loop in its container reads the
#                    container's own TCP table; the time it notes (the kernel's uptime, which a
#                    container shares with the host) is its last look before the one that saw the
#                    port listening, so no later than the listen, and not counting nc's own start;
#                    its port-listen event fires (the time on Tugboat's output line). Each pair
#                    also says when Tugboat's probe passed (from the trace): the rest is the loop,
#                    the journal and the output.
# Then Tugboat's own CPU (its JVM, from /proc/PID/stat) and the Docker daemon's while Tugboat
# probes PROBED ports that never open for WINDOW seconds, and dockerd's with the same containers
# idle and no Tugboat running.
# Prints each sample, the medians, the CPU in % of one core, and FIGURE lines (targets:
# exit->create <= 25 ms, port->fired <= 50 ms, Tugboat's CPU < 2%).
#
#   scripts/bench/trigger-latency.sh            K=10 pairs, PROBED=10 ports, WINDOW=10 s
#   K=3 WINDOW=5 scripts/bench/trigger-latency.sh   a quick run
#   TUGBOAT_JAR=/tmp/old.jar scripts/bench/trigger-latency.sh   another build, to compare
#
# Needs target/tugboat.jar (mvn -B package -DskipTests) and the image tugboat-test/busybox:1.
set -euo pipefail
cd "$(dirname "$0")/../.."

K=${K:-10}
WINDOW=${WINDOW:-10}
PROBED=${PROBED:-10}
SETTLE=${SETTLE:-3}
JAR=${TUGBOAT_JAR:-target/tugboat.jar}
APP=bench-latency
WORK=$(mktemp -d)
trap 'cleanup; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

log() { printf 'trigger-latency: %s\n' "$*" >&2; }
ms() { date -d "$1" +%s%3N; }
median() { median1 | awk '{ printf "%.0f", $1 }'; }
median1() { sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
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
# A service that binds port 7000 (nc) after DELAY seconds, while a loop of shell builtins reads
# the container's own TCP tables: it prints the time of its last look before the one that saw the
# port listening (no later than the listen, so nc's own start is not counted) and of that one.
LISTEN='trap \"exit 0\" TERM; sleep DELAY; listening() { for f in /proc/net/tcp /proc/net/tcp6; do while read sl addr peer st rest; do case $addr/$st in *:1B58/0A) return 0;; esac; done < $f; done; return 1; }; read before rest < /proc/uptime; nc -ll -p 7000 -e true & while read now rest < /proc/uptime; ! listening; do before=$now; done; echo listening $before $now; wait'

# The ephemerals exit after every service listens and its subscriber started, 1.5 s apart: each
# service's loop keeps a core busy until its port listens, and the engine's own die event, which
# the exit -> create figure waits for, came 0.2 to 0.5 s after the exit while they ran (70 ms
# after them); at 0.4 s apart, each exit met the start of the subscriber the one before started
# (about half a second of the engine's work), and its die event came 0.1 to 0.4 s after it.
write_latency_spec() {
  printf 'replicated_api_version: 2.8.0\nname: %s\nversion: "1"\ncomponents:\n' "$APP"
  for i in $(seq 1 "$K"); do
    delay=$(awk -v i="$i" 'BEGIN { printf "%.1f", 1 + 0.4 * i }')
    exit_at=$(awk -v i="$i" -v k="$K" 'BEGIN { printf "%.1f", 1 + 0.4 * k + 2 + 1.5 * i }')
    busybox "e$i" "sleep $exit_at"
    printf '    ephemeral: true\n'
    subscribe "e$i stopped" container-stop "" "s$i"
    busybox "s$i" "$LOOP"
    busybox "p$i" "${LISTEN/DELAY/$delay}"
    subscribe "p$i listens" port-listen 7000 "q$i"
    busybox "q$i" "$LOOP"
  done
}

write_probe_spec() {
  printf 'replicated_api_version: 2.8.0\nname: %s\nversion: "1"\ncomponents:\n' "$1"
  for i in $(seq 1 "$PROBED"); do
    busybox "w$i" "$LOOP"
    [ "$2" = probe ] && subscribe "w$i listens" port-listen 7000 "never$i"
    [ "$2" = probe ] && busybox "never$i" "$LOOP"
  done
  return 0
}

# utime + stime of a process: fields 14 and 15 of /proc/PID/stat, counted after the ")" that ends
# its name (a name may hold spaces).
ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
dockerd_ticks() { ticks "$(pgrep -xo dockerd)"; }
cpu_percent() { awk -v t="$1" -v w="$WINDOW" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", 100 * t / hz / w }'; }

[ -f "$JAR" ] || { log "build the jar first: mvn -B package -DskipTests"; exit 2; }
cleanup

write_latency_spec > "$WORK/latency.yml"
# Tugboat runs as its users run it: the tugboat command, with its JVM options and its class data
# archive (made by this first run when there is none yet); the trace is asked for through the JVM's
# own environment variable, which leaves the command's options as they are.
tugboat() { TUGBOAT_JAR="$JAR" JAVA_TOOL_OPTIONS="${TRACE:-}" scripts/tugboat "$@"; }
TRACE=-Dtugboat.timing=true tugboat run "$WORK/latency.yml" --stop-after-start > "$WORK/run.log" 2>&1 \
  || { cat "$WORK/run.log" >&2; exit 1; }
today=$(date +%F)
boot_ms=$(awk -v now="$(date +%s%3N)" '{ printf "%.0f", now - $1 * 1000 }' /proc/uptime)
exits=()
ports=()
stages=()
us() { date -d "$1" +%s%6N; }
# The first instant Tugboat traced of what ($2) for whom ($3): "timing <epoch us> <what> <who>".
traced() { awk -v w="$1" -v s="$2" '$1 == "timing" && $3 == w && $4 == s { print $2; exit }' "$WORK/run.log"; }
after() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "") print "?"; else printf "%.1f", (b - a) / 1000 }'; }
for i in $(seq 1 "$K"); do
  e=$(docker inspect --format '{{.Id}}' "$(name "$APP" "e$i")")
  s=$(name "$APP" "s$i"); p=$(name "$APP" "p$i")
  exited=$(us "$(docker inspect --format '{{.State.FinishedAt}}' "$e")")
  created=$(us "$(docker inspect --format '{{.Created}}' "$s")")
  exit_ms=$(( (created - exited) / 1000 ))
  engine=$(awk -v s="$e" '$1 == "timing" && $3 == "die-received" && $4 == s { sub("engine=", "", $5); print $5; exit }' "$WORK/run.log")
  received=$(traced die-received "$e")
  handled=$(traced exit-handled "$e")
  decided=$(traced exit-decided "$e")
  launched=$(traced launch "s$i/tugboat-test/busybox")
  sent=$(traced create-sent "s$i/tugboat-test/busybox")
  answered=$(traced create-answered "s$i/tugboat-test/busybox")
  read -r _ uptime seen < <(docker logs "$p" 2>&1 | awk '/listening/ { print; exit }')
  listening_ms=$(awk -v b="$boot_ms" -v u="$uptime" 'BEGIN { printf "%.0f", b + u * 1000 }')
  within_ms=$(awk -v a="$uptime" -v b="$seen" 'BEGIN { printf "%.0f", (b - a) * 1000 }')
  fired=$(awk -v n="\"p$i listens\" fired" 'index($0, n) { print $1; exit }' "$WORK/run.log")
  port_ms=$(( $(ms "$today $fired") - listening_ms ))
  passed=$(traced probe-passed "p$i/tugboat-test/busybox")
  probe_ms=$(awk -v p="$passed" -v l="$listening_ms" 'BEGIN { if (p == "") print "?"; else printf "%.0f", p / 1000 - l }')
  printf 'pair %d: exit -> create %d ms, port -> fired %d ms (port -> probe passed %s ms; listen seen within %s ms)\n' \
    "$i" "$exit_ms" "$port_ms" "$probe_ms" "$within_ms"
  printf '  ms: exit -> die event (engine) %s -> received %s -> loop takes it %s -> decided %s -> journaled, acted on %s -> create sent %s -> created %s (answered %s later)\n' \
    "$(after "$exited" "$engine")" "$(after "$engine" "$received")" "$(after "$received" "$handled")" \
    "$(after "$handled" "$decided")" "$(after "$decided" "$launched")" "$(after "$launched" "$sent")" \
    "$(after "$sent" "$created")" "$(after "$created" "$answered")"
  stages+=("$(after "$exited" "$engine") $(after "$engine" "$received") $(after "$received" "$handled") $(after "$handled" "$decided") $(after "$decided" "$launched") $(after "$launched" "$sent") $(after "$sent" "$created") $(after "$received" "$sent")")
  exits+=("$exit_ms")
  ports+=("$port_ms")
done
exit_median=$(printf '%s\n' "${exits[@]}" | median)
port_median=$(printf '%s\n' "${ports[@]}" | median)
printf 'median exit -> create: %s ms (target <= 25)\n' "$exit_median"
printf '  medians of its stages, ms: exit -> die event %s, -> received %s, -> loop %s, -> decided %s, -> acted on %s, -> create sent %s, -> created %s; Tugboat (die received -> create sent) %s\n' \
  $(for c in 1 2 3 4 5 6 7 8; do printf '%s\n' "${stages[@]}" | awk -v c="$c" '{ print $c }' | grep -v '?' | median1; echo; done)
printf 'median port -> fired:  %s ms (target <= 50)\n' "$port_median"
cleanup

# The same step as a shell script takes it, in this run: a container exits, `docker wait` returns,
# `docker create` makes the next; and the engine's own die event for that exit.
docker events --filter "label=dev.tugboat.app=$APP" --filter event=die \
  --format '{{.ID}} {{.TimeNano}}' > "$WORK/die-events" &
events=$!
sleep 0.5
shell_exits=()
shell_ids=()
for i in $(seq 1 "$K"); do
  id=$(docker run -d --label "dev.tugboat.app=$APP" tugboat-test/busybox:1 sh -c 'sleep 0.5')
  docker wait "$id" >/dev/null
  next=$(docker create --label "dev.tugboat.app=$APP" tugboat-test/busybox:1 true)
  exited=$(us "$(docker inspect --format '{{.State.FinishedAt}}' "$id")")
  created=$(us "$(docker inspect --format '{{.Created}}' "$next")")
  shell_exits+=("$(( (created - exited) / 1000 ))")
  shell_ids+=("$id $exited")
done
sleep 0.5
kill "$events" 2>/dev/null || true
wait "$events" 2>/dev/null || true
die_ms=()
for pair in "${shell_ids[@]}"; do
  read -r id exited <<<"$pair"
  died=$(awk -v id="$id" '$1 == id { print substr($2, 1, length($2) - 3); exit }' "$WORK/die-events")
  [ -z "$died" ] || die_ms+=("$(after "$exited" "$died")")
done
shell_median=$(printf '%s\n' "${shell_exits[@]}" | median)
die_median=$(printf '%s\n' "${die_ms[@]:-?}" | grep -v '?' | median1 || true)
printf 'shell (docker wait; docker create): exit -> create median %s ms (%s); the engine'"'"'s die event %s ms after the exit\n' \
  "$shell_median" "${shell_exits[*]}" "${die_median:-?}"
cleanup

write_probe_spec "$APP" probe > "$WORK/probe.yml"
# shellcheck source=../lib/archive-wait.sh
. scripts/lib/archive-wait.sh
wait_for_archives
tugboat run "$WORK/probe.yml" > "$WORK/probe.log" 2>&1 &
launcher=$!
sleep 1
# The command execs Java, except on a run that makes its archive, where Java is its child.
java_pid=$launcher
[ "$(cat "/proc/$launcher/comm" 2>/dev/null)" = java ] || java_pid=$(pgrep -n -P "$launcher" java)
for _ in $(seq 1 120); do
  [ "$(grep -c '^.*started w' "$WORK/probe.log" || true)" -ge "$PROBED" ] && break
  sleep 0.5
done
sleep "$SETTLE"
before=$(dockerd_ticks); own_before=$(ticks "$java_pid"); sleep "$WINDOW"
probing=$(( $(dockerd_ticks) - before )); own=$(( $(ticks "$java_pid") - own_before ))
kill -TERM "$java_pid"; wait "$launcher" || true
cleanup

write_probe_spec "$APP-idle" idle > "$WORK/idle.yml"
tugboat run "$WORK/idle.yml" --stop-after-start > /dev/null 2>&1 || true
for i in $(seq 1 "$PROBED"); do docker start "$(name "$APP-idle" "w$i")" >/dev/null; done
before=$(dockerd_ticks); sleep "$WINDOW"; idle=$(( $(dockerd_ticks) - before ))
printf 'Tugboat CPU over %d s: %s%% of one core while probing %d ports (target < 2%%)\n' \
  "$WINDOW" "$(cpu_percent "$own")" "$PROBED"
printf 'dockerd CPU over %d s: %s%% of one core while Tugboat probes %d ports, %s%% with the same containers idle\n' \
  "$WINDOW" "$(cpu_percent "$probing")" "$PROBED" "$(cpu_percent "$idle")"
printf 'load average while measuring: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'FIGURE\ttrigger: exit -> subscriber create (shell: docker wait; docker create), median of %d\t%s ms\t%s ms\t%s\t<= 25 ms\n' \
  "$K" "$exit_median" "$shell_median" "$(awk -v a="$exit_median" -v b="$shell_median" 'BEGIN { printf "%.2f", a / b }')"
printf 'FIGURE\ttrigger: port accepting -> event fired, median of %d\t%s ms\t-\t-\t<= 50 ms\n' "$K" "$port_median"
printf 'FIGURE\ttrigger: Tugboat CPU probing %d ports\t%s %%\t-\t-\t< 2 %%\n' "$PROBED" "$(cpu_percent "$own")"
