#!/usr/bin/env bash
# Tugboat's overhead on a chain of N busybox containers, each started by the previous one's
# container-start event: the time from launching `tugboat run` to the last container running (by
# Docker's StartedAt), divided by the time the same N creates and starts take when a plain
# docker-java loop makes them back to back (scripts/bench/PlainDockerLoop.java). Both run in each
# round, alternately; prints every round, the medians and the ratio (target <= 1.15).
#
#   scripts/bench/run-overhead.sh             ROUNDS=5 rounds, N=10 containers
#   ROUNDS=9 N=10 scripts/bench/run-overhead.sh
#
# Needs target/tugboat.jar (mvn -B package -DskipTests) and the image tugboat-test/busybox:1.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-5}
N=${N:-10}
IMAGE=tugboat-test/busybox:1
JAR=target/tugboat.jar
LABEL=dev.tugboat.bench
WORK=$(mktemp -d)
trap 'cleanup; rm -rf "$WORK"' EXIT

log() { printf 'run-overhead: %s\n' "$*" >&2; }
now_ms() { date +%s%3N; }
started_ms() { date -d "$(docker inspect --format '{{.State.StartedAt}}' "$1")" +%s%3N; }
created_ms() { date -d "$(docker inspect --format '{{.Created}}' "$1")" +%s%3N; }
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.0f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

cleanup() {
  docker ps -aq --filter "label=$LABEL" | xargs -r docker rm -f >/dev/null
  docker ps -aq --filter "label=dev.tugboat.app=bench-chain" | xargs -r docker rm -f >/dev/null
}

write_spec() {
  {
    printf 'replicated_api_version: 2.8.0\nname: bench-chain\nversion: "1"\ncomponents:\n'
    for i in $(seq 0 $((N - 1))); do
      printf -- '- name: c%d\n  containers:\n  - source: public\n    image_name: tugboat-test/busybox\n' "$i"
      printf '    version: 1\n    stop_timeout: 1\n'
      printf '    cmd: '"'"'["sh", "-c", "trap \\"exit 0\\" TERM; while true; do sleep 1; done"]'"'"'\n'
      if [ "$i" -lt $((N - 1)) ]; then
        printf '    publish_events:\n    - name: c%d started\n      trigger: container-start\n' "$i"
        printf '      subscriptions:\n      - component: c%d\n        container: tugboat-test/busybox\n' $((i + 1))
        printf '        action: start\n'
      fi
    done
  } > "$WORK/chain.yml"
}

[ -f "$JAR" ] || { log "build the jar first: mvn -B package -DskipTests"; exit 2; }
docker image inspect "$IMAGE" >/dev/null 2>&1 || { log "missing $IMAGE: scripts/build-images.sh"; exit 2; }
write_spec
cleanup

tugboat_times=()
plain_times=()
tugboat_chains=()
plain_chains=()
for round in $(seq 1 "$ROUNDS"); do
  start=$(now_ms)
  java -jar "$JAR" run "$WORK/chain.yml" --stop-after-start > "$WORK/run.log" 2>&1 \
    || { cat "$WORK/run.log" >&2; exit 1; }
  first=$(docker ps -aq --filter "label=dev.tugboat.app=bench-chain" --filter "label=dev.tugboat.component=c0")
  last=$(docker ps -aq --filter "label=dev.tugboat.app=bench-chain" --filter "label=dev.tugboat.component=c$((N - 1))")
  tugboat=$(( $(started_ms "$last") - start ))
  tugboat_chain=$(( $(started_ms "$last") - $(created_ms "$first") ))
  cleanup

  prefix="bench-plain-$$-$round"
  plain_start=$(java -cp "$JAR" scripts/bench/PlainDockerLoop.java "$N" "$prefix" "$IMAGE" "$LABEL" 2>/dev/null)
  plain=$(( $(started_ms "$prefix-$((N - 1))") - plain_start ))
  plain_chain=$(( $(started_ms "$prefix-$((N - 1))") - $(created_ms "$prefix-0") ))
  cleanup

  printf 'round %d: tugboat %d ms (first create to last start %d ms), plain docker-java loop %d ms (%d ms)\n' \
    "$round" "$tugboat" "$tugboat_chain" "$plain" "$plain_chain"
  tugboat_times+=("$tugboat")
  plain_times+=("$plain")
  tugboat_chains+=("$tugboat_chain")
  plain_chains+=("$plain_chain")
done

t=$(printf '%s\n' "${tugboat_times[@]}" | median)
p=$(printf '%s\n' "${plain_times[@]}" | median)
printf 'median over %d rounds, chain of %d: tugboat %d ms, plain loop %d ms, ratio %s (target <= 1.15)\n' \
  "$ROUNDS" "$N" "$t" "$p" "$(awk -v a="$t" -v b="$p" 'BEGIN { printf "%.2f", a / b }')"
tc=$(printf '%s\n' "${tugboat_chains[@]}" | median)
pc=$(printf '%s\n' "${plain_chains[@]}" | median)
printf 'first create to last start only (no JVM start, spec, config, preflight): tugboat %d ms, plain loop %d ms, ratio %s\n' \
  "$tc" "$pc" "$(awk -v a="$tc" -v b="$pc" 'BEGIN { printf "%.2f", a / b }')"
printf 'load average while measuring: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
