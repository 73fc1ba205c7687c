#!/usr/bin/env bash
# Measures the emulator on Snowflake's documented examples (src/test/resources/docs-examples) through
# snowflake-jdbc: prints cases and passes per area and writes target/docs-examples/report.md.
# Not part of 'mvn verify' (the ratchet there is DocExamplesTest). Usage: compat/doc-examples.sh [report dir]
set -euo pipefail
cd "$(dirname "$0")/.."
report_dir="${1:-target/docs-examples}"
classpath_file=target/compat-classpath.txt

# Compile the tests and write the test class path; offline first (fast), online when something is missing.
build=(-B -q test-compile dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test)
if ! mvn -o "${build[@]}" >target/compat-build.log 2>&1 && ! mvn "${build[@]}" >target/compat-build.log 2>&1; then
  echo "doc-examples: building the tests failed; see target/compat-build.log:" >&2
  tail -n 30 target/compat-build.log >&2
  exit 1
fi
exec java -DSNOWFLAKE_DISABLE_MINICORE=true -Dnet.snowflake.jdbc.ocspResponseCacheDir=target/snowflake-cache \
  -cp "target/test-classes:target/classes:$(cat "$classpath_file")" dev.autosync.compat.DocExamplesMain "$report_dir"
