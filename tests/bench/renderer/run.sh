#!/usr/bin/env bash
# Installs the pinned bench dependencies and runs the renderer benchmark; extra arguments go to run.mjs.
set -euo pipefail
cd "$(dirname "$0")"
[ -x /usr/bin/chromium ] || { echo "needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)" >&2; exit 2; }
# Quiet on success so stdout is just the JSON line; the log is shown when install fails.
npm ci --no-audit --no-fund > .npm-ci.log 2>&1 || { cat .npm-ci.log >&2; exit 2; }
exec node run.mjs "$@"
