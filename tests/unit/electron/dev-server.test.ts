/**
 * `npm run dev`: electron-vite's dev server for the studio page, with the Content-Security-Policy main sends
 * in development (security/csp.ts + session.webRequest). The page must come up in Chromium: a meta policy
 * in studio.html (script-src 'self') used to block the React refresh preamble and leave a blank window.
 */
import { resolveConfig } from 'electron-vite';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type InlineConfig, type ViteDevServer } from 'vite';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCsp } from '../../../src-main/security/csp.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RELAY_URL = 'http://127.0.0.1:9'; // nothing listens: the sign-in screen is enough to prove the page runs

/** A free loopback port: the hot-reload client connects to the configured port, so it must be the real one. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

describe('the studio page from the dev server (npm run dev)', () => {
  let server: ViteDevServer;
  let devUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    const resolved = await resolveConfig({ root: ROOT, configFile: 'electron.vite.config.ts', logLevel: 'silent' }, 'serve', 'development');
    const renderer = resolved.config?.renderer as InlineConfig | undefined;
    if (!renderer) throw new Error('electron.vite.config.ts has no renderer config');
    server = await createServer({ ...renderer, configFile: false, logLevel: 'silent', server: { host: '127.0.0.1', port: await freePort(), strictPort: true } });
    await server.listen();
    devUrl = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves studio.html with the React refresh preamble and no meta policy of its own', async () => {
    const html = await (await fetch(`${devUrl}/studio.html`)).text();
    expect(html).toContain('/@react-refresh');
    expect(html).not.toMatch(/http-equiv=["']?Content-Security-Policy/i);
  });

  it('runs in Chromium under the development CSP main sends: no violation, the studio renders', async () => {
    const csp = buildCsp({ relayUrl: RELAY_URL, devServerUrl: devUrl });
    const context = await browser.newContext();
    const page = await context.newPage();
    // What session.webRequest.onHeadersReceived does for dev-server responses in main (security/harden.ts).
    await page.route(`${devUrl}/**`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    });
    await page.addInitScript(() => {
      const win = globalThis as unknown as {
        cspViolations: string[];
        addEventListener(type: 'securitypolicyviolation', listener: (e: { violatedDirective: string; blockedURI: string }) => void): void;
      };
      win.cspViolations = [];
      win.addEventListener('securitypolicyviolation', (e) => win.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${devUrl}/studio.html`);
    // The web platform adapter (no preload here) shows the sign-in form once React has mounted.
    await page.getByTestId('auth-username').waitFor({ timeout: 60_000 });
    const violations = await page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations);
    // Scripts, styles, and the dev server's hot-reload websocket are all allowed.
    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);
});
