#!/usr/bin/env bash
# Measures the emulator on Snowflake's documented examples (src/test/resources/docs-examples) through
# snowflake-jdbc: prints cases and passes per area and writes target/docs-examples/report.md.
# Not part of 'mvn verify' (the ratchet there is DocExamplesTest). Usage: compat/doc-examples.sh [report dir]
set -euo pipefail
cd "$(dirname "$0")/.."
report_dir="${1:-target/docs-examples}"
classpath_file=target/compat-classpath.txt
mkdir -p target

# Compile the tests and write the test class path when any source or the POM changed since the last run:
# offline first (fast), online when something is missing from the local repository.
if [[ ! -s "$classpath_file" || -n "$(find pom.xml src/main src/test/java -newer "$classpath_file" -print -quit)" ]]; then
  build=(-B -q test-compile dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test)
  if ! mvn -o "${build[@]}" >target/compat-build.log 2>&1 && ! mvn "${build[@]}" >target/compat-build.log 2>&1; then
    rm -f "$classpath_file"
    echo "doc-examples: building the tests failed; see target/compat-build.log:" >&2
    tail -n 30 target/compat-build.log >&2
    exit 1
  fi
  touch "$classpath_file"
fi
# The corpus is read from src/test/resources first, so edited pages need no rebuild.
exec java ${DOCS_ONLY:+-Ddocs.examples.only=$DOCS_ONLY} -DSNOWFLAKE_DISABLE_MINICORE=true \
  -cp "src/test/resources:target/test-classes:target/classes:$(cat "$classpath_file")" \
  dev.autosync.compat.DocExamplesMain "$report_dir"
