import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, type TestRelay } from '../../support/relay.js';

describe('web pages (config.webRoot)', () => {
  let t: TestRelay;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'afritok-web-'));
    for (const page of ['index', 'watch', 'studio', 'join']) {
      fs.writeFileSync(path.join(webRoot, `${page}.html`), `<!doctype html><title>${page}</title>`);
    }
    fs.mkdirSync(path.join(webRoot, 'assets'));
    fs.writeFileSync(path.join(webRoot, 'assets', 'app-abc123.js'), 'console.log("hi")');
    fs.writeFileSync(path.join(webRoot, '.secret'), 'hidden');
    t = await startTestRelay({ dialect: 'sqlite', config: { webRoot } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it.each([
    ['/', 'index'],
    ['/watch/abc-123', 'watch'],
    ['/studio', 'studio'],
    ['/join/some-invite-token', 'join'],
  ])('serves %s from %s.html with a strict page CSP', async (route, page) => {
    const res = await fetch(`${t.url}${route}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain(`<title>${page}</title>`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('media-src');
    expect(csp).toContain('mediastream:');
    expect(csp).toContain(`ws://127.0.0.1:${t.port}`);
    expect(csp).not.toContain('unsafe-eval');
  });

  it('serves hashed assets as immutable, and nothing outside webRoot or hidden', async () => {
    const asset = await fetch(`${t.url}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    for (const route of ['/assets/missing.js', '/.secret', '/..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2f..%2fetc%2fpasswd']) {
      const res = await fetch(`${t.url}${route}`);
      expect(res.status, route).toBeGreaterThanOrEqual(400);
      expect(res.status, route).toBeLessThan(500);
      expect(await res.text()).not.toContain('root:');
    }
  });

  it('answers a browser lost on a wrong address with a page in words and a way back, not JSON', async () => {
    const page = await fetch(`${t.url}/no/such/page`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('This page does not exist.');
    expect(html).toContain('Cette page n’existe pas.');
    expect(html).toContain('href="/"');
    const api = await fetch(`${t.url}/no/such/page`, { headers: { accept: 'application/json' } });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
    const apiRoute = await fetch(`${t.url}/api/nope`, { headers: { accept: 'text/html' } });
    expect(apiRoute.headers.get('content-type')).toMatch(/json/);
    expect((await fetch(`${t.url}/favicon.ico`)).status).toBe(204);
  });

  it('keeps /healthz and /api working beside the pages', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect((await t.api('GET', '/api/auth/me')).status).toBe(401);
  });
});

describe('the watch page behind a CDN (PUBLIC_HLS_URL) or with an external WHEP server', () => {
  let t: TestRelay;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'afritok-web-'));
    fs.writeFileSync(path.join(webRoot, 'watch.html'), '<!doctype html><title>watch</title>');
    t = await startTestRelay({
      dialect: 'sqlite',
      config: { webRoot },
      env: { PUBLIC_HLS_URL: 'https://cdn.example.net/', MEDIA_WHIP_URL: 'https://media.example.org:8443/{sessionId}/whip', MEDIA_WHEP_URL: 'https://media.example.org:8443/{sessionId}/whep' },
    });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it('lets the page fetch and play media from those origins, and from no other', async () => {
    const csp = (await fetch(`${t.url}/watch/abc-123`)).headers.get('content-security-policy') ?? '';
    const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';
    for (const name of ['connect-src', 'media-src']) {
      expect(directive(name)).toContain('https://cdn.example.net');
      expect(directive(name)).toContain('https://media.example.org:8443');
      expect(directive(name)).not.toMatch(/\shttps?:(\s|$)|\*/);
    }
  });

  it('ships watch.html without a <meta> policy that would block them anyway', () => {
    const source = fs.readFileSync(path.resolve(import.meta.dirname, '../../../src-renderer/watch.html'), 'utf8');
    expect(source).not.toMatch(/http-equiv=["']?Content-Security-Policy/i);
  });
});
