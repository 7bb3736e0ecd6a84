#!/usr/bin/env bash
# Browser end-to-end suite (Playwright project `e2e`, real Chromium, real WebRTC on loopback).
# As root where `unshare -n` works, the run gets its own network namespace with only loopback, so
# nothing can reach (or depend on) the outside network. Otherwise it runs directly, with a note.
# Extra arguments go to `playwright test` (e.g. a file or -g "pattern").
set -euo pipefail
cd "$(dirname "$0")/.."

run() { npx playwright test --project=e2e "$@"; }

if [ "$(id -u)" = "0" ] && command -v unshare >/dev/null && unshare -n true 2>/dev/null; then
  echo "e2e: isolated network namespace (loopback only)"
  exec unshare -n bash -c 'ip link set lo up && npx playwright test --project=e2e "$@"' e2e "$@"
else
  echo "!!! e2e: NOT isolated: running without a private network namespace (need root and unshare -n)." >&2
  echo "!!! e2e: the tests only use loopback, but nothing stops them from touching the network." >&2
  run "$@"
fi
