#!/usr/bin/env bash
# What a daemon's start spends reading the kept journals back into the API's event list (so event
# ids and texts are the same as before the restart): RUNS journals (default 20, what rotation
# keeps) of LINES lines each (default 70), once in a new JVM as at a start, then warm.
#   scripts/bench/event-read-back.sh [RUNS] [LINES]
set -euo pipefail
cd "$(dirname "$0")/../.."
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$classpath_file" >/dev/null
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
java -Xms32m -XX:+UseSerialGC -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
  dev.tugboat.daemon.EventReadBackBenchmark "${1:-20}" "${2:-70}"
