#!/bin/sh
# Status polling under load, as the daemon runs when installed: the unit's JVM flags (read from
# config/tugboat.service's ExecStart, with a class data sharing archive made as the package makes
# it), an app of N busybox containers (default 50), and wrk polling GET /api/v1/status with 64
# connections from one thread. Prints requests per second, latency percentiles, the status body's
# size and the daemon's resident memory before and after: for plain JSON (as curl asks), gzipped
# (as browsers ask), and revalidated with If-None-Match (as a dashboard does between changes: 304,
# no body). The last lines are the figures of the plain run.
# Targets (plain JSON): >= 40,000 req/s, p99 <= 5 ms, resident memory <= 150 MB after the run.
#
# wrk runs with one thread by default: on a 2-core machine that leaves one core to the load and
# one to the daemon, whose API is one event loop. With two wrk threads the load takes both cores
# and the daemon's thread waits for the scheduler's slices, which is what its p99 then measures;
# WRK_THREADS=2 shows that.
#   scripts/bench/api-status.sh [CONTAINERS] [SECONDS] [CONNECTIONS]
#   DURATION=600 scripts/bench/api-status.sh     the 10-minute memory run (plain JSON only)
#   DURATION=10 scripts/bench/api-status.sh      a quick run (plain JSON only)
#   JAVA_OPTS='...'                              other JVM flags than the unit's
#   ALLOW_FAILED=1                               measure even when a busy engine failed the app
#   WARMUP=0                                     no warm-up (default 5 s, not measured)
#
# Before measuring it waits (up to 60 s) until the machine is quiet after the app's start (the
# engine and 50 containers' shims starting kept the load at 10 or more for half a minute), then
# polls WARMUP seconds unmeasured, so the JIT has compiled the request path: a dashboard polls
# for hours, and its steady state is what this measures. The load is printed with the figures.
# Needs: Docker with tugboat-test/busybox:1 (scripts/build-images.sh), wrk, curl, target/tugboat.jar.
set -eu
count=${1:-50}
seconds=${DURATION:-${2:-30}}
connections=${3:-64}
here=$(cd "$(dirname "$0")/../.." && pwd)
jar="$here/target/tugboat.jar"
[ -f "$jar" ] || { echo "api-status.sh: build first: mvn -B package -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null || { echo "api-status.sh: wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
threads=${WRK_THREADS:-1}

work=$(mktemp -d)
app="bench-status-$$"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pid=""
cleanup() {
  if [ -n "$pid" ]; then
    java -jar "$jar" stop --config "$work/tugboat.yml" >/dev/null 2>&1 || true
    kill "$pid" 2>/dev/null || true
  fi
  ids=$(docker ps -aq --filter "label=dev.tugboat.app=$app")
  [ -z "$ids" ] || docker rm -f $ids >/dev/null
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# The unit's flags: the JVM options of its ExecStart (between java and -jar), the installed
# archive's path replaced by one made here for this jar, and its Environment= lines.
unit="$here/config/tugboat.service"
# shellcheck source=../lib/unit-flags.sh
. "$here/scripts/lib/unit-flags.sh"
if [ -z "${JAVA_OPTS+set}" ]; then
  "$here/config/deb/tugboat-cds-archive" "$jar" "$work/tugboat.jsa" >/dev/null 2>&1 || true
  JAVA_OPTS="$(unit_java_opts "$unit") -XX:SharedArchiveFile=$work/tugboat.jsa"
  export_unit_environment "$unit"
fi
echo "JVM flags: $JAVA_OPTS"
[ -z "${MALLOC_ARENA_MAX:-}" ] || echo "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"

{
  echo "replicated_api_version: 2.8.0"
  echo "name: $app"
  echo "version: \"1\""
  echo "components:"
  i=1
  while [ "$i" -le "$count" ]; do
    cat <<YML
- name: c$i
  containers:
  - source: public
    image_name: tugboat-test/busybox
    version: 1
    cmd: '["sh", "-c", "trap \"exit 0\" TERM; sleep 100000 & wait"]'
    stop_timeout: 2
YML
    i=$((i + 1))
  done
} > "$work/app.yml"
printf 'listen: 127.0.0.1:%s\nstate_dir: state\napp: app.yml\nintegration_port: %s\n' \
  "$port" "$((port + 1))" > "$work/tugboat.yml"

# shellcheck disable=SC2086 # JAVA_OPTS is a list of JVM options
java $JAVA_OPTS -jar "$jar" serve --config "$work/tugboat.yml" > "$work/daemon.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.1; done
token=$(cat "$work/state/token")
started=$(date +%s)
while :; do
  state=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/status" \
    | grep -o '"state":"[a-z_]*"' | head -1 | cut -d'"' -f4)
  [ "$state" != started ] || break
  if [ "$state" = failed ] && [ -n "${ALLOW_FAILED:-}" ]; then
    # A busy shared engine may fail a start; the status still lists every container.
    echo "api-status.sh: the app failed to start ($(grep -m1 'app failed' "$work/daemon.log" | cut -c1-160)); measuring its status anyway (ALLOW_FAILED)" >&2
    break
  fi
  if [ "$state" = failed ] || [ $(( $(date +%s) - started )) -gt 600 ]; then
    echo "api-status.sh: the app did not start (state: ${state:-none}, after at most 600 s); daemon log:" >&2
    tail -20 "$work/daemon.log" >&2
    exit 1
  fi
  sleep 1
done
echo "app of $count containers $state in $(( $(date +%s) - started )) s"
body=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/status" | wc -c)
echo "status body: $body bytes"
rss() { echo $(( $(ps -o rss= -p "$pid") / 1024 )); }
# The share of both cores busy over one second, from /proc/stat, in percent.
busy() {
  set -- $(head -1 /proc/stat); shift; t0=0; for v in "$@"; do t0=$((t0 + v)); done; i0=$(($4 + $5))
  sleep 1
  set -- $(head -1 /proc/stat); shift; t1=0; for v in "$@"; do t1=$((t1 + v)); done; i1=$(($4 + $5))
  echo $(( 100 - 100 * (i1 - i0) / (t1 - t0 + 1) ))
}
settle_start=$(date +%s)
quiet=0
while [ "$quiet" -lt 3 ] && [ $(( $(date +%s) - settle_start )) -lt 60 ]; do
  if [ "$(busy)" -le 15 ]; then quiet=$((quiet + 1)); else quiet=0; fi
done
echo "settled for $(( $(date +%s) - settle_start )) s (machine $(busy) % busy)"
warmup=${WARMUP:-5}
if [ "$warmup" -gt 0 ]; then
  wrk -t"$threads" -c"$connections" -d"${warmup}s" \
    -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/status" >/dev/null
  echo "warmed up for $warmup s (not measured)"
fi
echo "daemon RSS before: $(rss) MB"
echo "== plain JSON (as curl asks), ${seconds} s, load $(cut -d' ' -f1-3 /proc/loadavg) =="
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency \
  -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/status" | tee "$work/plain.txt"
rss_plain=$(rss)
echo "daemon RSS after: $rss_plain MB"
if [ -z "${DURATION:-}" ]; then
  gz=$(curl -fs -H "Authorization: Bearer $token" -H "Accept-Encoding: gzip" \
    "http://127.0.0.1:$port/api/v1/status" | wc -c)
  echo "== gzipped JSON (as browsers ask: Accept-Encoding: gzip; $gz bytes) =="
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -H "Accept-Encoding: gzip" \
    -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/status"
  echo "daemon RSS after: $(rss) MB"
  etag=$(curl -fs -D - -o /dev/null -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/status" | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p' | tr -d '\r')
  echo "== revalidated (If-None-Match: $etag; 304 without a body) =="
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -H "If-None-Match: $etag" \
    -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/status"
  echo "daemon RSS after: $(rss) MB"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# wrk prints "Requests/sec:  41234.56" and, with --latency, " 99%    2.31ms" (us, ms or s).
rps=$(awk '/^Requests\/sec:/ { printf "%d", $2 }' "$work/plain.txt")
p99=$(awk '$1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
  printf "%.2f", u == "us" ? v / 1000 : u == "s" ? v * 1000 : v }' "$work/plain.txt")
printf 'FIGURE\tstatus: GET /api/v1/status, %s containers, -c%s (req/s)\t%s\t-\t-\t>= 40000\n' \
  "$count" "$connections" "$rps"
printf 'FIGURE\tstatus: p99 latency\t%s ms\t-\t-\t<= 5 ms\n' "$p99"
printf 'FIGURE\tstatus: daemon RSS after %s s of polling\t%s MB\t-\t-\t<= 150 MB\n' \
  "$seconds" "$rss_plain"
