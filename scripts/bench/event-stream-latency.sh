#!/bin/sh
# How soon a client of the event stream hears of what the run does: the daemon runs a
# three-container busybox app, a client reads GET /api/v1/events/stream?after=latest while the app
# is restarted N times (default 5), and for every event it prints the time from the event's
# journal time to its arrival (percentiles, ms). The event is sent once the status it led to is
# published, so this is also how soon a dashboard can read that status.
#   scripts/bench/event-stream-latency.sh [N]
set -eu
restarts=${1:-5}
. "$(dirname "$0")/daemon-bench.sh"
bench_setup stream
serve
until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.1; done
token=$(cat "$work/state/token")
status() { curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/status"; }
until status | grep -q '"state":"started"'; do sleep 0.1; done
python3 -u - "$port" "$token" > "$work/latency" <<'EOF' &
import datetime, http.client, json, sys, time
connection = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
connection.request("GET", "/api/v1/events/stream?after=latest",
                   headers={"Authorization": "Bearer " + sys.argv[2]})
stream = connection.getresponse()
for line in stream:
    if line.startswith(b"data: "):
        arrived = time.time()
        event = json.loads(line[6:])
        at = datetime.datetime.fromisoformat(event["time"].replace("Z", "+00:00")).timestamp()
        print(round((arrived - at) * 1000, 2))
EOF
reader=$!
also_kill="$reader"
sleep 1
run_id() { status | python3 -c 'import json, sys; print(json.load(sys.stdin)["run_id"])'; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
i=1
while [ "$i" -le "$restarts" ]; do
  before=$(run_id)
  curl -fs -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/app/restart" >/dev/null
  until [ "$(run_id)" != "$before" ] && status | grep -q '"state":"started"'; do sleep 0.1; done
  i=$((i + 1))
done
sleep 1
sort -n "$work/latency" | awk '{a[NR]=$1} END {
  printf "events: %d; journal time to arrival (ms): p50 %.1f, p90 %.1f, p99 %.1f, max %.1f\n",
    NR, a[int(NR*0.5)+1], a[int(NR*0.9)+1], a[int(NR*0.99)+1], a[NR] }'
