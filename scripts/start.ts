/**
 * `npm start`: the relay with the web pages, plus the Electron studio when its binary is present.
 *  1. builds the web bundle (`npm run build:web`) when dist-web/ is missing or older than its sources;
 *  2. starts the relay in this process, serving dist-web/ (Ctrl-C / SIGTERM stop it cleanly);
 *  3. launches Electron pointed at the relay (AFRITOK_RELAY_URL), or prints the web studio's URL.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type RelayConfig } from '../relay-server/src/config.js';
import { startRelay } from '../relay-server/src/main.js';
import { describeStartupError } from '../relay-server/src/startup-error.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB_ROOT = path.join(ROOT, 'dist-web');
const WEB_SOURCES = ['src-renderer', 'protocol', 'vite.web.config.ts', 'tsconfig.web.json'].map((p) => path.join(ROOT, p));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Newest modification time under `target` (file or folder), skipping tests. */
function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function webBundleIsStale(): boolean {
  const built = path.join(WEB_ROOT, 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return WEB_SOURCES.some((source) => newestMtime(source) > builtAt);
}

/** Runs an npm script; false when it failed. */
function run(script: string): boolean {
  console.log(`> npm run ${script}`);
  const result = spawnSync(npm, ['run', script], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status === 0) return true;
  console.error(`npm run ${script} failed (exit ${result.status ?? result.signal})`);
  return false;
}

/** Builds the pages when stale; a failed build falls back to the previous bundle if there is one. */
function ensureWebBundle(): void {
  if (!webBundleIsStale() || run('build:web')) return;
  if (fs.existsSync(path.join(WEB_ROOT, 'index.html'))) {
    console.warn('Serving the previous web bundle from dist-web/ (it may be out of date).');
    return;
  }
  process.exit(1);
}

/**
 * The Electron executable if it is actually on disk. Mirrors the `electron` package's own lookup
 * without requiring it, because requiring it tries to download a missing binary.
 */
function electronBinary(): string | undefined {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? path.join(override, relative ?? 'electron')
    : relative
      ? path.join(packageDir, 'dist', relative)
      : undefined;
  return candidate && fs.existsSync(candidate) ? candidate : undefined;
}

function readConfig(): RelayConfig {
  try {
    return { ...loadConfig(), webRoot: WEB_ROOT };
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  ensureWebBundle();
  const { url } = await startRelay(config).catch((err: unknown) => {
    const hint = describeStartupError(err, config);
    if (!hint) throw err;
    console.error(hint);
    process.exit(1);
  });
  console.log(`Relay listening on ${url}`);

  const electron = electronBinary();
  if (!electron) {
    console.log(`Electron binary not available here — open the web studio at ${url}/studio`);
    console.log(`Viewers watch at ${url}/watch/<sessionId>; the public directory is ${url}/`);
    return;
  }
  if (!fs.existsSync(path.join(ROOT, 'out', 'main', 'index.js')) && !run('build:electron')) process.exit(1);
  console.log(`Starting the Electron studio (${electron})`);
  const child = spawn(electron, [ROOT], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, AFRITOK_RELAY_URL: url } });
  // Closing the studio stops the relay too, through the same graceful path as Ctrl-C.
  child.on('exit', () => process.kill(process.pid, 'SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('npm start failed:', err);
  process.exit(1);
});
