#!/usr/bin/env bash
# Benchmark: status (collect, JSON, HTML) with 10,000 load-history entries beside an empty history, same run.
# Usage: bench/status.sh [files]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_classpath
run_java dev.autosync.bench.StatusBenchmark "${1:-10000}"
