#!/usr/bin/env bash
# Runs every benchmark that has a target and prints one table: figure, Tugboat, baseline, ratio,
# target, and whether the target is met. Each benchmark prints its figures as its last lines, one
# per figure: FIGURE<TAB>name<TAB>tugboat<TAB>baseline or -<TAB>ratio or -<TAB>target. A target
# without a unit ("<= 0.70") applies to the ratio (both measured in the same run, so a busy
# machine slows both alike); one with a unit ("<= 13 s", ">= 40000 req/s") to Tugboat's own value.
#
# The table is Markdown, headed by the machine it ran on, for docs/performance.md; each
# benchmark's whole output is kept in the directory named at the end.
#
#   scripts/bench/all.sh              the quick settings (about 15 minutes on 2 cores)
#   FULL=1 scripts/bench/all.sh       each benchmark's own defaults, the status polled for 10 minutes
#   ONLY="chain validate" scripts/bench/all.sh    only the benchmarks whose names are given
#
# Needs Docker with the test images (scripts/build-images.sh) and target/tugboat.jar; the
# benchmarks install docker-compose and wrk when they are missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

FULL=${FULL:-}
ONLY=${ONLY:-}
OUT=$(mktemp -d /tmp/tugboat-bench.XXXXXX)

log() { printf 'bench: %s\n' "$*" >&2; }

# name | quick settings | full settings | script. The quick settings keep each benchmark's shape
# (sizes, the number of ports, connections) and cut only its repetitions and durations; the full
# ones are the benchmark's defaults, but for the status, polled for the issue's 10 minutes.
BENCHMARKS=(
  "chain|RUNS=5||compose-chain.sh"
  "latency|K=10 WINDOW=10||trigger-latency.sh"
  "daemon-start|RUNS=5||api-start.sh"
  "status|DURATION=60|DURATION=600|api-status.sh"
  "validate|RUNS=5||validate-500.sh"
  "many|SIZES='50 200' ROUNDS=1||many-containers.sh"
)

selected() {
  [ -z "$ONLY" ] && return 0
  case " $ONLY " in *" $1 "*) return 0 ;; esac
  return 1
}

# The leading number of a value such as "3.41 s", "42113 req/s" or "1.2%".
number() { sed -E 's/^[^0-9.-]*([0-9.-]+).*/\1/' <<<"$1"; }

# "yes" or "no": VALUE against TARGET (an operator, then a number with any unit).
met() {
  local value target op bound
  value=$(number "$1")
  target=$2
  op=$(sed -E 's/^ *(<=|>=|<|>).*/\1/' <<<"$target")
  bound=$(number "${target#"$op"}")
  awk -v v="$value" -v b="$bound" -v op="$op" 'BEGIN {
    if (v == "" || v == "-") { print "-"; exit }
    ok = (op == "<=" && v <= b) || (op == ">=" && v >= b) || (op == "<" && v < b) || (op == ">" && v > b)
    print ok ? "yes" : "no"
  }'
}

machine() {
  local cpu memory
  cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  memory=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  printf -- '- Machine: %s cores (%s), %s memory, kernel %s\n' "$(nproc)" "${cpu:-unknown CPU}" "$memory" "$(uname -r)"
  printf -- '- Java: %s\n' "$(java -version 2>&1 | head -n 1)"
  printf -- '- Docker Engine: %s (%s)\n' "$(docker version --format '{{.Server.Version}}' 2>/dev/null || echo unknown)" \
    "$(docker info --format '{{.Driver}}, cgroups v{{.CgroupVersion}}' 2>/dev/null || echo unknown)"
  printf -- '- Tugboat: %s\n' "$(git describe --always --dirty 2>/dev/null || echo unknown)"
  printf -- '- Settings: %s\n' "$([ -n "$FULL" ] && echo "each benchmark's defaults (FULL=1)" || echo "quick (scripts/bench/all.sh)")"
}

[ -f target/tugboat.jar ] || { log "building target/tugboat.jar"; mvn -B -q package -DskipTests; }

rows=$OUT/figures.tsv
: >"$rows"
failed=()
for entry in "${BENCHMARKS[@]}"; do
  IFS='|' read -r name quick full script <<<"$entry"
  selected "$name" || continue
  settings=$([ -n "$FULL" ] && echo "$full" || echo "$quick")
  log "$name: $settings scripts/bench/$script (load $(cut -d' ' -f1-3 /proc/loadavg))"
  started=$SECONDS
  # eval: the settings are shell words (SIZES='50 200').
  if eval "env $settings bash scripts/bench/$script" >"$OUT/$name.out" 2>"$OUT/$name.err"; then
    log "$name: done in $((SECONDS - started)) s"
  else
    log "$name: failed (exit $?) after $((SECONDS - started)) s; see $OUT/$name.err"
    failed+=("$name")
  fi
  grep -h '^FIGURE	' "$OUT/$name.out" "$OUT/$name.err" | cut -f2- >>"$rows" || true
done

{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC'), load before $(cut -d' ' -f1-3 /proc/loadavg):"
  echo
  machine
  echo
  echo "| Figure | Tugboat | Baseline | Ratio | Target | Met |"
  echo "| --- | --- | --- | --- | --- | --- |"
  while IFS=$'\t' read -r figure tugboat baseline ratio target; do
    # a target without a unit is a ratio's; one with a unit (s, ms, MB, %) is Tugboat's own value
    judged=$tugboat
    if [ "$ratio" != - ] && [[ $target =~ ^[\<\>=\ ]*[0-9.]+$ ]]; then judged=$ratio; fi
    printf '| %s | %s | %s | %s | %s | %s |\n' "$figure" "$tugboat" "$baseline" "$ratio" "$target" \
      "$([ "$target" = - ] && echo - || met "$judged" "$target")"
  done <"$rows"
  for name in "${failed[@]}"; do
    printf '| %s | failed: see %s/%s.err | | | | no |\n' "$name" "$OUT" "$name"
  done
} | tee "$OUT/table.md"
log "each benchmark's output: $OUT"
[ ${#failed[@]} = 0 ]
