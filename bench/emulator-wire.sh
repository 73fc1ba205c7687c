#!/usr/bin/env bash
# Benchmark: the emulator through snowflake-jdbc beside DuckDB over plain JDBC, same data, same run.
# Usage: bench/emulator-wire.sh [rows]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -q -o test-compile -Dinvoker.skip
mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
SNOWFLAKE_DISABLE_MINICORE=true exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
  dev.autosync.bench.WireBenchmark "${1:-1000000}"
