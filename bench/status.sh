#!/usr/bin/env bash
# Benchmark: status (collect, JSON, HTML) with 10,000 load-history entries beside an empty history, same run.
# Usage: bench/status.sh [files]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -q -o test-compile -Dinvoker.skip
mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
SNOWFLAKE_DISABLE_MINICORE=true exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
  dev.autosync.bench.StatusBenchmark "${1:-10000}"
