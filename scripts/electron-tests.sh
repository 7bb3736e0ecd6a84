#!/usr/bin/env bash
# The Electron suite (tests/electron, Playwright `_electron`): builds out/ with electron-vite and runs
# the studio in the real Electron binary against a real relay. Main-process logic is unit-tested by
# vitest (tests/unit/electron), which `npm test` runs separately.
#
# Without a binary (this machine cannot download one) the suite is SKIPPED, loudly, never faked:
# point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron 45 (the folder holding the executable).
set -euo pipefail
cd "$(dirname "$0")/.."

banner() { printf '\n\033[1;33m%s\n%s\n%s\033[0m\n\n' '********************************************************************' "$1" '********************************************************************'; }

# The build needs no binary: always build and check what a sandboxed preload may load.
npm run --silent build:electron >/dev/null
npx --no-install tsx tests/electron/support/check-bundle.ts

# Fetches the binary through the electron package's own installer when it is missing (prints why when it cannot).
if ! binary="$(npx --no-install tsx tests/electron/support/electron-binary.ts)"; then
  banner "SKIPPED: no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH, or give this machine network access to download it)"
  # Still load the specs, so a broken spec file fails here rather than on the first machine with a binary.
  npx playwright test --config playwright.electron.config.ts --list >/dev/null
  exit 0
fi

echo "Electron binary: ${binary}"

run=(npx playwright test --config playwright.electron.config.ts "$@")
if [[ "$(uname)" == "Linux" && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  if command -v xvfb-run >/dev/null; then
    run=(xvfb-run --auto-servernum --server-args='-screen 0 1920x1080x24' "${run[@]}")
  else
    banner "No display and no xvfb-run: Electron cannot open a window here"
    exit 1
  fi
fi
"${run[@]}"
