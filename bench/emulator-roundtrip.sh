#!/usr/bin/env bash
# Benchmark: SELECT 1 round trips through snowflake-jdbc, the emulator in a JVM of its own, beside the
# driver's floor (a server answering canned bytes) and DuckDB over its own JDBC driver, in the same run.
# Usage: bench/emulator-roundtrip.sh [rounds [warm-up rounds, default 10000: the emulator JIT-compiles for ~45 s]];
# EMULATOR_JAVA_OPTS adds JVM options to the emulator's JVM.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_classpath
run_java dev.autosync.bench.RoundTripBenchmark "${1:-1000}" "${2:-10000}"
