/**
 * What only the Electron window does (issue: the desktop studio opens on a user's machine): every menu
 * command has its effect, the settings change the relay and survive a restart, the CSP lets the studio
 * reach the relay's external media server and nothing else, the recordings folder is created and opened, and
 * a followed creator going live raises a native desktop notification.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import type { ElectronApplication, Page } from '@playwright/test';
import { routes } from '../../protocol/routes.js';
import { RelayApi } from '../e2e/support/relay-api.js';
import { freePort, startRelayProcess } from '../e2e/support/relay-process.js';
import { signInToStudio } from '../e2e/support/studio.js';
import type { PageGlobals } from './support/page-globals.js';
import { expect, launchStudio, RELAY_URL, ROOT, skipWithoutElectron, test } from './support/studio-app.js';

skipWithoutElectron();

const PASSWORD = 'correct horse battery';
const newUsername = (): string => `dk_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`.slice(0, 32);

async function register(page: Page): Promise<void> {
  await page.getByTestId('auth-username').fill(newUsername());
  await page.getByTestId('auth-password').fill(PASSWORD);
  await page.getByTestId('auth-register').click();
  await expect(page.getByTestId('scene-add')).toBeVisible();
}

/** Clicks an application-menu item by id, as the user would (menu items carry their command as id). */
async function clickMenu(app: ElectronApplication, id: string): Promise<void> {
  const found = await app.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    item?.click();
    return Boolean(item);
  }, id);
  expect(found, `menu item ${id}`).toBe(true);
}

test.describe('menu commands', () => {
  test('New Scene, Studio Mode, Settings and Save act on the studio', async ({ studio }) => {
    const { app, page } = studio;
    await register(page);
    const scenes = page.getByTestId('scene-item');
    const before = await scenes.count();
    await clickMenu(app, 'scene:new');
    await expect(scenes).toHaveCount(before + 1);

    await clickMenu(app, 'studio-mode:toggle');
    await expect(page.getByTestId('preview-canvas')).toBeVisible();
    await clickMenu(app, 'studio-mode:toggle');
    await expect(page.getByTestId('preview-canvas')).toHaveCount(0);

    await clickMenu(app, 'settings:open');
    await expect(page.getByTestId('settings-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('settings-dialog')).toHaveCount(0);

    await clickMenu(app, 'scene:save');
    await expect(page.getByTestId('command-notice')).toContainText('Scene collection saved');
  });

  test('Record starts and stops a recording into the recordings folder', async ({ studio, profile }) => {
    const { app, page } = studio;
    await register(page);
    await clickMenu(app, 'recording:toggle');
    await expect(page.getByTestId('record-stop')).toBeVisible();
    await clickMenu(app, 'recording:toggle');
    await expect(page.getByTestId('record-start')).toBeVisible();
    await expect
      .poll(async () => {
        const [first] = (await readdir(profile.recordingsDir).catch(() => [])).filter((f) => f.endsWith('.webm'));
        return first ? (await stat(join(profile.recordingsDir, first))).size : 0;
      })
      .toBeGreaterThan(0);
  });

  test('Go Live starts the live with the panel form; End Live asks first', async ({ studio }) => {
    const { app, page } = studio;
    await register(page);
    await page.getByTestId('live-title').fill('From the menu');
    await clickMenu(app, 'live:toggle');
    await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
    await clickMenu(app, 'live:toggle');
    await expect(page.getByTestId('live-end-dialog')).toBeVisible();
    await page.getByTestId('live-end-confirm').click();
    await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'ended');
  });

  test('Show Recordings Folder creates the folder, then opens it', async ({ studio, profile }) => {
    const { app } = studio;
    expect(existsSync(profile.recordingsDir)).toBe(false);
    // The file manager itself is the OS's: record what main asked it to open instead of launching one.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as unknown as { opened: string[] }).opened = opened;
      shell.openPath = async (path: string) => {
        opened.push(path);
        return '';
      };
    });
    await clickMenu(app, 'recordings:show');
    await expect.poll(() => app.evaluate(() => (globalThis as unknown as { opened: string[] }).opened)).toEqual([profile.recordingsDir]);
    expect((await stat(profile.recordingsDir)).isDirectory()).toBe(true);
  });
});

test.describe('settings', () => {
  test('the relay address is changed in Settings and survives a restart', async ({ profile }) => {
    // Saved relay: nothing listens there, as for a user who typed a wrong address.
    await writeFile(join(profile.userDataDir, 'settings.json'), JSON.stringify({ relayUrl: 'http://127.0.0.1:9', language: 'en', recordingsFolder: profile.recordingsDir }));
    const first = await launchStudio(profile, { relayUrl: null });
    try {
      await first.page.getByTestId('open-settings').click();
      await first.page.getByTestId('settings-tab-relay').click();
      await first.page.getByTestId('settings-relay-url').fill('not a url');
      await first.page.getByTestId('settings-relay-apply').click();
      await expect(first.page.getByTestId('settings-relay-invalid')).toBeVisible();
      await first.page.getByTestId('settings-relay-url').fill(RELAY_URL);
      await first.page.getByTestId('settings-relay-apply').click();
      // The studio reloads onto the new relay: signing up there works.
      await register(first.page);
    } finally {
      await first.app.close();
    }
    expect(JSON.parse(await readFile(join(profile.userDataDir, 'settings.json'), 'utf8'))).toMatchObject({ relayUrl: RELAY_URL });

    const again = await launchStudio(profile, { relayUrl: null });
    try {
      const settings = await again.page.evaluate(() => (globalThis as unknown as PageGlobals).studio.settings.get());
      expect(settings).toMatchObject({ ok: true, value: { relayUrl: RELAY_URL, relayUrlOverridden: false } });
      await again.page.getByTestId('open-settings').click();
      await again.page.getByTestId('settings-tab-relay').click();
      await expect(again.page.getByTestId('settings-relay-url')).toHaveValue(RELAY_URL);
    } finally {
      await again.app.close();
    }
  });

  test('the language chosen in Settings re-labels the menus and is kept', async ({ studio, profile }) => {
    await studio.page.getByTestId('open-settings').click();
    await studio.page.getByTestId('settings-language').selectOption('fr');
    await expect
      .poll(() => studio.app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label).slice(-5) ?? []))
      .toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
    expect(JSON.parse(await readFile(join(profile.userDataDir, 'settings.json'), 'utf8'))).toMatchObject({ language: 'fr' });
  });
});

test.describe('external media server', () => {
  test('connect-src allows the media origin the relay names, and nothing else', async ({ profile }) => {
    // Two plain HTTP servers: the "media server" the relay names, and one it does not.
    const serve = async () => {
      const server = http.createServer((_req, res) => res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/plain' }).end('ok'));
      const port = await freePort();
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      return { server, origin: `http://127.0.0.1:${port}` };
    };
    const media = await serve();
    const stranger = await serve();
    const relay = await startRelayProcess({
      root: ROOT,
      webRoot: 'off',
      env: {
        WEBSOCKET_CORS_ORIGIN: 'app://studio',
        MEDIA_WHIP_URL: `${media.origin}/{sessionId}/whip`,
        MEDIA_WHEP_URL: `${media.origin}/{sessionId}/whep`,
      },
    });
    const studio = await launchStudio(profile, { relayUrl: relay.url });
    try {
      const csp = await studio.page.evaluate(async () => (await (globalThis as unknown as PageGlobals).fetch('app://studio/studio.html')).headers.get('content-security-policy'));
      const connect = csp?.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src')) ?? '';
      expect(connect.split(/\s+/).slice(1)).toEqual(["'self'", relay.url, relay.url.replace('http', 'ws'), media.origin]);
      const reach = (url: string) =>
        studio.page.evaluate(async (target) => {
          try {
            const res = await (globalThis as unknown as { fetch(u: string): Promise<{ status: number }> }).fetch(target);
            return `status ${res.status}`;
          } catch {
            return 'refused';
          }
        }, url);
      expect(await reach(`${media.origin}/session/whip`)).toBe('status 200');
      expect(await reach(`${stranger.origin}/`)).toBe('refused');
    } finally {
      await studio.app.close();
      await relay.stop();
      media.server.close();
      stranger.server.close();
    }
  });
});

test.describe('desktop notifications', () => {
  test('a creator the streamer follows goes live: a native notification while the studio is in the background', async ({ studio }) => {
    const { app, page } = studio;
    // Record what main shows instead of drawing on the desktop, and put the window "behind" another app.
    await app.evaluate(({ Notification, BrowserWindow }) => {
      const shown: string[] = [];
      (globalThis as unknown as { shown: string[] }).shown = shown;
      Notification.prototype.show = function show(this: { title: string; body: string }) {
        shown.push(`${this.title} | ${this.body}`);
      };
      for (const w of BrowserWindow.getAllWindows()) w.isFocused = () => false;
    });
    const relay = new RelayApi(RELAY_URL);
    const creator = await relay.signUp('creator', 'Kofi Mensah');
    const streamer = await relay.signUp('streamer');
    await streamer.api.call(routes.follow, { params: { userId: creator.user.id } });
    await signInToStudio(page, streamer);
    const session = await relay.createSession(creator, 'audio', { title: 'Morning news' });
    await creator.api.call(routes.startSession, { params: { id: session.id } });
    // The studio's own toast, and the desktop's.
    await expect(page.getByTestId('notification-toast')).toContainText('Kofi Mensah is live now');
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as { shown: string[] }).shown))
      .toEqual([expect.stringContaining('Kofi Mensah')]);
  });
});
