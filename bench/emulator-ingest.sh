#!/usr/bin/env bash
# Benchmark: attendance events from bucket files to normalised rows on the emulator, beside DuckDB's
# read_json of the same files, same run; plus peak resident memory.
# Usage: bench/emulator-ingest.sh [events] [files]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -q -o test-compile -Dinvoker.skip
mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
SNOWFLAKE_DISABLE_MINICORE=true exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
  dev.autosync.bench.IngestBenchmark "${1:-1000000}" "${2:-100}"
