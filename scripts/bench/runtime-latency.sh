#!/usr/bin/env bash
# Times create, copy-a-file-in, start, inspect, exec and remove through DockerRuntime on the busybox
# test image: N runs (argument, default 20) after one warm-up, prints median and p90 per call in ms.
# Needs the engine and tugboat-test/busybox:1 (scripts/build-images.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test-compile
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$classpath_file" >/dev/null
java -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
  dev.tugboat.runtime.docker.RuntimeLatencyBenchmark "$@"
