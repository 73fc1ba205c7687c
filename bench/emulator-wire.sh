#!/usr/bin/env bash
# Benchmark: the emulator through snowflake-jdbc beside DuckDB over plain JDBC, same data, same run.
# Usage: bench/emulator-wire.sh [rows]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_classpath
run_java dev.autosync.bench.WireBenchmark "${1:-1000000}"
