#!/usr/bin/env bash
# Appends per second to the run journal (FileJournal) with no sync, a sync after each append and a
# sync after each batch of 5, each beside a plain FileOutputStream writing the same lines with the
# same syncs, and the ratio. Argument: seconds per measurement (default 1.5; 14 measurements with
# the warm-up). The files go to $TMPDIR (default /tmp): point it at the state disk to measure that.
set -euo pipefail
cd "$(dirname "$0")/../.."
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$classpath_file" >/dev/null
java -Djava.io.tmpdir="${TMPDIR:-/tmp}" -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
  dev.tugboat.events.JournalAppendBenchmark "${1:-1.5}"
