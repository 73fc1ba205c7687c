#!/usr/bin/env bash
# Benchmark: deploy (first and no-op) and e2e (samples, 10x and 100x the sample events) on the
# emulator, in one run, from the sample project. Installs this checkout's plugin first.
# Usage: bench/deploy-and-e2e.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
install_plugin
work=$(mktemp -d)
cp -r "$root/samples/district" "$work/district"
cd "$work/district"
# 10x and 100x: copies of the attendance, grades and student samples with distinct ids and keys
python3 - "$root/samples/events" "$work" <<'PY'
import json, sys, pathlib
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for factor in (10, 100):
    d = out / f"x{factor}"; d.mkdir()
    for name in ("attendance", "grades", "students"):
        lines = (src / f"{name}_sample.json").read_text().strip()
        recs = json.loads(lines) if lines.startswith("[") else [json.loads(l) for l in lines.splitlines()]
        with open(d / f"{name}_x{factor}.json", "w") as f:
            for i in range(factor - 1):
                for r in recs:
                    r = dict(r); r["event_id"] = f"{r['event_id']}-c{i}"
                    if "student_id" in r: r["student_id"] = f"{r['student_id']}-c{i}"
                    f.write(json.dumps(r) + "\n")
PY
t() { local s=$(date +%s%N); "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; echo $(( ($(date +%s%N) - s) / 1000000 )); }
step "$mvnw" -B -q validate   # resolves the sample project's plugins online once
first=$(t "$mvnw" -B -o verify -Dautosync.e2e.skip=true); d1=$(grep -o '[0-9]* statement(s) in [0-9.]* s' "$work/last.log")
noop=$(t "$mvnw" -B -o verify -Dautosync.e2e.skip=true); d2=$(grep -o '[0-9]* statement(s) in [0-9.]* s' "$work/last.log")
e1=$(t "$mvnw" -B -o verify); s1=$(grep -o 'passed, [0-9]* failed, [0-9]* skipped in [0-9.]* s' "$work/last.log" | grep -o '[0-9.]* s$')
f10=$(ls "$work"/x10/*.json | paste -sd, -); f100=$(ls "$work"/x100/*.json | paste -sd, -)
e10=$(t "$mvnw" -B -o verify -Dautosync.e2e.files="$f10"); s10=$(grep -o 'skipped in [0-9.]* s' "$work/last.log" | grep -o '[0-9.]* s$')
e100=$(t "$mvnw" -B -o verify -Dautosync.e2e.files="$f100"); s100=$(grep -o 'skipped in [0-9.]* s' "$work/last.log" | grep -o '[0-9.]* s$')
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "first deploy:  build ${first} ms; deploy ${d1}"
echo "no-op deploy:  build ${noop} ms; deploy ${d2}"
echo "e2e samples (21 events):    build ${e1} ms; e2e ${s1}"
echo "e2e 10x (210 events):       build ${e10} ms; e2e ${s10}"
echo "e2e 100x (2100 events):     build ${e100} ms; e2e ${s100}"
rm -rf "$work"
