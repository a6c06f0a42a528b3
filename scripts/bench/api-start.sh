#!/bin/sh
# Daemon start to first successful GET /healthz (200: the daemon answers and Docker does), over N
# runs (default 7), without an app, with the service unit's flags (read from
# config/tugboat.service's ExecStart, with its Environment= lines): with the class data sharing
# archive that config/deb/tugboat-cds-archive makes (as the package does) and without one, taking
# turns; prints each time, the medians and FIGURE lines. Target: <= 0.5 s with the archive.
# The baseline, in the same turns: scripts/bench/PlainNettyServer.java, a Netty server that only
# answers /healthz, with the same options and an archive of its own (needs javac; skipped without).
#   scripts/bench/api-start.sh [RUNS]          (RUNS=3 for a quick run)
set -eu
runs=${1:-${RUNS:-7}}
here=$(cd "$(dirname "$0")/../.." && pwd)
jar="$here/target/tugboat.jar"
[ -f "$jar" ] || { echo "api-start.sh: build first: mvn -B package -DskipTests" >&2; exit 1; }
# shellcheck source=../lib/unit-flags.sh
. "$here/scripts/lib/unit-flags.sh"
if [ -z "${JAVA_OPTS+set}" ]; then
  JAVA_OPTS=$(unit_java_opts "$here/config/tugboat.service")
  export_unit_environment "$here/config/tugboat.service"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'listen: 127.0.0.1:%s\nstate_dir: state\nintegration_port: %s\n' "$port" "$((port + 1))" \
  > "$work/tugboat.yml"

# start_until_healthy PORT JAVA-ARGS...: prints milliseconds from exec to the first 200 of
# /healthz, polled by one process (a curl and a sleep forked every 10 ms took a good part of a
# core from the start being timed)
start_until_healthy() {
  local at=$1
  shift
  python3 "$here/scripts/bench/start-until-healthy.py" "$at" "$work/daemon.log" java $JAVA_OPTS "$@"
}

# one_start OPTS: the daemon, with OPTS
one_start() {
  start_until_healthy "$port" $1 -jar "$jar" serve --config "$work/tugboat.yml"
}

# The baseline compiled against the jar, in a jar of its own (Java archives no class from a
# directory), and its archive made as the daemon's is: a start, /healthz, then SIGTERM.
plain_setup() {
  local jdk
  jdk=$(dirname "$(readlink -f "$(command -v java)")")
  [ -x "$jdk/javac" ] && [ -x "$jdk/jar" ] || return 1
  mkdir "$work/plain"
  "$jdk/javac" -nowarn -cp "$jar" -d "$work/plain" "$here/scripts/bench/PlainNettyServer.java" || return 1
  "$jdk/jar" cf "$work/plain.jar" -C "$work/plain" . || return 1
  plain_cp="$jar:$work/plain.jar"
  start_until_healthy "$plain_port" -XX:ArchiveClassesAtExit="$work/plain.jsa" -cp "$plain_cp" \
    PlainNettyServer "$plain_port" > /dev/null
  [ -s "$work/plain.jsa" ]
}

plain_start() {
  start_until_healthy "$plain_port" -XX:SharedArchiveFile="$work/plain.jsa" -cp "$plain_cp" \
    PlainNettyServer "$plain_port"
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "JVM flags: $JAVA_OPTS"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
sh "$here/config/deb/tugboat-cds-archive" "$jar" "$work/tugboat.jsa" >/dev/null
[ -s "$work/tugboat.jsa" ] || { echo "api-start.sh: tugboat-cds-archive made no archive" >&2; exit 1; }
plain_port=$((port + 2))
plain=""
plain_ok=""
if plain_setup; then
  plain_ok=yes
else
  echo "api-start.sh: no baseline: it needs a JDK's javac and jar beside the java on PATH" >&2
fi
one_start "" > /dev/null  # warm the page cache
with=""
without=""
i=1
while [ "$i" -le "$runs" ]; do
  with="$with $(one_start "-XX:SharedArchiveFile=$work/tugboat.jsa")"
  without="$without $(one_start "")"
  [ -z "$plain_ok" ] || plain="$plain $(plain_start)"
  i=$((i + 1))
done
w=$(echo $with | median)
wo=$(echo $without | median)
echo "start to /healthz with the CDS archive: runs (ms):$with; median $w ms"
echo "start to /healthz without an archive: runs (ms):$without; median $wo ms"
if [ -n "$plain_ok" ]; then
  p=$(echo $plain | median)
  echo "a bare Netty server to /healthz, with its archive: runs (ms):$plain; median $p ms"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'FIGURE\tdaemon start -> /healthz 200 (unit flags, CDS archive)\t%s ms\t-\t-\t<= 500 ms\n' "$w"
printf 'FIGURE\tdaemon start -> /healthz 200: CDS archive / none\t%s ms\t%s ms\t%s\t-\n' "$w" "$wo" \
  "$(awk -v a="$w" -v b="$wo" 'BEGIN { printf "%.2f", a / b }')"
if [ -n "$plain_ok" ]; then
  printf 'FIGURE\tdaemon start -> /healthz 200: Tugboat / a bare Netty server\t%s ms\t%s ms\t%s\t-\n' \
    "$w" "$p" "$(awk -v a="$w" -v b="$p" 'BEGIN { printf "%.2f", a / b }')"
fi
