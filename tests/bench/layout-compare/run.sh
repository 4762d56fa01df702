#!/usr/bin/env bash
# Times topograph-layout against d3-flextree on the same 100k-card chart; prints one JSON line.
# Extra arguments go to compare.mjs (e.g. --runs 25).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$here"
npm ci --no-audit --no-fund --silent
if [ -z "${LAYOUT_DUMP_BIN:-}" ]; then
  # Build once up front so compiling is never part of a timing.
  cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p topograph-layout --example dump_tree
  target="$(cargo metadata --format-version 1 --no-deps --manifest-path "$root/Cargo.toml" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
  export LAYOUT_DUMP_BIN="$target/release/examples/dump_tree"
fi
node compare.mjs "$@"
