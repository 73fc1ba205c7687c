#!/usr/bin/env bash
# Benchmark: attendance events from bucket files to normalised rows on the emulator, beside DuckDB's
# read_json of the same files, same run; plus peak resident memory.
# Usage: bench/emulator-ingest.sh [events] [files]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_classpath
run_java dev.autosync.bench.IngestBenchmark "${1:-1000000}" "${2:-100}"
