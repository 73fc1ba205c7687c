#!/usr/bin/env bash
# Benchmark: snowflake-jdbc's CPU per column type reading the emulator's ARROW results (see DriverColumnsBenchmark).
# Usage: bench/emulator-wire-columns.sh [rows] [reads]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_classpath
run_java dev.autosync.bench.DriverColumnsBenchmark "${1:-1000000}" "${2:-3}"
