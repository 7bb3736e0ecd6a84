import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { registerInStudio, uniqueUser } from './helpers.js';

/** Screenshots of the settings dialog, looked at by a person after a run. */
const shots = path.resolve(import.meta.dirname, '../../../test-results/settings');

test.use({ viewport: { width: 1440, height: 900 } });

/** The size of the program canvas the compositor draws (what goes live and is recorded). */
const programSize = (page: Page) =>
  page.getByTestId('program-canvas').evaluate((c) => {
    const canvas = c as unknown as { width: number; height: number };
    return `${canvas.width}x${canvas.height}`;
  });

test('the web studio settings: output size and frame rate, language, recordings, relay; survive a reload', async ({ page, relayUrl }) => {
  // zod runs jitless: its `new Function` probe would be reported against the page's CSP at start-up.
  await page.addInitScript(() => {
    // Runs in the page; this file is type-checked as Node code, so the window is described structurally.
    const page = globalThis as unknown as {
      cspViolations: string[];
      addEventListener(type: 'securitypolicyviolation', listener: (e: { violatedDirective: string; blockedURI: string }) => void): void;
    };
    page.cspViolations = [];
    page.addEventListener('securitypolicyviolation', (e) => page.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await registerInStudio(page, relayUrl);
  expect(await page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  await expect.poll(() => programSize(page)).toBe('1280x720');

  await page.getByTestId('open-settings').click();
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'settings-general.png') });

  // Output: 1080p at 60 fps reaches the program canvas at once; the top bar's picker shows the same setting.
  await page.getByTestId('settings-tab-output').click();
  await page.getByTestId('settings-output-size').selectOption('1920x1080');
  await page.getByTestId('settings-output-fps').selectOption('60');
  await expect.poll(() => programSize(page)).toBe('1920x1080');
  await expect(page.getByTestId('output-preset')).toHaveValue('1920x1080');
  await expect(page.getByTestId('output-fps')).toHaveValue('60');
  await page.screenshot({ path: path.join(shots, 'settings-output.png') });

  // Recordings: the browser downloads them; nothing to choose here.
  await page.getByTestId('settings-tab-recordings').click();
  await expect(page.getByTestId('settings-recordings-web')).toContainText('downloads folder');

  // Relay: the page's own origin, shown, not editable.
  await page.getByTestId('settings-tab-relay').click();
  await expect(page.getByTestId('settings-relay-web')).toContainText(relayUrl);
  await expect(page.getByTestId('settings-relay-url')).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'settings-relay-web.png') });

  // Language: the whole studio switches, the dialog too.
  await page.getByTestId('settings-tab-general').click();
  await page.getByTestId('settings-language').selectOption('fr');
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Paramètres' })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'settings-fr.png') });

  // Escape closes it.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Everything survives a reload.
  await page.reload();
  await expect(page.getByTestId('source-add')).toBeVisible();
  await expect.poll(() => programSize(page)).toBe('1920x1080');
  await expect(page.getByTestId('open-settings')).toContainText('Paramètres');
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-tab-output').click();
  await expect(page.getByTestId('settings-output-size')).toHaveValue('1920x1080');
  await expect(page.getByTestId('settings-output-fps')).toHaveValue('60');
});

test('settings open from the sign-in screen too, and the top bar output choice is the same setting', async ({ page, relayUrl }) => {
  await page.goto(`${relayUrl}/studio`);
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('settings-dialog')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'settings-signin.png') });
  await page.getByTestId('settings-close').click();
  await expect(page.getByTestId('settings-dialog')).toHaveCount(0);

  await registerInStudio(page, relayUrl);
  await page.getByTestId('output-preset').selectOption('720x1280');
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-tab-output').click();
  await expect(page.getByTestId('settings-output-size')).toHaveValue('720x1280');
  await expect.poll(() => programSize(page)).toBe('720x1280');
});

test('the web studio keeps its settings in the account: another browser signing in gets the same language and output', async ({ page, newPage, relayUrl }) => {
  const username = await registerInStudio(page, relayUrl, uniqueUser('settings'));
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('settings-account-hint')).toContainText('Kept in your account');
  await page.getByTestId('settings-tab-output').click();
  await page.getByTestId('settings-output-size').selectOption('1080x1920');
  await page.getByTestId('settings-output-fps').selectOption('60');
  await page.getByTestId('settings-tab-general').click();
  await page.getByTestId('settings-language').selectOption('fr');
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  await expect.poll(() => programSize(page)).toBe('1080x1920');
  // Saved in the account, not only in this browser: the relay holds them.
  await expect
    .poll(async () => page.evaluate(async () => (await fetch('/api/me/settings', { credentials: 'include' })).json()))
    .toMatchObject({ settings: { language: 'fr', output: { preset: '1080x1920', fps: 60 } } });

  // A fresh browser (no cookie, no storage) opens the studio in its defaults, then signs in.
  const other = await newPage();
  await other.goto(`${relayUrl}/studio`);
  await expect(other.getByTestId('auth-login')).toBeVisible();
  await expect(other.getByTestId('open-settings')).toContainText('Settings');
  await other.getByTestId('auth-username').fill(username);
  await other.getByTestId('auth-password').fill('correct horse battery');
  await other.getByTestId('auth-login').click();
  await expect(other.getByTestId('source-add')).toBeVisible();
  await expect(other.getByTestId('open-settings')).toContainText('Paramètres');
  await expect.poll(() => programSize(other)).toBe('1080x1920');
  await expect(other.getByTestId('output-preset')).toHaveValue('1080x1920');
  await other.getByTestId('open-settings').click();
  await other.getByTestId('settings-tab-output').click();
  await expect(other.getByTestId('settings-output-fps')).toHaveValue('60');
  await expect(other.getByTestId('settings-account-hint')).toContainText('Enregistré dans votre compte');
  await other.screenshot({ path: path.join(shots, 'settings-other-browser.png') });

  // A change there reaches the account too (back to English, 720p).
  await other.getByTestId('settings-output-size').selectOption('1280x720');
  await other.getByTestId('settings-tab-general').click();
  await other.getByTestId('settings-language').selectOption('en');
  await expect
    .poll(async () => other.evaluate(async () => (await fetch('/api/me/settings', { credentials: 'include' })).json()))
    .toMatchObject({ settings: { language: 'en', output: { preset: '1280x720', fps: 60 } } });
});
