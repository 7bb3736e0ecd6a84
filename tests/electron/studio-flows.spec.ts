import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, launchStudio, skipWithoutElectron, test } from './support/studio-app.js';
import type { PageGlobals } from './support/page-globals.js';

skipWithoutElectron();

const PASSWORD = 'correct horse battery';
const newUsername = (): string => `el_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`.slice(0, 32);

async function register(page: Page, username: string): Promise<void> {
  await page.getByTestId('auth-username').fill(username);
  await page.getByTestId('auth-password').fill(PASSWORD);
  await page.getByTestId('auth-register').click();
  await expect(page.getByTestId('scene-add')).toBeVisible();
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByTestId('auth-username').fill(username);
  await page.getByTestId('auth-password').fill(PASSWORD);
  await page.getByTestId('auth-login').click();
  await expect(page.getByTestId('scene-add')).toBeVisible();
}

test.describe('studio in Electron', () => {
  test('signs in against the relay and keeps the token through the preload', async ({ studio }) => {
    await register(studio.page, newUsername());
    const token = await studio.page.evaluate(() => (globalThis as unknown as PageGlobals).studio.auth.getToken());
    expect(token).toMatchObject({ ok: true, value: { token: expect.any(String) } });
  });

  test('a new scene is saved to userData and is there after a restart', async ({ studio, profile }) => {
    const username = newUsername();
    await register(studio.page, username);
    const scenes = studio.page.getByTestId('scene-item');
    const before = await scenes.count();
    await studio.page.getByTestId('scene-add').click();
    await expect(scenes).toHaveCount(before + 1);
    await expect
      .poll(async () => {
        const saved = await studio.page.evaluate(() => (globalThis as unknown as PageGlobals).studio.scenes.load('scene-collection'));
        return saved.ok && saved.value ? JSON.stringify(saved.value.data).length : 0;
      })
      .toBeGreaterThan(0);
    await studio.app.close();

    const again = await launchStudio(profile);
    try {
      // Without an OS keyring the token is not persisted (by design), so sign in again if asked.
      if (await again.page.getByTestId('auth-username').isVisible()) await signIn(again.page, username);
      await expect(again.page.getByTestId('scene-item')).toHaveCount(before + 1);
    } finally {
      await again.app.close();
    }
  });

  test('goes live and ends the session', async ({ studio }) => {
    await register(studio.page, newUsername());
    await studio.page.getByTestId('go-live').click();
    await studio.page.getByTestId('live-title').fill('Electron e2e');
    await studio.page.getByTestId('live-start').click();
    await expect(studio.page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
    await expect(studio.page.getByTestId('live-share-url')).toHaveValue(/\/watch\//);
    await studio.page.getByTestId('live-end').click();
    await studio.page.getByTestId('live-end-confirm').click(); // ending asks first
    await expect(studio.page.getByTestId('live-state')).toHaveAttribute('data-state', 'ended');
  });

  test('records the program to a .webm file in the chosen folder', async ({ studio, profile }) => {
    await register(studio.page, newUsername());
    await studio.page.getByTestId('record-start').click();
    await expect(studio.page.getByTestId('record-stop')).toBeVisible();
    await studio.page.getByTestId('record-stop').click();
    await expect(studio.page.getByTestId('record-start')).toBeVisible();
    await expect
      .poll(async () => {
        const files = (await readdir(profile.recordingsDir).catch(() => [])).filter((f) => f.endsWith('.webm'));
        const [first] = files;
        return first ? (await stat(join(profile.recordingsDir, first))).size : 0;
      })
      .toBeGreaterThan(0);
  });
});
