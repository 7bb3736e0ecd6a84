/**
 * The built web pages (dist-web/) that the relay serves at `/`, `/studio`, `/watch/:id` and `/join/:token`.
 * `npm run relay` and `npm start` build them when they are missing or older than their sources, so a fresh
 * clone serves every page; a deployment that copies only dist-web/ (no sources) serves it as it is.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_WEB_ROOT = path.join(REPO_ROOT, 'dist-web');
const WEB_SOURCES = ['src-renderer', 'protocol', 'vite.web.config.ts', 'tsconfig.web.json'];

/** Newest modification time under `target` (file or folder), skipping dependencies and dot-folders. */
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

export function hasWebBundle(webRoot: string): boolean {
  return fs.existsSync(path.join(webRoot, 'index.html'));
}

/** Missing, or older than any of its sources in `root`. */
export function webBundleIsStale(webRoot: string, root: string = REPO_ROOT): boolean {
  if (!hasWebBundle(webRoot)) return true;
  const builtAt = fs.statSync(path.join(webRoot, 'index.html')).mtimeMs;
  return WEB_SOURCES.some((source) => newestMtime(path.join(root, source)) > builtAt);
}

export type BundleOutcome = 'fresh' | 'built' | 'stale' | 'missing';

/**
 * Runs `npm run build:web` when the default bundle is stale. `built`/`fresh`: serve it; `stale`: the build
 * failed, the previous bundle is served; `missing`: no pages at all (the API still works).
 */
export function ensureWebBundle(
  say: (line: string) => void = (line) => console.log(line),
  build: () => boolean = runBuildWeb,
  webRoot: string = DEFAULT_WEB_ROOT,
): BundleOutcome {
  if (!webBundleIsStale(webRoot)) return 'fresh';
  say(hasWebBundle(webRoot) ? 'The web pages are older than their sources: building them (npm run build:web)…' : 'Building the web pages (npm run build:web)…');
  if (build()) return 'built';
  if (hasWebBundle(webRoot)) {
    say('The build failed: serving the previous pages from dist-web/ (they may be out of date).');
    return 'stale';
  }
  say('The build failed and there are no pages in dist-web/: the API runs, but /, /studio, /watch and /join answer "page not found".');
  return 'missing';
}

function runBuildWeb(): boolean {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // stdout of the build goes to stderr: the relay's own stdout carries its JSON log.
  const result = spawnSync(npm, ['run', '--silent', 'build:web'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', process.stderr, 'inherit'],
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}
