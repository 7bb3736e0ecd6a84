/**
 * Pages and assets go out precompressed: the brotli or gzip copy the build wrote beside each file, chosen by
 * Accept-Encoding, with the original's type, Vary: Accept-Encoding and (assets) an immutable cache.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, type TestRelay } from '../../support/relay.js';

const script = Buffer.from(`console.log(${JSON.stringify('a viewer script '.repeat(200))});`);
const html = Buffer.from(`<!doctype html><title>watch</title>${'<p>words</p>'.repeat(200)}`);

function rawGet(url: string, acceptEncoding?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('precompressed pages and assets', () => {
  let t: TestRelay;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'afritok-web-'));
    fs.mkdirSync(path.join(webRoot, 'assets'));
    for (const page of ['index', 'studio', 'join']) fs.writeFileSync(path.join(webRoot, `${page}.html`), `<!doctype html><title>${page}</title>`);
    const write = (rel: string, body: Buffer) => {
      fs.writeFileSync(path.join(webRoot, rel), body);
      fs.writeFileSync(path.join(webRoot, `${rel}.br`), zlib.brotliCompressSync(body));
      fs.writeFileSync(path.join(webRoot, `${rel}.gz`), zlib.gzipSync(body));
    };
    write('watch.html', html);
    write('assets/watch-abc123.js', script);
    fs.writeFileSync(path.join(webRoot, 'assets', 'plain-abc123.js'), script);
    t = await startTestRelay({ dialect: 'sqlite', config: { webRoot } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it.each([
    ['br', 'br', zlib.brotliDecompressSync],
    ['gzip, deflate, br', 'br', zlib.brotliDecompressSync],
    ['gzip', 'gzip', zlib.gunzipSync],
    ['br;q=0, gzip', 'gzip', zlib.gunzipSync],
  ] as const)('an asset asked with Accept-Encoding "%s" comes as %s, typed and cached as the original', async (accept, coding, decode) => {
    const res = await rawGet(`${t.url}/assets/watch-abc123.js`, accept);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(coding);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.body.length).toBeLessThan(script.length / 4);
    expect(decode(res.body).equals(script)).toBe(true);
  });

  it('a client that takes no coding gets the plain file, still marked Vary', async () => {
    for (const accept of [undefined, 'identity', 'deflate']) {
      const res = await rawGet(`${t.url}/assets/watch-abc123.js`, accept);
      expect(res.headers['content-encoding'], String(accept)).toBeUndefined();
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.body.equals(script)).toBe(true);
    }
    const plainOnly = await rawGet(`${t.url}/assets/plain-abc123.js`, 'br');
    expect(plainOnly.headers['content-encoding']).toBeUndefined();
    expect(plainOnly.body.equals(script)).toBe(true);
  });

  it('the page itself comes compressed, with its CSP and no long cache', async () => {
    const res = await rawGet(`${t.url}/watch/some-session`, 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(zlib.brotliDecompressSync(res.body).equals(html)).toBe(true);
  });

  it('a missing asset, or one outside the web root, is refused even when a client asks for brotli', async () => {
    for (const route of ['/assets/missing.js', '/assets/..%2f..%2fwatch.html', '/assets/..%2f..%2f..%2fetc%2fpasswd']) {
      const res = await rawGet(`${t.url}${route}`, 'br');
      expect(res.status, route).toBeGreaterThanOrEqual(400);
      expect(res.status, route).toBeLessThan(500);
      expect(res.headers['content-encoding'], route).toBeUndefined();
      expect(res.headers['cache-control'] ?? '', route).not.toContain('immutable');
    }
  });
});
