#!/bin/sh
# Runs the Auto-Sync Status page locally with `streamlit run`, against the local emulator, so you see
# the page before deploying it. From the project folder, after `mvn verify` (render, deploy, e2e):
#   sh target/autosync/streamlit-local/run_local.sh
# It creates a Python environment beside this file (streamlit, pandas, altair; once), starts
# `mvn autosync:emulator` on port 8086 unless an emulator already answers there, and opens the app
# on http://localhost:8501. Ctrl-C stops both. Settings: AUTOSYNC_LOCAL_URL (another emulator),
# MVN (the Maven command, default mvn; ./mvnw works), PYTHON (default python3).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
app="$here/../streamlit"
url="${AUTOSYNC_LOCAL_URL:-http://127.0.0.1:8086}"
python="${PYTHON:-python3}"
command -v "$python" >/dev/null 2>&1 || { echo "The page needs Python 3.9+ as '$python' (python3-venv on Debian/Ubuntu)." >&2; exit 3; }
if [ ! -x "$here/venv/bin/streamlit" ]; then
  echo "Creating the Python environment in $here/venv"
  "$python" -m venv "$here/venv"
  "$here/venv/bin/python" -m pip install --quiet --disable-pip-version-check streamlit pandas altair
fi
emulator=""
if ! "$here/venv/bin/python" -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1] + '/session/heartbeat', b'{}', 2)" "$url" 2>/dev/null; then
  port="${url##*:}"
  echo "Starting the emulator on port $port (${MVN:-mvn} autosync:emulator)"
  (cd "$here/../../.." && exec ${MVN:-mvn} -q autosync:emulator -Dautosync.emulator.port="$port") &
  emulator=$!
  trap 'kill "$emulator" 2>/dev/null || true' EXIT INT TERM
  i=0
  until "$here/venv/bin/python" -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1] + '/session/heartbeat', b'{}', 2)" "$url" 2>/dev/null; do
    i=$((i + 1)); [ "$i" -lt 120 ] || { echo "The emulator did not start within 60 s." >&2; exit 1; }
    sleep 0.5
  done
fi
cd "$app"
AUTOSYNC_LOCAL_URL="$url" PYTHONPATH="$here" "$here/venv/bin/streamlit" run streamlit_app.py --browser.gatherUsageStats false
