#!/usr/bin/env bash
# The crash tests at bench size: 1,000 SIGKILLs into a stream of edits and 1,000 into file
# creation (make test runs 50 of each). Usage: tests/bench/crash.sh [trials]
set -euo pipefail
cd "$(dirname "$0")/../.."
TOPOGRAPH_CRASH_TRIALS="${1:-1000}" cargo test --release -p topograph-document --test crash -- --nocapture --test-threads=1
