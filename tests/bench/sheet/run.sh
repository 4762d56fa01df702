#!/usr/bin/env bash
# Installs the renderer bench's pinned packages (shared) and runs the sheet benchmark; extra arguments go to run.mjs.
set -euo pipefail
cd "$(dirname "$0")"
[ -x /usr/bin/chromium ] || { echo "needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)" >&2; exit 2; }
(cd ../renderer && npm ci --no-audit --no-fund > .npm-ci.log 2>&1) || { cat ../renderer/.npm-ci.log >&2; exit 2; }
exec node run.mjs "$@"
