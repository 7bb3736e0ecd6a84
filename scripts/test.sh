#!/usr/bin/env bash
# The whole suite, as `npm test` runs it: lint, typecheck, unit + relay (vitest, real MariaDB and SQLite),
# browser end-to-end (Chromium, real WebRTC on loopback) and the Electron suite where a binary exists.
# Every step runs even when an earlier one failed; the exit status is non-zero if any failed, and the last
# line counts the tests of every runner.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/vitest.json test-results/e2e.json

failed=()
step() {
  local name="$1"; shift
  printf '\n\033[1m== %s ==\033[0m\n' "$name"
  "$@" || failed+=("$name")
}

step "lint" npm run --silent lint
step "typecheck" npm run --silent typecheck
step "unit and relay tests (vitest)" npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
step "browser end-to-end (Chromium)" env PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/e2e.json bash scripts/e2e.sh --reporter=list,json
step "electron" bash scripts/electron-tests.sh

printf '\n\033[1m== summary ==\033[0m\n'
summary_ok=0
npx --no-install tsx scripts/summarize-tests.ts test-results/e2e.json || summary_ok=1
if [ "${#failed[@]}" -gt 0 ]; then
  echo "failed steps: ${failed[*]}"
  exit 1
fi
exit "$summary_ok"
