import { expect, type Page } from '@playwright/test';
import type { SessionType } from '../../../protocol/sessions.js';
import { TEST_PASSWORD, type SignedUp } from './relay-api.js';

export interface StudioLiveOptions {
  isPublic?: boolean;
  title?: string;
}

/** Signs an existing account in on the studio's own sign-in form, as a streamer does. */
export async function signInToStudio(page: Page, account: SignedUp): Promise<void> {
  await page.goto('/studio');
  await page.getByTestId('auth-username').fill(account.user.username);
  await page.getByTestId('auth-password').fill(TEST_PASSWORD);
  await page.getByTestId('auth-login').click();
  await expect(page.getByTestId('source-add')).toBeVisible();
}

async function addSource(page: Page, kind: 'camera' | 'microphone'): Promise<void> {
  await page.getByTestId('source-add').click();
  await page.getByTestId(`source-kind-${kind}`).click();
  await expect(page.locator(`[data-testid="source-item"][data-kind="${kind}"]`)).toHaveCount(1);
}

/**
 * Goes live from the real studio page: a camera (unless audio-only) and the microphone in the scene (the
 * browser's fake devices: a moving test pattern and a beeping tone), the go-live form filled and started.
 * Returns once the relay says live and, on the forwarder path, the upload is sending.
 */
export async function goLiveFromStudio(page: Page, account: SignedUp, type: SessionType, options: StudioLiveOptions = {}): Promise<string> {
  await signInToStudio(page, account);
  if (type !== 'audio') await addSource(page, 'camera');
  await addSource(page, 'microphone');
  await page.getByTestId('live-title').fill(options.title ?? `e2e ${type} live`);
  await page.getByTestId('live-type').selectOption(type);
  await page.getByTestId('live-public').setChecked(options.isPublic ?? true);
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  await expectPublishing(page);
  // A public live shows its /watch address; a private one offers viewer links instead, so the id is read
  // from the live state the panel shows either way.
  const sessionId = await page.getByTestId('live-state').getAttribute('data-session-id');
  if (!sessionId) throw new Error('the studio is live but shows no session id');
  if (options.isPublic ?? true) await expect(page.getByTestId('live-share-url')).toHaveValue(new RegExp(`/watch/${sessionId}$`));
  return sessionId;
}

/** The studio is live and sending: through the forwarder its WHIP upload is up; P2P sends to each viewer. */
export async function expectPublishing(page: Page): Promise<void> {
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  const media = page.getByTestId('live-media');
  await expect(media).toHaveAttribute('data-transport', /^(whip|p2p)$/);
  if ((await media.getAttribute('data-transport')) === 'whip') {
    await expect(media).toHaveAttribute('data-upload', 'sending', { timeout: 60_000 });
  }
}
