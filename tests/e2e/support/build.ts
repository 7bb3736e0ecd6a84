import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Newest modification time of any file under `dirs` (skipping node_modules). */
function newestMtime(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  dirs.forEach(walk);
  return newest;
}

/** Builds dist-web when it is older than its sources; returns where it is. */
export function buildPages(root: string): string {
  const webRoot = path.join(root, 'dist-web');
  // The pages import the string table (i18n/) and the contracts (protocol/) besides their own sources.
  const sources = ['src-renderer', 'protocol', 'i18n'].map((dir) => path.join(root, dir));
  const builtAt = existsSync(path.join(webRoot, 'watch.html')) ? statSync(path.join(webRoot, 'watch.html')).mtimeMs : 0;
  const sourceTime = Math.max(newestMtime(sources), statSync(path.join(root, 'vite.web.config.ts')).mtimeMs);
  if (process.env.E2E_SKIP_BUILD !== '1' && builtAt < sourceTime) {
    // Two Vite builds (the pages on React, /watch on preact/compat): scripts/build-web.ts.
    execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-web.ts', '--quiet'], { cwd: root, stdio: 'inherit' });
  }
  return webRoot;
}

/**
 * Builds the testbench publisher page (~1 s) for the benchmarks that need its clock-stamped frames
 * (glass-to-glass) or a build that is not the current one; the e2e suite goes live from the real studio.
 */
export function buildTestbench(root: string): string {
  const testbenchRoot = path.join(root, 'node_modules/.afritok/testbench-web');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, AFRITOK_TESTBENCH: '1' },
  });
  return testbenchRoot;
}
