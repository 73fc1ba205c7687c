#!/usr/bin/env bash
# Reproducible build check: builds the committed HEAD twice, in two different folders, and requires
# byte-identical plugin, sources and javadoc jars. project.build.outputTimestamp in pom.xml fixes
# every archive time; anything else that leaks in (a build time, a path, an unstable order) fails
# here, with the differing entries listed.
# Usage: scripts/check-reproducible.sh   (MVN=mvn to use an installed Maven instead of ./mvnw)
# Takes about two package builds without tests (about 3 minutes on 2 cores).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mvn=${MVN:-$root/mvnw}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

commit=$(git -C "$root" rev-parse --short HEAD)
if [ -n "$(git -C "$root" status --porcelain --untracked-files=no)" ]; then
  echo "note: uncommitted changes are not part of this check; it builds commit $commit"
fi

for build in first second; do
  mkdir -p "$work/$build"
  git -C "$root" archive HEAD | tar -x -C "$work/$build"
  echo "Building $commit in $work/$build ..."
  (cd "$work/$build" && "$mvn" -B -q package -DskipTests -Dinvoker.skip) > "$work/$build.log" 2>&1 || {
    cat "$work/$build.log"; echo "FAILED: the $build build of $commit did not build (log above)"; exit 1; }
done

jars=$(cd "$work/first/target" && ls -- *.jar 2>/dev/null || true)
[ -n "$jars" ] || { echo "FAILED: the build made no jar"; exit 1; }
failed=0
for jar in $jars; do
  if cmp -s "$work/first/target/$jar" "$work/second/target/$jar"; then
    echo "identical: $jar ($(sha256sum < "$work/first/target/$jar" | cut -c1-16))"
  else
    failed=1
    echo "DIFFERENT: $jar; entries that differ (size, CRC, time):"
    diff <(unzip -lv "$work/first/target/$jar" | sed '$d') <(unzip -lv "$work/second/target/$jar" | sed '$d') || true
  fi
done
if [ "$failed" = 1 ]; then
  echo "FAILED: two builds of $commit differ: see project.build.outputTimestamp in pom.xml and the entries above"
  exit 1
fi
echo "Reproducible: two builds of $commit produced byte-identical jars"
