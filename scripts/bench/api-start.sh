#!/bin/sh
# Daemon start to first successful GET /healthz (200: the daemon answers and Docker does), over N
# runs (default 7), without an app, with the service unit's flags: with the class data sharing
# archive that config/deb/tugboat-cds-archive makes (as the package does) and without one, taking
# turns; prints each time, the medians and FIGURE lines. Target: <= 0.5 s with the archive.
#   scripts/bench/api-start.sh [RUNS]          (RUNS=3 for a quick run)
set -eu
runs=${1:-${RUNS:-7}}
here=$(cd "$(dirname "$0")/../.." && pwd)
jar="$here/target/tugboat.jar"
[ -f "$jar" ] || { echo "api-start.sh: build first: mvn -B package -DskipTests" >&2; exit 1; }
JAVA_OPTS=${JAVA_OPTS:--Xms32m -Xmx128m -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off}
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

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
sh "$here/config/deb/tugboat-cds-archive" "$jar" "$work/tugboat.jsa" >/dev/null
[ -s "$work/tugboat.jsa" ] || { echo "api-start.sh: tugboat-cds-archive made no archive" >&2; exit 1; }
one_start "" > /dev/null  # warm the page cache
with=""
without=""
i=1
while [ "$i" -le "$runs" ]; do
  with="$with $(one_start "-XX:SharedArchiveFile=$work/tugboat.jsa")"
  without="$without $(one_start "")"
  i=$((i + 1))
done
w=$(echo $with | median)
wo=$(echo $without | median)
echo "start to /healthz with the CDS archive: runs (ms):$with; median $w ms"
echo "start to /healthz without an archive: runs (ms):$without; median $wo ms"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'FIGURE\tdaemon start -> /healthz 200 (unit flags, CDS archive)\t%s ms\t-\t-\t<= 500 ms\n' "$w"
printf 'FIGURE\tdaemon start -> /healthz 200: CDS archive / none\t%s ms\t%s ms\t%s\t-\n' "$w" "$wo" \
  "$(awk -v a="$w" -v b="$wo" 'BEGIN { printf "%.2f", a / b }')"
