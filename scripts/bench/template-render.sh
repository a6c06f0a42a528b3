#!/usr/bin/env bash
# Parses and renders all templates of a generated 500-container spec (argument: another container
# count) and prints ns per template and the total per spec, after warm-up. Target: the whole spec
# renders in under 50 ms.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test-compile
exec java -cp target/classes:target/test-classes dev.tugboat.template.TemplateRenderBenchmark "$@"
