#!/bin/sh
# How long a daemon killed with -9 takes, once started again, to have resumed its run: from exec to
# the journal's record of what Docker holds (the run adopted, nothing started again), over N
# restarts (default 5) of a three-container busybox app. Baseline in the same run: exec to the first
# /healthz of the same daemon with the app stopped, so the ratio shows what resuming adds.
# Both waits poll from one Python process (scripts/bench/wait-until.py): a shell loop forking a
# cat and a grep, or a curl, every 10 ms took a good part of a core from the start it timed.
#   scripts/bench/daemon-resume.sh [RUNS]
set -eu
runs=${1:-5}
. "$(dirname "$0")/daemon-bench.sh"
bench_setup resume

status() {
  [ -f "$work/state/token" ] || return 0
  curl -fs -H "Authorization: Bearer $(cat "$work/state/token")" \
    "http://127.0.0.1:$port/api/v1/status" 2>/dev/null || true
}
observed() { cat "$work"/state/runs/*.jsonl 2>/dev/null | grep -c '"instances-observed"' || true; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
serve
until status | grep -q '"state":"started"'; do sleep 0.1; done
kill -9 "$pid"; wait "$pid" 2>/dev/null || true

resumes=""
i=1
while [ "$i" -le "$runs" ]; do
  before=$(observed)
  start=$(now_ms)
  serve
  python3 "$here/scripts/bench/wait-until.py" journal "$work/state/runs" instances-observed "$before"
  resumes="$resumes $(( $(now_ms) - start ))"
  status | grep -q '"state":"started"' || { echo "run not started after resume" >&2; exit 1; }
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  i=$((i + 1))
done

serve
until status | grep -q '"state":"started"'; do sleep 0.1; done
curl -fs -X POST -H "Authorization: Bearer $(cat "$work/state/token")" \
  "http://127.0.0.1:$port/api/v1/app/stop" >/dev/null
kill "$pid"; wait "$pid" 2>/dev/null || true
starts=""
i=1
while [ "$i" -le "$runs" ]; do
  start=$(now_ms)
  serve
  python3 "$here/scripts/bench/wait-until.py" healthz "$port"
  starts="$starts $(( $(now_ms) - start ))"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  i=$((i + 1))
done
pid=""
created=$(docker ps -a --filter "label=dev.tugboat.app=$app" --format '{{.Names}}' | wc -l)
r=$(median $resumes); s=$(median $starts)
echo "kill -9, then start to run resumed (ms):$resumes; median $r ms"
echo "start to /healthz, app stopped (ms):$starts; median $s ms"
echo "ratio resumed / healthz: $(awk "BEGIN {printf \"%.2f\", $r / $s}")"
echo "instances of the app at the end: $created (3 expected: none made again)"
