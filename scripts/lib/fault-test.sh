# Shared by the fault and soak scripts (sourced after `cd` to the repository's root, with
# FAULT_TEST naming the script for its log lines): logging, counted failures, timing, a free port.

failures=0

log() { printf '%s: %s\n' "$FAULT_TEST" "$*" >&2; }
fail() {
  log "FAIL: $*"
  failures=$((failures + 1))
}
now() { date +%s.%N; }
seconds_since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }

free_port() {
  local port
  while :; do
    port=$(shuf -i 20000-59999 -n 1)
    [ -n "$(ss -Htln "sport = :$port")" ] || { echo "$port"; return; }
  done
}
