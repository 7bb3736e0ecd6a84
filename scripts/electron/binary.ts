/**
 * Where the Electron executable is, and fetching it when it is missing.
 *
 * Since Electron 42 the `electron` package has no postinstall step: its binary is downloaded by the
 * package's own installer (`install.js`, also `npx install-electron`) or on the first
 * `require('electron')`. We never `require` it (that would download behind the user's back, with no
 * message); `npm start` and the Electron test step call `ensureElectron`, which says what it does.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The Node.js version the Electron 45 installer (@electron/get 5) and `engines` ask for. */
export const DESKTOP_NODE_MIN = '22.12.0';
export const DOWNLOADING_LINE = 'Downloading Electron (≈100 MB, once; kept in node_modules/electron/dist)…';

const PLATFORM_EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/** node_modules/electron, or null when the package is not installed. */
export function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * The executable when it is on disk. Mirrors the package's own lookup (index.js):
 * ELECTRON_OVERRIDE_DIST_PATH, else node_modules/electron/dist/<path.txt>.
 */
export function findElectronBinary(
  packageDir: string | null = electronPackageDir(),
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | null {
  if (!packageDir) return null;
  const pathFile = join(packageDir, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? join(override, recorded ?? PLATFORM_EXECUTABLE[platform] ?? 'electron')
    : recorded
      ? join(packageDir, 'dist', recorded)
      : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

/** `a.b.c` ≥ `min`? */
export function nodeAtLeast(version: string, min: string = DESKTOP_NODE_MIN): boolean {
  const parse = (v: string): number[] => v.replace(/^v/, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
  const [a, b] = [parse(version), parse(min)];
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

export type InstallResult = { ok: true } | { ok: false; error: string };

export interface EnsureElectronDeps {
  /** The executable when present (findElectronBinary). */
  find: () => string | null;
  /** Runs the electron package's own installer. */
  install: () => Promise<InstallResult>;
  /** One line for the person running the command. */
  say: (line: string) => void;
  /** process.versions.node */
  nodeVersion: string;
  /** ELECTRON_OVERRIDE_DIST_PATH: a folder chosen by hand is never downloaded into. */
  overrideDir?: string | undefined;
}

export type EnsureOutcome =
  | { kind: 'present'; binary: string }
  | { kind: 'downloaded'; binary: string }
  | { kind: 'unavailable'; reason: string };

/**
 * Present → use it. Missing → say so and run the installer once. Installed → use it; failed (no
 * network, a proxy, an old Node) → one sentence why, and the caller falls back to the web studio.
 */
export async function ensureElectron(deps: EnsureElectronDeps): Promise<EnsureOutcome> {
  const present = deps.find();
  if (present) return { kind: 'present', binary: present };
  if (deps.overrideDir) {
    return { kind: 'unavailable', reason: `ELECTRON_OVERRIDE_DIST_PATH (${deps.overrideDir}) holds no Electron executable` };
  }
  deps.say(DOWNLOADING_LINE);
  const result = await deps.install();
  const binary = result.ok ? deps.find() : null;
  if (binary) return { kind: 'downloaded', binary };
  const why = result.ok ? 'the installer finished but left no executable' : result.error;
  const oldNode = nodeAtLeast(deps.nodeVersion) ? '' : ` (the installer needs Node.js ${DESKTOP_NODE_MIN} or newer; this is ${deps.nodeVersion})`;
  return { kind: 'unavailable', reason: `Electron could not be downloaded: ${why}${oldNode}` };
}

/** The last meaningful line an installer printed: "TypeError: fetch failed", "RequestError: …". */
export function summarizeInstallError(output: string, exitCode: number | null): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '));
  const errorLine = lines.find((l) => /error/i.test(l)) ?? lines[lines.length - 1];
  return errorLine ?? `the installer exited with code ${exitCode ?? 'unknown'}`;
}

/** Runs node_modules/electron/install.js with this Node; its output is kept for the one-line reason. */
export function runElectronInstaller(packageDir: string | null = electronPackageDir()): Promise<InstallResult> {
  if (!packageDir) return Promise.resolve({ ok: false, error: 'the electron package is not installed (run npm ci)' });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageDir, 'install.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-8192);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (err) => resolve({ ok: false, error: err.message }));
    child.on('close', (code) => resolve(code === 0 ? { ok: true } : { ok: false, error: summarizeInstallError(output, code) }));
  });
}

/** The real wiring used by `npm start` and the Electron test step. */
export function ensureElectronHere(say: (line: string) => void = (line) => console.log(line)): Promise<EnsureOutcome> {
  const packageDir = electronPackageDir();
  return ensureElectron({
    find: () => findElectronBinary(packageDir),
    install: () => runElectronInstaller(packageDir),
    say,
    nodeVersion: process.versions.node,
    overrideDir: process.env.ELECTRON_OVERRIDE_DIST_PATH || undefined,
  });
}
