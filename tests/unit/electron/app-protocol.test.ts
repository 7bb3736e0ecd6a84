import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile, serveAppRequest } from '../../../src-main/protocol/app-protocol.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();
const CSP = "default-src 'self'";

async function builtRenderer() {
  const parent = await tempDir();
  const root = join(parent, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'studio.html'), '<!doctype html><title>studio</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(parent, 'secret.txt'), 'outside');
  return root;
}

const get = (url: string) => ({ url, method: 'GET' });

describe('app:// protocol', () => {
  it('serves the studio page with our CSP and the right content type', async () => {
    const root = await builtRenderer();
    const page = await serveAppRequest(root, get('app://studio/'), CSP);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(await page.text()).toContain('<title>studio</title>');
    const script = await serveAppRequest(root, get('app://studio/assets/app.js'), CSP);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for anything outside the built renderer', async () => {
    const root = await builtRenderer();
    for (const url of [
      'app://studio/../secret.txt',
      'app://studio/%2e%2e/secret.txt',
      'app://studio/assets/..%2f..%2fsecret.txt',
      'app://studio/..%5csecret.txt',
      'app://other/studio.html',
      'app://studio/missing.js',
      'app://studio/%E0%A4%A',
    ]) {
      const res = await serveAppRequest(root, get(url), CSP);
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('outside');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const root = await builtRenderer();
    expect((await serveAppRequest(root, { url: 'app://studio/', method: 'POST' }, CSP)).status).toBe(405);
  });

  it('resolves only paths under the root', () => {
    expect(resolveAppFile('/r', 'app://studio/a/b.js')).toBe('/r/a/b.js');
    // Dot segments are collapsed by the URL parser, so they stop at the root…
    expect(resolveAppFile('/r', 'app://studio/a/%2e%2e/%2e%2e/etc/passwd')).toBe('/r/etc/passwd');
    // …and encoded separators that would climb out after decoding are refused.
    expect(resolveAppFile('/r', 'app://studio/..%2f..%2fetc/passwd')).toBeNull();
  });
});
