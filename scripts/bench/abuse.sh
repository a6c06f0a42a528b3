#!/usr/bin/env bash
# Plays the attacks a neighbour on the same host (or a container beside the app) can make against
# the daemon, and prints what held: unauthenticated connections with unfinished bodies (and the
# daemon's resident memory), a /healthz flood and how long an app restart takes during it against
# one without it, a foreign container's startup error on the Integration API, slow request heads,
# and a stream client that stops reading. Only 127.0.0.1 and the app's own Docker bridge are
# reached. Needs: Docker with tugboat-test/busybox:1, python3, curl; a built jar.
#   scripts/bench/abuse.sh
set -euo pipefail
. "$(dirname "$0")/daemon-bench.sh"
bench_setup abuse

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"; }
run_id() {
  curl -fsS --max-time 5 -H "Authorization: Bearer $(cat "$work/state/token")" \
    "http://127.0.0.1:$port/api/v1/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["run_id"])'
}
state() {
  curl -fsS --max-time 5 -H "Authorization: Bearer $(cat "$work/state/token")" \
    "http://127.0.0.1:$port/api/v1/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])'
}
await_started() {
  local deadline=$((SECONDS + 60))
  until [ "$(state 2>/dev/null || true)" = started ]; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "abuse: the app did not start; log:" >&2; tail -20 "$work/daemon.log" >&2; exit 1; }
    sleep 0.1
  done
}
# ms from POST /api/v1/app/restart to the status saying started again
restart_ms() {
  local t0
  local before
  before=$(run_id)
  t0=$(now_ms)
  # a restart is accepted (202) before the old run stopped: wait for the new run to be started
  curl -fsS --max-time 30 -X POST -H "Authorization: Bearer $(cat "$work/state/token")" \
    "http://127.0.0.1:$port/api/v1/app/restart" >/dev/null
  until [ "$(run_id 2>/dev/null || true)" != "$before" ]; do sleep 0.05; done
  await_started
  echo $(( $(now_ms) - t0 ))
}

serve
await_started
rss_start=$(rss_kb)
echo "daemon pid $pid on 127.0.0.1:$port; app $app started; RSS ${rss_start} kB"

# 1. Unauthenticated connections that announce a 1 MB body and send 60 KB of it.
python3 - "$port" <<'PY'
import socket, sys, time
port = int(sys.argv[1])
held, answered, closed = [], 0, 0
head = (b"PUT /api/v1/spec HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000000\r\n\r\n")
for _ in range(300):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(head + b"x" * 60000)
    held.append(s)
time.sleep(1)
for s in held:
    s.settimeout(2)
    try:
        data = s.recv(65536)
        if data.startswith(b"HTTP/1.1 401"):
            answered += 1
        if not data or s.recv(1) == b"":
            closed += 1
    except (socket.timeout, ConnectionResetError):
        pass
    s.close()
print(f"unauthenticated bodies: 300 connections sent 60 KB of a 1 MB body each: {answered} got 401"
      f" from the head alone, {closed} closed by the daemon")
PY
echo "  RSS after: $(rss_kb) kB (before: $rss_start kB)"

# 2. /healthz flood, and an app restart during it against one without it.
quiet=$(restart_ms)
python3 - "$port" > "$work/flood.txt" <<'PY' &
import socket, sys, threading, time
port, stop, served = int(sys.argv[1]), time.time() + 12, [0]
def flood():
    s = socket.create_connection(("127.0.0.1", port))
    while time.time() < stop:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        data = b""
        while b"\r\n\r\n" not in data:
            data += s.recv(4096)
        length = int(data.split(b"content-length: ")[1].split(b"\r\n")[0]) if b"content-length: " in data else 0
        body = data.split(b"\r\n\r\n", 1)[1]
        while len(body) < length:
            body += s.recv(4096)
        served[0] += 1
threads = [threading.Thread(target=flood) for _ in range(16)]
for t in threads: t.start()
for t in threads: t.join()
print(served[0])
PY
flood_pid=$!
also_kill="$flood_pid"
sleep 1
during=$(restart_ms)
wait "$flood_pid" || true
echo "healthz flood: $(cat "$work/flood.txt") answers in 12 s over 16 connections; app restart $during ms during it, $quiet ms without (ratio $(python3 -c "print(round($during/$quiet, 2))"))"

# 3. A container that is not the app's sends a startup error to the Integration API.
gateway=$(docker network inspect bridge -f '{{(index .IPAM.Config 0).Gateway}}')
integration=$((port + 1))
body='{"message": "stop everything", "severity": "error"}'
for path in /status/v1/startup /AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/status/v1/startup; do
  answer=$(docker run --rm -e "REQ=PUT $path HTTP/1.0
Content-Type: application/json
Content-Length: ${#body}

$body" tugboat-test/busybox:1 sh -c "printf '%s' \"\$REQ\" | sed 's/\$/\r/' | nc -w 5 $gateway $integration" | head -1)
  echo "foreign container PUT $path: ${answer:-no answer}; app state after: $(state)"
done

# 4. Slow request heads: 50 connections send a header byte a second.
python3 - "$port" <<'PY'
import socket, sys, time
port = int(sys.argv[1])
conns = [socket.create_connection(("127.0.0.1", port)) for _ in range(50)]
start, head, closed_at = time.time(), b"GET /api/v1/status HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", {}
i = 0
while len(closed_at) < len(conns) and time.time() - start < 30:
    for n, s in enumerate(conns):
        if n in closed_at:
            continue
        try:
            s.sendall(head[i:i + 1] if i < len(head) else b"a")
        except OSError:
            closed_at[n] = time.time() - start
    i += 1
    time.sleep(1)
times = sorted(closed_at.values())
print(f"slow heads: 50 connections sending a byte a second: {len(times)} closed by the daemon,"
      f" after {times[0]:.0f}-{times[-1]:.0f} s" if times else "slow heads: none closed within 30 s")
PY

# 5. A stream client that stops reading while the app restarts five times.
rss_before=$(rss_kb)
python3 - "$port" "$(cat "$work/state/token")" > "$work/stall.txt" <<'PY' &
import socket, sys, time
port, token = int(sys.argv[1]), sys.argv[2]
s = socket.create_connection(("127.0.0.1", port))
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
s.sendall(f"GET /api/v1/events/stream?after=0 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n\r\n".encode())
time.sleep(40)
print("open" if s.fileno() >= 0 else "closed")
PY
stall_pid=$!
also_kill="$flood_pid $stall_pid"
for _ in 1 2 3 4 5; do restart_ms >/dev/null; done
echo "stalled stream reader: 5 restarts while it read nothing; RSS $(rss_kb) kB (before: $rss_before kB); the daemon writes it only what its socket takes and closes it after 60 s without progress"
kill "$stall_pid" 2>/dev/null || true

echo "end: app $(state), RSS $(rss_kb) kB (start: $rss_start kB), daemon threads $(ls /proc/$pid/task | wc -l), descriptors $(ls /proc/$pid/fd | wc -l)"
