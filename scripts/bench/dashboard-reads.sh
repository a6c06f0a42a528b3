#!/bin/sh
# How often an open dashboard reads the status: the daemon runs a three-container busybox app,
# headless Chromium keeps the dashboard open for S seconds (default 60) while the app is started,
# then for S seconds more while the app is restarted; the daemon's own request counters
# (/metrics) say how many status reads and event streams the page made in each.
#   scripts/bench/dashboard-reads.sh [S]
set -eu
seconds=${1:-60}
. "$(dirname "$0")/daemon-bench.sh"
command -v chromium >/dev/null || { echo "dashboard-reads.sh: run scripts/setup-browser.sh" >&2; exit 1; }
bench_setup dashboard
serve
until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.1; done
token=$(cat "$work/state/token")
api() { curl -fs -H "Authorization: Bearer $token" "$@"; }
until api "http://127.0.0.1:$port/api/v1/status" | grep -q '"state":"started"'; do sleep 0.1; done
count() {
  curl -fs "http://127.0.0.1:$port/metrics" | awk -v route="$1" '
    index($0, "tugboat_api_requests_total{route=\"" route "\"") == 1 { n += $2 } END { print n + 0 }'
}
chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" \
  --remote-debugging-port=0 "http://127.0.0.1:$port/#token=$token" > "$work/browser.log" 2>&1 &
browser=$!
also_kill="$browser"
sleep 3
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
s0=$(count /api/v1/status); e0=$(count /api/v1/events/stream)
sleep "$seconds"
s1=$(count /api/v1/status); e1=$(count /api/v1/events/stream)
echo "app started, nothing happening, ${seconds} s: $((s1 - s0)) status reads, $((e1 - e0)) event streams opened"
api -X POST "http://127.0.0.1:$port/api/v1/app/restart" >/dev/null
sleep "$seconds"
s2=$(count /api/v1/status); e2=$(count /api/v1/events/stream)
events=$(api "http://127.0.0.1:$port/api/v1/events?after=0&limit=10000" | python3 -c '
import json, sys; print(len(json.load(sys.stdin)["events"]))')
echo "app restarted, ${seconds} s: $((s2 - s1)) status reads, $((e2 - e1)) event streams opened ($events events listed in all)"
