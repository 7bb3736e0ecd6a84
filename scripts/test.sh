#!/usr/bin/env bash
# The whole suite, as `npm test` runs it: lint, typecheck, unit + relay (vitest, real MariaDB and SQLite),
# browser end-to-end (Chromium, real WebRTC on loopback) and the Electron suite where a binary exists.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; }

step "lint"
npm run --silent lint
step "typecheck"
npm run --silent typecheck
step "unit and relay tests (vitest)"
npx vitest run
step "browser end-to-end (Chromium)"
bash scripts/e2e.sh
step "electron"
bash scripts/electron-tests.sh
