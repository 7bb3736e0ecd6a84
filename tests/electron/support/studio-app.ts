/**
 * Launches the built studio (out/) in the real Electron binary with its own profile folder, and
 * skips — loudly — when there is no binary. Never stands in for Electron with anything else.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { SKIP_MESSAGE, findElectronBinary } from './electron-binary.js';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const electronBinary = findElectronBinary();
export const RELAY_PORT = Number(process.env.AFRITOK_E2E_ELECTRON_RELAY_PORT ?? 3197);
export const RELAY_URL = `http://127.0.0.1:${RELAY_PORT}`;

export interface Profile {
  userDataDir: string;
  recordingsDir: string;
}

export interface Studio {
  app: ElectronApplication;
  page: Page;
}

export interface LaunchOptions {
  /** AFRITOK_RELAY_URL for this run; null: none, so the relay saved in settings.json is used. */
  relayUrl?: string | null;
}

/** Starts the studio on `profile`; settings are pre-seeded so recordings stay in a temp folder. */
export async function launchStudio(profile: Profile, options: LaunchOptions = {}): Promise<Studio> {
  const relayUrl = options.relayUrl === undefined ? RELAY_URL : options.relayUrl;
  if (!electronBinary) throw new Error(SKIP_MESSAGE);
  const app = await _electron.launch({
    executablePath: electronBinary,
    args: [ROOT, '--use-fake-device-for-media-stream'],
    cwd: ROOT,
    env: {
      ...process.env,
      AFRITOK_USER_DATA_DIR: profile.userDataDir,
      AFRITOK_RELAY_URL: relayUrl ?? '',
      ELECTRON_RENDERER_URL: '',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

export const test = base.extend<{ profile: Profile; studio: Studio }>({
  // Playwright requires the fixtures argument to be destructured, even when empty.
  // eslint-disable-next-line no-empty-pattern
  profile: async ({}, use) => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'afritok-studio-profile-'));
    const recordingsDir = join(userDataDir, 'recordings');
    await writeFile(
      join(userDataDir, 'settings.json'),
      JSON.stringify({ relayUrl: RELAY_URL, language: 'en', recordingsFolder: recordingsDir }),
    );
    await use({ userDataDir, recordingsDir });
    await rm(userDataDir, { recursive: true, force: true });
  },
  studio: async ({ profile }, use) => {
    const studio = await launchStudio(profile);
    await use(studio);
    await studio.app.close();
  },
});

/** Call at the top of every spec file: skips the file, loudly, where no binary exists. */
export function skipWithoutElectron(): void {
  test.skip(!electronBinary, SKIP_MESSAGE);
}

export { expect } from '@playwright/test';
