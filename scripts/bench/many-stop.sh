#!/usr/bin/env bash
# Times the stop of an app of many independent containers whose process ignores SIGTERM (busybox
# `sleep` as PID 1 has no handler for it), the case where every stop waits out its whole timeout.
# Containers that may stop together must stop together: the target is the stop timeout plus 3 s,
# whatever the number of containers. `tugboat run` runs the app in the foreground; once every
# container runs, it gets SIGTERM (which it handles as Ctrl-C; a script's background job ignores
# SIGINT), and the time until it exited is the stop.
#
#   scripts/bench/many-stop.sh                 50 and 200 containers, stop timeout 10 s
#   SIZES="50" scripts/bench/many-stop.sh
#
# Environment: SIZES (containers per app, "50 200"), IMAGE (tugboat-test/busybox:1, from
# scripts/build-images.sh), TUGBOAT (scripts/tugboat). Needs target/tugboat.jar.
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZES=${SIZES:-50 200}
IMAGE=${IMAGE:-tugboat-test/busybox:1}
TUGBOAT=${TUGBOAT:-scripts/tugboat}
STOP_TIMEOUT=10
APP=tugboat-many-stop-bench-$$
WORK=$(mktemp -d)
pid=

cleanup() {
  local rc=$?
  [ -z "$pid" ] || kill -9 "$pid" 2>/dev/null || true
  mapfile -t ids < <(docker ps -aq --filter "label=dev.tugboat.app=$APP")
  [ "${#ids[@]}" -eq 0 ] || docker rm -f "${ids[@]}" >/dev/null
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT

now() { date +%s.%N; }

spec_of() {
  local n=$1 i
  printf 'replicated_api_version: 2.8.0\nname: %s\nversion: "1"\ncomponents:\n' "$APP"
  for ((i = 1; i <= n; i++)); do
    printf -- '- name: c%d\n  containers:\n  - source: public\n    image_name: %s\n' "$i" "${IMAGE%:*}"
    printf '    version: "%s"\n    cmd: %s\n' "${IMAGE##*:}" "'[\"sleep\", \"3600\"]'"
  done
}

running() {
  docker ps -q --filter "label=dev.tugboat.app=$APP" --filter status=running | wc -l
}

time_stop() {
  local n=$1 started stopped deadline=$((SECONDS + 600))
  spec_of "$n" >"$WORK/spec.yml"
  "$TUGBOAT" run "$WORK/spec.yml" >"$WORK/run.log" 2>&1 &
  pid=$!
  until [ "$(running)" -ge "$n" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$WORK/run.log" >&2
      echo "many-stop: tugboat run ended before $n containers ran" >&2
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "many-stop: $n containers did not all run within 600 s" >&2
      exit 1
    fi
    sleep 0.5
  done
  started=$(now)
  kill -TERM "$pid"
  wait "$pid" || true
  stopped=$(now)
  pid=
  if [ "$(running)" -ne 0 ]; then
    echo "many-stop: containers still run after tugboat run exited" >&2
    exit 1
  fi
  mapfile -t ids < <(docker ps -aq --filter "label=dev.tugboat.app=$APP")
  [ "${#ids[@]}" -eq 0 ] || docker rm -f "${ids[@]}" >/dev/null
  echo "$stopped - $started" | bc
}

printf '%-12s %-10s %-14s %-12s %s\n' containers timeout "tugboat stop" target verdict
for n in $SIZES; do
  took=$(time_stop "$n") || exit 1
  target=$((STOP_TIMEOUT + 3))
  verdict=met
  if (($(echo "$took > $target" | bc))); then
    verdict=missed
  fi
  printf '%-12s %-10s %-14s %-12s %s\n' "$n" "${STOP_TIMEOUT} s" "$(printf '%.1f s' "$took")" \
    "<= ${target} s" "$verdict"
done
