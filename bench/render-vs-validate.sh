#!/usr/bin/env bash
# Benchmark: wall time of `render` against a bare `mvn validate` of the same project, measured in
# one run, alternating, so the ratio is what counts. Installs this checkout's plugin first.
# Usage: bench/render-vs-validate.sh [runs]
set -euo pipefail
runs=${1:-7}
source "$(dirname "$0")/lib.sh"
install_plugin
work=$(mktemp -d)
cp -r "$root/samples/district" "$work/district"
cd "$work/district"
ms() { local s=$(date +%s%N); "$@" >/dev/null; echo $(( ($(date +%s%N) - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
step "$mvnw" -B -q generate-resources   # resolves online once, warms the file cache
v=(); c=(); u=()
for i in $(seq "$runs"); do
  v+=("$(ms "$mvnw" -q -o validate)")
  rm -rf target
  c+=("$(ms "$mvnw" -q -o generate-resources)")
  u+=("$(ms "$mvnw" -q -o generate-resources)")
done
mv_=$(printf '%s\n' "${v[@]}" | median); mc=$(printf '%s\n' "${c[@]}" | median); mu=$(printf '%s\n' "${u[@]}" | median)
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $("$mvnw" -v | head -1 | sed "s/\x1b\[[0-9;]*m//g")"
echo "runs: $runs (medians, ms)"
echo "mvn validate (baseline):               $mv_"
echo "mvn generate-resources, clean render:   $mc  ratio $(awk "BEGIN {printf \"%.2f\", $mc/$mv_}")"
echo "mvn generate-resources, up to date:     $mu  ratio $(awk "BEGIN {printf \"%.2f\", $mu/$mv_}")"
rm -rf "$work"
