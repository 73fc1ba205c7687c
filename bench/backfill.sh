#!/usr/bin/env bash
# Benchmark: autosync:backfill's core on the emulator (history older than the pipe, bulk COPY in FILES batches,
# then the task), beside DuckDB's read_json of the same files (the ingest baseline), same run.
# Usage: bench/backfill.sh [events] [files]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -q -o test-compile -Dinvoker.skip
mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
SNOWFLAKE_DISABLE_MINICORE=true exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
  dev.autosync.bench.BackfillBenchmark "${1:-1000000}" "${2:-1000}"
