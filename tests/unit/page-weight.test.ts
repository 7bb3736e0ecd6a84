/**
 * /watch's weight on a viewer's phone: the JavaScript the page loads before its first paint (the entry
 * script and every module it preloads), as the relay sends it (the precompressed copies the build wrote).
 * Builds dist-web/ first when it is missing or older than its sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_WEB_ROOT, ensureWebBundle } from '../../relay-server/src/web-bundle.js';

const BUDGET = 100 * 1024;

/** Scripts and module preloads of a built page, relative to the web root. */
export function firstPaintScripts(webRoot: string, page: string): string[] {
  const html = fs.readFileSync(path.join(webRoot, page), 'utf8');
  const tags = [...html.matchAll(/<script[^>]*\ssrc="\/([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+)"/g)];
  return tags.map((m) => m[1] ?? m[2] ?? '').filter(Boolean);
}

const size = (file: string) => fs.statSync(file).size;

beforeAll(() => {
  expect(ensureWebBundle(() => {})).toMatch(/fresh|built/);
}, 180_000);

it('/watch loads at most 100 KB of compressed JavaScript (brotli and gzip)', () => {
  const scripts = firstPaintScripts(DEFAULT_WEB_ROOT, 'watch.html');
  expect(scripts.length).toBeGreaterThan(0);
  const files = scripts.map((s) => path.join(DEFAULT_WEB_ROOT, s));
  const raw = files.reduce((n, f) => n + size(f), 0);
  const br = files.reduce((n, f) => n + size(`${f}.br`), 0);
  const gz = files.reduce((n, f) => n + size(`${f}.gz`), 0);
  console.log(`/watch JavaScript: ${scripts.length} file(s), ${raw} B raw, ${gz} B gzip, ${br} B brotli (budget ${BUDGET} B)`);
  expect(br).toBeLessThanOrEqual(BUDGET);
  expect(gz).toBeLessThanOrEqual(BUDGET);
});

it('/watch runs on preact/compat, not React DOM (the studio keeps React)', () => {
  const code = firstPaintScripts(DEFAULT_WEB_ROOT, 'watch.html').map((s) => fs.readFileSync(path.join(DEFAULT_WEB_ROOT, s), 'utf8')).join('\n');
  expect(code).not.toContain('react-dom.production');
  expect(code).not.toMatch(/Minified React error/);
  const studio = firstPaintScripts(DEFAULT_WEB_ROOT, 'studio.html').map((s) => fs.readFileSync(path.join(DEFAULT_WEB_ROOT, s), 'utf8')).join('\n');
  expect(studio).toMatch(/Minified React error/);
});
