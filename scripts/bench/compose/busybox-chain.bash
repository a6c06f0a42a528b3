# The busybox 3-step chain of scripts/bench/compose-chain.sh (CHAIN=busybox): Tugboat's `run`,
# docker-compose, a bare shell script, and Tugboat's warm daemon, each timed from launch to Docker's
# own start event of the chain's last container. Sourced; uses compose-chain.sh's helpers.
#
# Environment (besides RUNS):
#   WARM         off skips the warm daemon (`tugboat restart` of a served app)
#   TUGBOAT      the command that runs Tugboat (scripts/tugboat)

IMAGE=tugboat-test/busybox:1
STORE_CMD="trap 'exit 0' TERM; sleep 1; nc -ll -p 7000 -e echo hi & while true; do sleep 0.2; done"
WEB_CMD="trap 'exit 0' TERM; while true; do sleep 0.2; done"
BUSYBOX_COMPOSE_FILE=scripts/bench/compose/busybox-chain.yml
TUGBOAT=${TUGBOAT:-scripts/tugboat}
NAMES=chainbench$$
warm_pid=""
events_pid=""

# The chain as a Tugboat spec: the same commands as the compose file and the shell script.
busybox_spec() {
  cat <<EOF
replicated_api_version: 2.8.0
name: "$1"
version: "1"
components:
- name: store
  containers:
  - source: public
    image_name: tugboat-test/busybox
    version: 1
    cmd: '["sh", "-c", "trap \"exit 0\" TERM; sleep 1; nc -ll -p 7000 -e echo hi & while true; do sleep 0.2; done"]'
    stop_timeout: 1
    publish_events:
    - name: store listens
      trigger: port-listen
      data: "7000"
      subscriptions:
      - component: setup
        container: tugboat-test/busybox
        action: start
- name: setup
  containers:
  - source: public
    image_name: tugboat-test/busybox
    version: 1
    ephemeral: true
    cmd: '["sh", "-c", "sleep 1"]'
    publish_events:
    - name: setup done
      trigger: container-exit
      data: "0"
      subscriptions:
      - component: web
        container: tugboat-test/busybox
        action: start
- name: web
  containers:
  - source: public
    image_name: tugboat-test/busybox
    version: 1
    cmd: '["sh", "-c", "trap \"exit 0\" TERM; while true; do sleep 0.2; done"]'
    stop_timeout: 1
EOF
}

# Removes every container whose name holds NAME (untimed).
remove_ours() {
  local ids
  mapfile -t ids < <(docker ps -aq --filter "name=$1")
  [ ${#ids[@]} = 0 ] || docker rm -f -v "${ids[@]}" >/dev/null 2>&1 || true
}

# Prints the seconds from LAUNCHED (ns) to the first start event of a container whose name matches
# PATTERN (an awk regex) after LAUNCHED; fails after 120 s, or at once when PID (if given) ended.
wait_for_start() {
  local pattern=$1 launched=$2 pid=${3:-} deadline=$((SECONDS + 120)) at
  while :; do
    at=$(awk -v l="$launched" -v p="$pattern" '$1 > l && $2 ~ p { print $1; exit }' "$WORK/events")
    if [ -n "$at" ]; then
      awk -v a="$launched" -v b="$at" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'
      return
    fi
    [ "$SECONDS" -lt "$deadline" ] || return 1
    [ -z "$pid" ] || kill -0 "$pid" 2>/dev/null || return 1
    # The time is Docker's own; this look only decides when to stop waiting. Looking every 20 ms
    # (an awk each time) took a tenth of a core from the tools being timed.
    sleep 0.2
  done
}

time_busybox_tugboat_once() {
  local app="$NAMES-run-$1" launched pid t result=0
  busybox_spec "$app" >"$WORK/$app.yml"
  launched=$(date +%s%N)
  "$TUGBOAT" run "$WORK/$app.yml" >"$WORK/tugboat.log" 2>&1 &
  pid=$!
  t=$(wait_for_start "$app-web" "$launched" "$pid") || result=1
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  remove_ours "$app"
  if [ "$result" != 0 ]; then
    tail -n 30 "$WORK/tugboat.log" >&2
    return 1
  fi
  echo "$t"
}

time_busybox_compose_once() {
  local project="${NAMES}compose$1" launched t result=0
  launched=$(date +%s%N)
  docker-compose -p "$project" -f "$BUSYBOX_COMPOSE_FILE" up -d >"$WORK/compose.log" 2>&1 || result=1
  [ "$result" != 0 ] || t=$(wait_for_start "^${project}_web_" "$launched") || result=1
  docker-compose -p "$project" -f "$BUSYBOX_COMPOSE_FILE" down -t 1 >/dev/null 2>&1 || true
  remove_ours "$project"
  [ "$result" = 0 ] || { tail -n 30 "$WORK/compose.log" >&2; return 1; }
  echo "$t"
}

# As a careful user writes it: start the store, probe its port from inside until it connects, run
# the setup to its end, start the web container.
time_busybox_shell_once() {
  local p="$NAMES-shell-$1" launched t result=0
  launched=$(date +%s%N)
  {
    docker run -d --name "$p-store" "$IMAGE" sh -c "$STORE_CMD" >/dev/null &&
      until docker exec "$p-store" nc 127.0.0.1 7000 </dev/null >/dev/null 2>&1; do sleep 0.1; done &&
      docker run --rm --name "$p-setup" "$IMAGE" sh -c "sleep 1" &&
      docker run -d --name "$p-web" "$IMAGE" sh -c "$WEB_CMD" >/dev/null
  } 2>"$WORK/shell.log" || result=1
  [ "$result" != 0 ] || t=$(wait_for_start "^$p-web\$" "$launched") || result=1
  remove_ours "$p"
  [ "$result" = 0 ] || { cat "$WORK/shell.log" >&2; return 1; }
  echo "$t"
}

# A daemon serving the chain as its app; its first start is untimed.
start_warm_daemon() {
  local port
  mkdir -p "$WORK/daemon"
  busybox_spec "$NAMES-warm" >"$WORK/daemon/app.yml"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  printf 'listen: 127.0.0.1:%s\nstate_dir: %s/daemon/state\napp: %s/daemon/app.yml\nintegration_port: %s\n' \
    "$port" "$WORK" "$WORK" "$((port + 1))" >"$WORK/daemon/tugboat.yml"
  local launched
  launched=$(date +%s%N)
  "$TUGBOAT" serve --config "$WORK/daemon/tugboat.yml" >"$WORK/daemon/daemon.log" 2>&1 &
  warm_pid=$!
  wait_for_start "$NAMES-warm-web" "$launched" "$warm_pid" >/dev/null \
    || { tail -n 30 "$WORK/daemon/daemon.log" >&2; log "the warm daemon's app did not start"; return 1; }
}

# `tugboat restart` of the served app, stopped first (untimed): launch to the web's start event.
time_busybox_warm_once() {
  local launched t result=0
  "$TUGBOAT" stop --config "$WORK/daemon/tugboat.yml" >"$WORK/daemon/stop.log" 2>&1 \
    || { cat "$WORK/daemon/stop.log" >&2; return 1; }
  launched=$(date +%s%N)
  "$TUGBOAT" restart --config "$WORK/daemon/tugboat.yml" >"$WORK/daemon/restart.log" 2>&1 &
  t=$(wait_for_start "$NAMES-warm-web" "$launched") || result=1
  wait $! 2>/dev/null || true
  [ "$result" = 0 ] || { cat "$WORK/daemon/restart.log" >&2; tail -n 30 "$WORK/daemon/daemon.log" >&2; return 1; }
  echo "$t"
}

busybox_cleanup() {
  [ -z "$warm_pid" ] || { kill -TERM "$warm_pid" 2>/dev/null; wait "$warm_pid" 2>/dev/null; }
  [ -z "$events_pid" ] || kill "$events_pid" 2>/dev/null
  remove_ours "$NAMES"
}

main_busybox() {
  ensure_compose
  docker image inspect "$IMAGE" >/dev/null 2>&1 || scripts/build-images.sh >/dev/null
  WORK=$(mktemp -d)
  trap 'rc=$?; busybox_cleanup; rm -rf "$WORK"; exit $rc' EXIT
  docker events --filter type=container --filter event=start \
    --format '{{.TimeNano}} {{.Actor.Attributes.name}}' >"$WORK/events" &
  events_pid=$!
  sleep 1
  local tools=(tugboat compose shell) tool i
  [ "${WARM:-on}" = off ] || { start_warm_daemon; tools+=(warm); }
  # One untimed run of each: Tugboat's first run makes its class data archive, and every tool's
  # files are in the page cache for the timed runs.
  for tool in "${tools[@]}"; do
    "time_busybox_${tool}_once" 0 >/dev/null || log "$tool: the warm-up run failed"
  done
  wait_for_archives
  # The tools take turns, so a change in the machine's load hits all alike.
  for i in $(seq 1 "$RUNS"); do
    for tool in "${tools[@]}"; do
      run_once "$tool" "$i" "time_busybox_${tool}_once" "$i"
    done
  done
  local t c s w
  t=$(summary tugboat); c=$(summary compose); s=$(summary shell)
  printf 'busybox 3-step chain, launch to the last container'"'"'s start event, load %s:\n' \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '  tugboat run:    %s\n' "$(describe "$t")"
  printf '  docker-compose: %s (%s)\n' "$(describe "$c")" "$(docker-compose version --short)"
  printf '  shell:          %s\n' "$(describe "$s")"
  if [ "${WARM:-on}" != off ]; then
    w=$(summary warm)
    printf '  warm daemon:    %s (tugboat restart of a served, stopped app)\n' "$(describe "$w")"
  fi
  figure "chain: tugboat run / shell" "${t%% *}" "${s%% *}" "<= 1.00"
  figure "chain: tugboat run / compose" "${t%% *}" "${c%% *}" "<= 0.70"
  [ "${WARM:-on}" = off ] || figure "chain: warm daemon restart / shell" "${w%% *}" "${s%% *}" "<= 0.90"
}
