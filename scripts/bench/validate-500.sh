#!/usr/bin/env bash
# Generates a spec of 500 containers (100 components of 5, each component started by an event of
# the one before, with env vars, ports, volumes, config files and templates) and times
# `tugboat validate` on it: wall time, CPU time (user + system, which other load on the machine
# disturbs less than wall time) and peak resident memory of each run, then the medians. A run of
# `tugboat --version` is timed first: the JVM's own start-up, to subtract.
# Three ways, alternated in each round: `scripts/tugboat validate` as shipped; java with the flags
# scripts/tugboat gives short-lived commands (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC) and no class
# data sharing archive of the jar; the same with an archive made here of a validate run
# (-XX:ArchiveClassesAtExit). The last lines are the figures. Target: <= 1.0 s wall.
#
#   scripts/bench/validate-500.sh              5 rounds
#   RUNS=3 scripts/bench/validate-500.sh       a quick run
#   RUNS=9 CONTAINERS=2000 scripts/bench/validate-500.sh
#
# Builds target/tugboat.jar first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-5}
CONTAINERS=${CONTAINERS:-500}
PER_COMPONENT=5
JAR=target/tugboat.jar

log() { printf 'validate-500: %s\n' "$*" >&2; }
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%s", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if [ ! -x /usr/bin/time ]; then
  log "installing GNU time"
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
if [ ! -f "$JAR" ]; then
  log "building $JAR"
  mvn -B -q -DskipTests package
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
spec=$work/app-$CONTAINERS.yml

generate() {
  local components=$(( (CONTAINERS + PER_COMPONENT - 1) / PER_COMPONENT ))
  cat <<'HEAD'
replicated_api_version: 2.8.0
name: Benchmark
version: "1"
cmds:
- name: pw
  cmd: random
  args: ["16"]
config:
- name: main
  title: Main
  items:
  - name: password
    type: password
    value_cmd: {name: pw, value_at: 0}
  - name: level
    type: select_one
    default: info
    items:
    - {name: info, title: Info}
    - {name: debug, title: Debug}
components:
HEAD
  local c i n=0
  for (( c = 0; c < components; c++ )); do
    printf -- '- name: c%d\n  containers:\n' "$c"
    for (( i = 0; i < PER_COMPONENT && n < CONTAINERS; i++, n++ )); do
      cat <<CONTAINER
  - source: public
    image_name: svc$i
    name: c$c-svc$i
    version: "1.$i"
    cmd: '["serve", "--level", "{{repl ConfigOption "level"}}"]'
    memory_limit: 256m
    env_vars:
    - name: PASSWORD
      value: '{{repl ConfigOption "password"}}'
    - name: PEER
      value: '{{repl NodePrivateIPAddress "c$c" "svc0"}}:{{repl ContainerExposedPort "c$c" "svc0" "8000"}}'
    ports:
    - private_port: "8000"
    volumes:
    - host_path: /srv/c$c/svc$i
      container_path: /data:rw
    config_files:
    - filename: /etc/svc.conf
      contents: |
        level = {{repl ConfigOption "level"}}
        peer = c$c/svc$i
CONTAINER
      if (( i == 0 && c + 1 < components )); then
        cat <<EVENT
    publish_events:
    - name: c$c ready
      trigger: port-listen
      data: "8000"
      subscriptions:
EVENT
        local j
        for (( j = 0; j < PER_COMPONENT; j++ )); do
          printf '      - {component: c%d, container: svc%d, action: start}\n' "$((c + 1))" "$j"
        done
      fi
    done
  done
}

generate > "$spec"
log "spec: $CONTAINERS containers, $(wc -l < "$spec") lines, $(wc -c < "$spec") bytes"

java -jar "$JAR" validate "$spec" >/dev/null || { log "validate found errors in the generated spec"; java -jar "$JAR" validate "$spec" | tail -5; exit 1; }

# Prints "wall cpu kb" of one run of the given command.
measure() {
  /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || true
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = 0; for (k = 1; k <= n; k++) wall = wall * 60 + t[k] }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Maximum resident set size/ { kb = $2 }
    END { printf "%.2f %.2f %d\n", wall, cpu, kb }' "$work/time.txt"
}

flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
java "${flags[@]}" -XX:ArchiveClassesAtExit="$work/validate.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$JAR" validate "$spec" >/dev/null 2>&1 || true
[ -s "$work/validate.jsa" ] || log "java made no archive; the archive runs run without one"

# The tugboat command's first run of validate makes its archive (untimed).
TUGBOAT_JAR="$JAR" scripts/tugboat validate "$spec" >/dev/null 2>&1 || true
# shellcheck source=../lib/archive-wait.sh
. scripts/lib/archive-wait.sh
wait_for_archives

read -r wall cpu kb < <(measure java "${flags[@]}" -jar "$JAR" --version)
printf 'JVM start-up (tugboat --version): wall %.2f s, cpu %.2f s, peak RSS %d MiB\n' "$wall" "$cpu" "$(( kb / 1024 ))"
ways=(script plain archive)
declare -A walls cpus rss
for (( run = 1; run <= RUNS; run++ )); do
  for way in "${ways[@]}"; do
    case $way in
      script) cmd=(scripts/tugboat validate "$spec") ;;
      plain) cmd=(java "${flags[@]}" -jar "$JAR" validate "$spec") ;;
      archive) cmd=(java "${flags[@]}" -XX:SharedArchiveFile="$work/validate.jsa" -Xlog:cds=off
                    -Xlog:cds+dynamic=off -jar "$JAR" validate "$spec") ;;
    esac
    read -r wall cpu kb < <(TUGBOAT_JAR="$JAR" measure "${cmd[@]}")
    printf 'run %d %-8s wall %.2f s, cpu %.2f s, peak RSS %d MiB\n' "$run" "$way:" "$wall" "$cpu" "$(( kb / 1024 ))"
    walls[$way]+="$wall " cpus[$way]+="$cpu " rss[$way]+="$kb "
  done
done
load=$(cut -d' ' -f1 /proc/loadavg)
med() { printf '%s\n' $1 | median; }
for way in "${ways[@]}"; do
  printf 'median of %d runs, %s (%d containers): wall %.2f s, cpu %.2f s, peak RSS %d MiB (load average %s)\n' \
    "$RUNS" "$way" "$CONTAINERS" "$(med "${walls[$way]}")" "$(med "${cpus[$way]}")" \
    "$(( $(med "${rss[$way]}" | cut -d. -f1) / 1024 ))" "$load"
done
printf 'FIGURE\tvalidate %d containers: scripts/tugboat validate (wall)\t%.2f s\t-\t-\t<= 1.00 s\n' \
  "$CONTAINERS" "$(med "${walls[script]}")"
printf 'FIGURE\tvalidate %d containers: no archive (wall)\t%.2f s\t-\t-\t<= 1.00 s\n' \
  "$CONTAINERS" "$(med "${walls[plain]}")"
printf 'FIGURE\tvalidate %d containers: with a CDS archive (wall)\t%.2f s\t-\t-\t<= 1.00 s\n' \
  "$CONTAINERS" "$(med "${walls[archive]}")"
