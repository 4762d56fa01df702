#!/usr/bin/env bash
# Installs the pinned bench dependencies and runs the renderer benchmark; extra arguments go to run.mjs.
set -euo pipefail
cd "$(dirname "$0")"
[ -x /usr/bin/chromium ] || { echo "needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)" >&2; exit 2; }
npm ci --no-audit --no-fund >/dev/null
exec node run.mjs "$@"
