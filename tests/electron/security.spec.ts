import type { WebPreferences } from 'electron';
import { expect, skipWithoutElectron, test } from './support/studio-app.js';
import type { PageGlobals } from './support/page-globals.js';

skipWithoutElectron();

test.describe('hardened shell', () => {
  test('the window runs isolated, sandboxed, without Node', async ({ studio }) => {
    const main = await studio.app.evaluate(({ BrowserWindow }) => {
      const [window] = BrowserWindow.getAllWindows();
      // Not in the public typings, but present at runtime: the preferences the page was created with.
      const contents = window?.webContents as unknown as { getLastWebPreferences?: () => WebPreferences | null };
      const p = contents.getLastWebPreferences?.() ?? null;
      return {
        windows: BrowserWindow.getAllWindows().length,
        prefs: p && {
          contextIsolation: p.contextIsolation,
          sandbox: p.sandbox,
          nodeIntegration: p.nodeIntegration,
          webSecurity: p.webSecurity,
          webviewTag: p.webviewTag,
        },
      };
    });
    expect(main.windows).toBe(1);
    if (main.prefs) {
      expect(main.prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    }
    expect(studio.page.url()).toBe('app://studio/studio.html');
    const globals = await studio.page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      return { require: typeof w.require, process: typeof w.process, studio: Object.keys(w.studio).sort() };
    });
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      studio: ['app', 'auth', 'capture', 'recordings', 'scenes', 'settings'],
    });
  });

  test('the page carries our CSP: eval is refused', async ({ studio }) => {
    const outcome = await studio.page.evaluate(() => {
      try {
        return String(eval('1 + 1'));
      } catch (err) {
        return err instanceof EvalError ? 'refused' : String(err);
      }
    });
    expect(outcome).toBe('refused');
    const csp = await studio.page.evaluate(async () => {
      const w = globalThis as unknown as PageGlobals;
      return (await w.fetch('app://studio/studio.html')).headers.get('content-security-policy');
    });
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });

  test('navigation away and new windows are refused', async ({ studio }) => {
    const before = studio.page.url();
    // Not http(s), so nothing is handed to the OS browser during the test.
    await studio.page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'file:///etc/hostname';
    });
    const blocked = await studio.page.evaluate(() => (globalThis as unknown as PageGlobals).open('app://studio/studio.html') === null);
    await studio.page.evaluate(() => (globalThis as unknown as PageGlobals).document.readyState);
    expect(blocked).toBe(true);
    expect(studio.page.url()).toBe(before);
    const counts = await studio.app.evaluate(({ BrowserWindow, webContents }) => [
      BrowserWindow.getAllWindows().length,
      webContents.getAllWebContents().length,
    ]);
    expect(counts).toEqual([1, 1]);
  });

  test('permissions outside the allow-list are refused', async ({ studio }) => {
    const notification = await studio.page.evaluate(() => (globalThis as unknown as PageGlobals).Notification.requestPermission());
    expect(notification).toBe('denied');
    const geolocation = await studio.page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          (globalThis as unknown as PageGlobals).navigator.geolocation.getCurrentPosition(
            () => resolve(0),
            (err) => resolve(err.code),
          ),
        ),
    );
    expect(geolocation).toBe(1); // PERMISSION_DENIED
  });

  test('the studio API answers typed envelopes and refuses bad input', async ({ studio }) => {
    const info = await studio.page.evaluate(() => (globalThis as unknown as PageGlobals).studio.app.info());
    expect(info).toMatchObject({ ok: true, value: { name: expect.any(String), systemAudioCapture: process.platform === 'win32' } });
    const bad = await studio.page.evaluate(() =>
      (globalThis as unknown as PageGlobals).studio.settings.update({ relayUrl: 'javascript:alert(1)' }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  test('the application menu has File, Edit, View, Window and Help', async ({ studio }) => {
    const labels = await studio.app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? []);
    expect(labels.slice(-5)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });
});
