#!/bin/sh
# What reading the runs' journals back costs a daemon killed with -9: a three-container busybox app
# is started, then restarted K times (default 19, so 20 journals are kept), then the daemon is
# killed and started again R times (default 5). For each start it prints the time from exec to the
# events API listing every event again (same ids and texts as before the kill) and to the run's
# resume (the journal's record of what Docker holds). Also checks the list a client polling
# after=N gets: exactly the events after N, with no id skipped. The timed waits poll from one
# Python process (scripts/bench/wait-until.py): a curl and a python3 forked every 10 ms took more
# of the two cores than the start they timed.
#   scripts/bench/events-resume.sh [K] [R]
set -eu
restarts=${1:-19}
runs=${2:-5}
. "$(dirname "$0")/daemon-bench.sh"
bench_setup events

api() {
  [ -f "$work/state/token" ] || return 0
  curl -fs -H "Authorization: Bearer $(cat "$work/state/token")" "$@" 2>/dev/null || true
}
status() { api "http://127.0.0.1:$port/api/v1/status"; }
# id and text of every event, one per line
events() {
  api "http://127.0.0.1:$port/api/v1/events?after=${1:-0}&limit=10000" | python3 -c '
import json, sys
text = sys.stdin.read()
for e in (json.loads(text)["events"] if text else []):
    print(e["id"], e["run_id"], e["type"], e["text"])'
}
run_id() { status | python3 -c 'import json, sys; print(json.load(sys.stdin)["run_id"])'; }
latest_journal() { ls "$work"/state/runs/*.jsonl | sort | tail -1; }
observed() { grep -c '"instances-observed"' "$(latest_journal)" 2>/dev/null || true; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
serve
until status | grep -q '"state":"started"'; do sleep 0.1; done
i=1
while [ "$i" -le "$restarts" ]; do
  before=$(run_id)
  api -X POST "http://127.0.0.1:$port/api/v1/app/restart" >/dev/null
  until [ "$(run_id)" != "$before" ] && status | grep -q '"state":"started"'; do sleep 0.1; done
  i=$((i + 1))
done
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
pid=""
(cd "$work" && exec java $JAVA_OPTS -jar "$jar" serve --config tugboat.yml) > "$work/daemon.log" 2>&1 &
pid=$!
until status | grep -q '"state":"started"'; do sleep 0.1; done
events 0 > "$work/seen"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
journals=$(ls "$work"/state/runs/*.jsonl | wc -l)
echo "journals kept: $journals, events listed: $(wc -l < "$work/seen"), journal bytes: $(cat "$work"/state/runs/*.jsonl | wc -c)"

listed=""
resumed=""
i=1
while [ "$i" -le "$runs" ]; do
  before=$(observed)
  start=$(now_ms)
  serve
  python3 "$here/scripts/bench/wait-until.py" events "$port" "$work/state/token" "$work/seen"
  listed="$listed $(( $(now_ms) - start ))"
  python3 "$here/scripts/bench/wait-until.py" journal "$(latest_journal)" instances-observed "$before"
  resumed="$resumed $(( $(now_ms) - start ))"
  # A client that saw every event before this kill gets exactly the new ones, ids one after another.
  last=$(tail -1 "$work/seen" | cut -d' ' -f1)
  events "$last" > "$work/unseen"
  events 0 > "$work/all"
  cat "$work/seen" "$work/unseen" | cmp -s - "$work/all" \
    || { echo "after=$last did not list exactly the unseen events" >&2; exit 1; }
  cut -d' ' -f1 "$work/all" | awk 'NR > 1 && $1 != prev + 1 { bad = 1 } { prev = $1 } END { exit bad }' \
    || { echo "event ids skip a number" >&2; exit 1; }
  cp "$work/all" "$work/seen"
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  i=$((i + 1))
done
pid=""
echo "kill -9, then start to every event listed again (ms):$listed; median $(median $listed) ms"
echo "kill -9, then start to run resumed (ms):$resumed; median $(median $resumed) ms"
echo "after=N across each restart: exactly the unseen events, no id skipped ($runs restarts)"
