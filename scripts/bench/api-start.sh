#!/bin/sh
# Daemon start to first successful GET /healthz (200: the daemon answers and Docker does), over N
# runs (default 7), without an app; prints each time and the median. Then the same with a class
# data sharing archive made by one earlier run (-XX:SharedArchiveFile), which a package could ship.
# Target: under 1.5 s.
#   scripts/bench/api-start.sh [RUNS]
set -eu
runs=${1:-7}
here=$(cd "$(dirname "$0")/../.." && pwd)
jar="$here/target/tugboat.jar"
[ -f "$jar" ] || { echo "api-start.sh: build first: mvn -B package -DskipTests" >&2; exit 1; }
JAVA_OPTS=${JAVA_OPTS:--Xms32m -Xmx128m -XX:+UseSerialGC}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'listen: 127.0.0.1:%s\nstate_dir: state\nintegration_port: %s\n' "$port" "$((port + 1))" \
  > "$work/tugboat.yml"

now_ms() { date +%s%3N; }

# one_start OPTS: prints milliseconds from exec to the first 200 of /healthz
one_start() {
  start=$(now_ms)
  java $JAVA_OPTS $1 -jar "$jar" serve --config "$work/tugboat.yml" > "$work/daemon.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.01; done
  end=$(now_ms)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $((end - start))
}

series() {
  times=""
  i=1
  while [ "$i" -le "$runs" ]; do
    times="$times $(one_start "$1")"
    i=$((i + 1))
  done
  median=$(echo $times | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$2: runs (ms):$times; median $median ms"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
one_start "" > /dev/null  # warm the page cache
series "" "start to /healthz"
java $JAVA_OPTS -XX:ArchiveClassesAtExit="$work/tugboat.jsa" -jar "$jar" serve \
  --config "$work/tugboat.yml" > "$work/daemon.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.05; done
kill "$pid"; wait "$pid" 2>/dev/null || true
series "-XX:SharedArchiveFile=$work/tugboat.jsa" "start to /healthz with a CDS archive"
