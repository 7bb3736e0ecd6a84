/**
 * Finds the Electron executable WITHOUT requiring the `electron` package (requiring it starts a
 * download when the binary is missing). Mirrors the package's own lookup: ELECTRON_OVERRIDE_DIST_PATH,
 * else node_modules/electron/dist/<path.txt>.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SKIP_MESSAGE = 'SKIPPED: no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH)';

const PLATFORM_EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

export function findElectronBinary(): string | null {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : (PLATFORM_EXECUTABLE[process.platform] ?? 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, relative) : existsSync(pathFile) ? join(packageDir, 'dist', relative) : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

// `tsx tests/electron/support/electron-binary.ts` prints the path, or fails: used by scripts/electron-tests.sh.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const binary = findElectronBinary();
  if (binary) process.stdout.write(`${binary}\n`);
  else process.exit(1);
}
