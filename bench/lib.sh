# Shared by the bench scripts (sourced). Each step resolves what it needs from Maven Central on first
# use (no -o: a fresh machine's local repository has no dependency plugin) and, when it fails, prints
# Maven's output and stops, instead of failing silently with the output thrown away.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mvnw="$root/mvnw"
dependency_plugin=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

# Runs a build step quietly; on failure shows what Maven said and exits.
step() {
  local log; log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    echo "bench: failed: $*" >&2; cat "$log" >&2; rm -f "$log"; exit 1
  fi
  rm -f "$log"
}

# Whether the file $1 exists and none of the paths after it (searched whole) was changed after it.
up_to_date() {
  local stamp=$1; shift
  [ -e "$stamp" ] && [ -z "$(find "$@" -newer "$stamp" -print -quit)" ]
}

# Compiles main and test classes and writes the test class path to target/bench.cp. Each Maven step
# (about 40 s on a loaded machine) is skipped when its output is newer than its inputs: the classes
# (stamp target/bench.compiled, taken when test-compile starts) than src/ and pom.xml, the class
# path (target/bench.cp) than pom.xml.
bench_classpath() {
  local stamp="$root/target/bench.compiled"
  if up_to_date "$stamp" "$root/src" "$root/pom.xml" && [ -d "$root/target/classes" ] && [ -d "$root/target/test-classes" ]; then
    echo "bench: classes up to date with src/ and pom.xml, not compiling" >&2
  else
    rm -f "$stamp"
    mkdir -p "$root/target" && touch "$stamp.new"
    step "$mvnw" -B -q -f "$root/pom.xml" test-compile -Dinvoker.skip
    mv "$stamp.new" "$stamp"
  fi
  if [ -s "$root/target/bench.cp" ] && up_to_date "$root/target/bench.cp" "$root/pom.xml"; then
    echo "bench: target/bench.cp up to date with pom.xml, not resolving it again" >&2
  else
    rm -f "$root/target/bench.cp"
    step "$mvnw" -B -q -f "$root/pom.xml" "$dependency_plugin:build-classpath" \
      -Dmdep.outputFile="$root/target/bench.cp" -Dmdep.includeScope=test
  fi
  [ -s "$root/target/bench.cp" ] || { echo "bench: no class path written to target/bench.cp" >&2; exit 1; }
}

# Installs this checkout's plugin into the local repository, for the scripts that run the sample project.
install_plugin() {
  step "$mvnw" -B -q -f "$root/pom.xml" install -DskipTests -Dinvoker.skip
}

# Runs a Java benchmark class with the class path bench_classpath wrote. java.nio is opened so that
# snowflake-jdbc can decode ARROW results (and the emulator sends them; without it, JSON).
run_java() {
  SNOWFLAKE_DISABLE_MINICORE=true exec java -Xmx2g --add-opens=java.base/java.nio=ALL-UNNAMED \
    -cp "$root/target/classes:$root/target/test-classes:$(cat "$root/target/bench.cp")" "$@"
}
