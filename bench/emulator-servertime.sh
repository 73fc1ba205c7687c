#!/usr/bin/env bash
# Benchmark: what the emulator itself spends on a query-request, without the driver: the server in process, one
# raw keep-alive socket per result format (ARROW, JSON), in turn; wall per request and the server thread's CPU.
# Usage: bench/emulator-servertime.sh [requests] [sql]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_classpath
run_java dev.autosync.bench.ServerTimeBenchmark "${1:-3000}" "${2:-SELECT 1}"
