#!/usr/bin/env bash
# Checks that the product carries no test hooks or demo code (issue 15), `make release-check`:
#  1. builds the UI twice into temporary folders, as the product (`vite build`) and as the build made for tests
#     (`vite build --mode e2e`), and greps both: each marker below must be in the test build (so the list is not
#     stale) and in none of the product's files;
#  2. greps the app binary built WITHOUT the `e2e` feature (argument 1, default target/debug/topograph-app; make
#     builds a debug binary, as a release build of the Tauri stack takes too long on two cores) and the CLI built
#     beside it (argument 2, default topograph next to the app, skipped when missing) for the test strings, each of
#     which must still be in src-tauri/src/e2e.rs or topograph-api's trace.rs (feature `e2e-trace`).
# Run from anywhere; needs ui/node_modules.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
APP_BIN="$(realpath -m "${1:-$ROOT/target/debug/topograph-app}")"
CLI_BIN="$(realpath -m "${2:-$(dirname "$APP_BIN")/topograph}")"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

# In the UI's testing/ modules only: the accessor, its marker, its save preset, the demo's help text and a demo name.
UI_MARKERS=("__topographTest" "__TOPOGRAPH_E2E__" "presetSavePath" "hold Shift for a dotted line; Esc cancels" "Van der Berg-Oliveira")
# In the test support only: the launch variable (in the marker's name too), the plugin's name, the stage timings.
SHELL_MARKERS=("TOPOGRAPH_E2E" "topograph-e2e" "topograph-e2e-")
SHELL_SOURCES=("$ROOT/src-tauri/src/e2e.rs" "$ROOT/crates/api/src/trace.rs")

fail=0
cd "$ROOT/ui"
npx vite build --logLevel error --outDir "$OUT/product" --emptyOutDir
npx vite build --logLevel error --mode e2e --outDir "$OUT/tests" --emptyOutDir
ui_fail=0
for m in "${UI_MARKERS[@]}"; do
  if ! grep -rqF -- "$m" "$OUT/tests"; then
    echo "release-check: \"$m\" is not in the build made for tests either: update UI_MARKERS" >&2
    ui_fail=1
  fi
  if hits="$(grep -rlF -- "$m" "$OUT/product")"; then
    echo "release-check: the product UI bundle contains \"$m\" (test or demo code): $hits" >&2
    ui_fail=1
  fi
done
[ "$ui_fail" = 0 ] && echo "release-check: UI bundle: ${#UI_MARKERS[@]} markers in the test build, none in the product ($(find "$OUT/product" -type f | wc -l) files)"
fail=$ui_fail

[ -f "$APP_BIN" ] || { echo "release-check: no app binary at $APP_BIN" >&2; exit 1; }
BINS=("$APP_BIN")
[ -f "$CLI_BIN" ] && BINS+=("$CLI_BIN")
for m in "${SHELL_MARKERS[@]}"; do
  if ! grep -qF -- "$m" "${SHELL_SOURCES[@]}"; then
    echo "release-check: \"$m\" is no longer in ${SHELL_SOURCES[*]}: update SHELL_MARKERS" >&2
    fail=2
  fi
  for bin in "${BINS[@]}"; do
    if grep -qaF -- "$m" "$bin"; then
      echo "release-check: $bin contains \"$m\": was it built with the e2e feature?" >&2
      fail=2
    fi
  done
done
[ "$fail" != 2 ] && echo "release-check: binaries: none of ${#SHELL_MARKERS[@]} test markers in ${BINS[*]}"
[ "$fail" = 0 ]
