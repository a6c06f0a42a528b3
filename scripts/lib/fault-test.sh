# Shared by the fault and soak scripts (sourced after `cd` to the repository's root, with
# FAULT_TEST naming the script for its log lines): logging, counted failures, timing, a free port
# (free-port.sh).

failures=0

log() { printf '%s: %s\n' "$FAULT_TEST" "$*" >&2; }
fail() {
  log "FAIL: $*"
  failures=$((failures + 1))
}
now() { date +%s.%N; }
seconds_since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }

# shellcheck source=free-port.sh
. scripts/lib/free-port.sh
