#!/usr/bin/env bash
# Runs the Auto-Sync Status page's Python tests (AppTest) and its browser test against a running
# emulator. Called by StreamlitPageTest (mvn verify) after a real render, deploy and e2e; usable by
# hand with the same environment:
#   AUTOSYNC_APP_DIR   the render output folder (holds streamlit/ and streamlit-local/)
#   AUTOSYNC_LOCAL_URL the emulator, e.g. http://127.0.0.1:8086
#   AUTOSYNC_WORK_DIR  where the virtualenv, node modules and screenshots go (default target/streamlit-tests)
#   AUTOSYNC_BROWSER_TEST=false skips the browser test (it needs Debian's chromium and npm)
#   AUTOSYNC_PYTEST_TARGET     runs only these tests (a path under src/test/python, e.g. agreement/test_freshness_rule.py)
# The virtualenv and node modules are kept between runs and rebuilt when their requirements change.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
work="${AUTOSYNC_WORK_DIR:-$repo/target/streamlit-tests}"
mkdir -p "$work"

python="${AUTOSYNC_PYTHON:-python3}"
if ! command -v "$python" >/dev/null 2>&1; then
  echo "The Streamlit page tests need Python 3.9 or newer as '$python' (python3-venv on Debian/Ubuntu); install it, or set AUTOSYNC_PYTHON." >&2
  exit 3
fi
venv="$work/venv"
stamp="$(cat "$here/requirements.txt" | sha256sum | cut -c1-16)"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.autosync-requirements" 2>/dev/null)" != "$stamp" ]; then
  echo "Creating the Python environment in $venv"
  rm -rf "$venv"
  "$python" -m venv "$venv"
  # no retries by default: where only a local index answers (pip.conf), each retry of an unreachable
  # index costs seconds per package (6 minutes against 40 s here); AUTOSYNC_PIP_RETRIES=5 restores pip's default
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --retries "${AUTOSYNC_PIP_RETRIES:-0}" \
    -r "$here/requirements.txt"
  echo "$stamp" > "$venv/.autosync-requirements"
fi

if [ -n "${AUTOSYNC_PYTEST_TARGET:-}" ]; then
  # one set of tests (agreement/...: the page against status, run by their own JUnit tests)
  echo "Running $AUTOSYNC_PYTEST_TARGET"
  "$venv/bin/python" -m pytest -q -p no:cacheprovider "$here/$AUTOSYNC_PYTEST_TARGET" -W ignore::DeprecationWarning
else
  echo "Running the page's AppTest tests"
  "$venv/bin/python" -m pytest -q -p no:cacheprovider "$here" --ignore="$here/agreement" -W ignore::DeprecationWarning
fi

if [ "${AUTOSYNC_BROWSER_TEST:-true}" = "false" ]; then
  echo "Browser test skipped (AUTOSYNC_BROWSER_TEST=false)"
  exit 0
fi
chromium="${AUTOSYNC_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    apt-get install -y -q chromium >/dev/null
  else
    echo "The browser test needs Debian's chromium at $chromium (apt-get install chromium), or AUTOSYNC_CHROMIUM." >&2
    exit 4
  fi
fi
node_dir="$work/browser"
mkdir -p "$node_dir"
if ! cmp -s "$here/browser/package-lock.json" "$node_dir/package-lock.json" || [ ! -d "$node_dir/node_modules/playwright-core" ]; then
  cp "$here/browser/package.json" "$here/browser/package-lock.json" "$node_dir/"
  (cd "$node_dir" && npm ci --silent --no-audit --no-fund)
fi
port="$("$venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
log="$work/streamlit-run.log"
(cd "$AUTOSYNC_APP_DIR/streamlit" && PYTHONPATH="$AUTOSYNC_APP_DIR/streamlit-local" exec "$venv/bin/streamlit" run streamlit_app.py \
   --server.headless true --server.address 127.0.0.1 --server.port "$port" --browser.gatherUsageStats false \
   --server.fileWatcherType none > "$log" 2>&1) &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
echo "Running the browser test against streamlit run on port $port"
NODE_PATH="$node_dir/node_modules" AUTOSYNC_CHROMIUM="$chromium" AUTOSYNC_PAGE_URL="http://127.0.0.1:$port" \
  AUTOSYNC_SCREENSHOTS="$work/screenshots" AUTOSYNC_UPLOAD_FILE="$AUTOSYNC_APP_DIR/streamlit/samples/students_sample.json" \
  node "$here/browser/status-page.test.mjs" || { echo "streamlit run log:"; tail -40 "$log"; exit 1; }
