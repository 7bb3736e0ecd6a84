/**
 * `npm start` (and `npm run dev`, which passes `--dev`): the relay with the web pages, plus the Electron studio.
 *  1. builds the web pages (`npm run build:web`) when dist-web/ is missing or older than its sources;
 *  2. starts the relay in this process, serving dist-web/ (Ctrl-C / SIGTERM stop it cleanly);
 *  3. fetches Electron through its package's installer when missing (≈100 MB, once), then launches it
 *     pointed at the relay (AFRITOK_RELAY_URL); where it cannot be had, prints the web studio's URL.
 *     With `--dev` it runs `electron-vite dev` instead: the studio page from Vite's dev server with hot
 *     reload, main and preload rebuilt on change (main sends the development CSP as a header).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type RelayConfig } from '../relay-server/src/config.js';
import { startRelay } from '../relay-server/src/main.js';
import { describeStartupError } from '../relay-server/src/startup-error.js';
import { DEFAULT_WEB_ROOT, REPO_ROOT, ensureWebBundle } from '../relay-server/src/web-bundle.js';
import { ensureElectronHere } from './electron/binary.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const DEV = process.argv.includes('--dev');

/** Runs an npm script; false when it failed. */
function run(script: string): boolean {
  console.log(`> npm run ${script}`);
  const result = spawnSync(npm, ['run', script], { cwd: REPO_ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status === 0) return true;
  console.error(`npm run ${script} failed (exit ${result.status ?? result.signal})`);
  return false;
}

function readConfig(): RelayConfig {
  try {
    return { ...loadConfig(), webRoot: DEFAULT_WEB_ROOT };
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
  if (ensureWebBundle() === 'missing') process.exit(1);
  const { url } = await startRelay(config).catch((err: unknown) => {
    const hint = describeStartupError(err, config);
    if (!hint) throw err;
    console.error(hint);
    process.exit(1);
  });
  console.log(`Relay listening on ${url}`);

  const electron = await ensureElectronHere();
  if (electron.kind === 'unavailable') {
    console.log(`${electron.reason}. Open the web studio instead: ${url}/studio`);
    console.log(`Viewers watch at ${url}/watch/<sessionId>; the public directory is ${url}/`);
    return;
  }
  const env = { ...process.env, AFRITOK_RELAY_URL: url };
  let child;
  if (DEV) {
    console.log('Starting the Electron studio in development (electron-vite dev: hot reload)');
    const electronVite = path.join(REPO_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
    child = spawn(electronVite, ['dev'], { cwd: REPO_ROOT, stdio: 'inherit', env, shell: process.platform === 'win32' });
  } else {
    if (!fs.existsSync(path.join(REPO_ROOT, 'out', 'main', 'index.js')) && !run('build:electron')) process.exit(1);
    console.log(`Starting the Electron studio (${electron.binary})`);
    child = spawn(electron.binary, [REPO_ROOT], { cwd: REPO_ROOT, stdio: 'inherit', env });
  }
  // Closing the studio stops the relay too, through the same graceful path as Ctrl-C.
  child.on('exit', () => process.kill(process.pid, 'SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('npm start failed:', err);
  process.exit(1);
});
