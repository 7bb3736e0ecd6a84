/**
 * The Electron executable for the `_electron` suite: the same lookup and fetch as `npm start`
 * (scripts/electron/binary.ts). Finding never downloads; only the CLI below (the test step) does.
 */
import { fileURLToPath } from 'node:url';
import { ensureElectronHere, findElectronBinary as find } from '../../../scripts/electron/binary.js';

export const SKIP_MESSAGE = 'SKIPPED: no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH, or let the test step download it)';

export function findElectronBinary(): string | null {
  return find();
}

// `tsx tests/electron/support/electron-binary.ts` fetches the binary when missing, then prints its path
// or fails with the one-sentence reason on stderr: used by scripts/electron-tests.sh.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void ensureElectronHere((line) => process.stderr.write(`${line}\n`)).then((outcome) => {
    if (outcome.kind === 'unavailable') {
      process.stderr.write(`${outcome.reason}.\n`);
      process.exit(1);
    }
    process.stdout.write(`${outcome.binary}\n`);
  });
}
