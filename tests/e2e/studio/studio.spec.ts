import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { chromiumArgs } from '../../../playwright.config.js';
import { expect, test } from '../support/fixtures.js';
import { addImage, addSource, probeWebm, programFingerprint, registerInStudio, uniqueUser, videoFrames } from './helpers.js';

/** Screenshots of the studio, looked at by a person after a run. */
const shots = path.resolve(import.meta.dirname, '../../../test-results/studio');

test.use({
  viewport: { width: 1600, height: 900 },
  acceptDownloads: true,
  // Screen sources: headless Chromium grants getDisplayMedia the whole (virtual) screen without a picker.
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...chromiumArgs, '--auto-select-desktop-capture-source=Entire screen'],
  },
});

const sourceItems = (page: Page) => page.getByTestId('source-item');

test('builds a scene with camera, image and text, moves a source and switches scenes', async ({ page, relayUrl }) => {
  await registerInStudio(page, relayUrl);
  await addSource(page, 'camera');
  await addImage(page);
  await addSource(page, 'screen');
  await addSource(page, 'text');
  await expect(sourceItems(page)).toHaveCount(4);
  await expect(sourceItems(page).first()).toHaveAttribute('data-kind', 'text'); // top of the list = drawn last
  // The screen capture shrinks into a corner so the camera stays visible.
  await sourceItems(page).nth(1).click();
  for (const [label, value] of [['X %', '60'], ['Y %', '5'], ['Width %', '35'], ['Height %', '35']] as const) {
    await page.getByLabel(label).fill(value);
  }
  await sourceItems(page).first().click();

  // The camera is live on the program canvas: its picture keeps changing.
  const first = await programFingerprint(page);
  await expect.poll(() => programFingerprint(page)).not.toBe(first);

  // Drag the text (selected after adding) to the right by a fifth of the canvas.
  const xField = page.getByLabel('X %');
  await expect(xField).toHaveValue('5');
  const overlay = page.getByTestId('edit-overlay');
  const box = (await overlay.boundingBox())!;
  const start = { x: box.x + box.width * 0.35, y: box.y + box.height * 0.86 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + box.width * 0.1, start.y, { steps: 4 });
  await page.mouse.move(start.x + box.width * 0.2, start.y, { steps: 4 });
  await page.mouse.up();
  await expect(xField).toHaveValue('25');

  // A locked source does not move.
  await page.getByTestId('source-item').first().hover();
  await page.getByTestId('source-item').first().getByTitle('Lock').click();
  await page.mouse.move(start.x + box.width * 0.2, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x, start.y, { steps: 4 });
  await page.mouse.up();
  await expect(xField).toHaveValue('25');
  await page.screenshot({ path: path.join(shots, 'scene-built.png') });

  // A second scene goes on program at once (studio mode off); hotkey 1 brings the first back.
  await page.getByTestId('scene-add').click();
  await expect(page.getByTestId('scene-item')).toHaveCount(2);
  await expect(sourceItems(page)).toHaveCount(0);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('1');
  await expect(sourceItems(page)).toHaveCount(4);
  await expect(page.getByTestId('scene-item').first()).toHaveAttribute('data-active', 'true');

  // The scene collection survives a reload.
  await page.reload();
  await expect(page.getByTestId('scene-item')).toHaveCount(2);
  await expect(sourceItems(page)).toHaveCount(4);
});

test('studio mode: hotkeys cue scenes in preview, Transition takes them to program; French UI', async ({ page, relayUrl }) => {
  await registerInStudio(page, relayUrl);
  await addSource(page, 'text');
  await page.getByTestId('scene-add').click();
  await addSource(page, 'camera');
  await page.getByText('Studio mode').click();
  await expect(page.getByTestId('preview-canvas')).toBeVisible();
  const scenes = page.getByTestId('scene-item');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('1');
  await expect(scenes.nth(0)).toHaveAttribute('data-active', 'true');
  await expect(scenes.nth(1)).toHaveAttribute('data-on-air', 'true');
  await page.screenshot({ path: path.join(shots, 'studio-mode.png') });
  await page.getByTestId('transition-take').click();
  await expect(scenes.nth(0)).toHaveAttribute('data-on-air', 'true');

  await page.getByRole('combobox', { name: 'Language' }).first().selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Scènes' })).toBeVisible();
  await expect(page.getByText('Mode studio')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'studio-fr.png') });
});

test('goes live; a viewer sees moving video and chats; the dock moderates', async ({ page, browser, relayUrl }) => {
  await registerInStudio(page, relayUrl);
  await addSource(page, 'camera');
  await addSource(page, 'text');
  await page.getByTestId('go-live').click();
  await page.getByTestId('live-title').fill('E2E live');
  await page.getByTestId('live-public').check();
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  const shareUrl = await page.getByTestId('live-share-url').inputValue();
  expect(shareUrl).toMatch(new RegExp(`^${relayUrl}/watch/[\\w-]+$`));

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.goto(shareUrl);
  await expect(viewer.getByTestId('session-state')).toContainText(/live/i);
  // Moving video: frames keep arriving and the playback clock advances.
  await expect.poll(async () => (await videoFrames(viewer, 'player')).width, { timeout: 30_000 }).toBeGreaterThan(0);
  const before = await videoFrames(viewer, 'player');
  await expect.poll(async () => (await videoFrames(viewer, 'player')).time, { timeout: 15_000 }).toBeGreaterThan(before.time);
  await expect(page.getByTestId('live-viewers')).not.toHaveText('0');
  // Public: the relay's forwarder carries the program (one WHIP upload), and the studio says so.
  await expect(page.getByTestId('live-media')).toHaveAttribute('data-transport', 'whip');
  await expect(page.getByTestId('live-media')).toHaveAttribute('data-upload', 'sending');
  await expect(viewer.getByTestId('player')).toHaveAttribute('data-transport', 'whip');
  // The studio's bitrate is what that single upload sends (not a sum over P2P viewers, of which there are none).
  const bitrate = page.getByTestId('live-stats').getByText(/kb\/s$/);
  await expect.poll(async () => Number.parseInt((await bitrate.textContent()) ?? '', 10), { timeout: 15_000 }).toBeGreaterThan(0);

  // The viewer picks a name and chats.
  await viewer.getByTestId('display-name-input').fill(uniqueUser('Viewer'));
  await viewer.getByTestId('display-name-submit').click();
  const say = async (text: string) => {
    await viewer.getByTestId('chat-input').fill(text);
    await viewer.getByTestId('chat-send').click();
  };
  await say('hello from the viewer');
  await say('a message to delete');
  const dockMessage = (text: string) => page.getByTestId('chat-message').filter({ hasText: text });
  await expect(dockMessage('hello from the viewer')).toBeVisible();
  await expect(dockMessage('a message to delete')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'live-dock.png') });

  // Pin → the viewer's pinned banner shows it.
  await dockMessage('hello from the viewer').hover();
  await dockMessage('hello from the viewer').getByTestId('msg-pin').click();
  await expect(viewer.getByTestId('pinned-message')).toContainText('hello from the viewer');

  // Delete → gone from the viewer's chat.
  const viewerMessage = (text: string) => viewer.getByTestId('chat-message').filter({ hasText: text });
  await expect(viewerMessage('a message to delete')).toBeVisible();
  await dockMessage('a message to delete').hover();
  await dockMessage('a message to delete').getByTestId('msg-delete').click();
  await expect(viewerMessage('a message to delete')).toHaveCount(0);
  await expect(dockMessage('a message to delete')).toHaveCount(0);

  // Mute → the viewer's next message never reaches the chat (checked once a later host message has arrived).
  await dockMessage('hello from the viewer').hover();
  await dockMessage('hello from the viewer').getByTestId('msg-mute').click();
  await expect(viewer.getByText(/muted/i).first()).toBeVisible();
  await say('muted words');
  await page.getByTestId('chat-input').fill('host speaking after the mute');
  await page.getByTestId('chat-send').click();
  await expect(viewerMessage('host speaking after the mute')).toBeVisible();
  await expect(dockMessage('muted words')).toHaveCount(0);

  // Ban → the viewer is out: their page says so and the chat input is gone or disabled.
  await dockMessage('hello from the viewer').hover();
  await dockMessage('hello from the viewer').getByTestId('msg-ban').click();
  await page.getByTestId('ban-confirm').click(); // a ban asks for a reason and whether their messages go too
  await expect
    .poll(async () => {
      const input = viewer.getByTestId('chat-input');
      // The input may go between the two reads: a detached input counts as gone.
      return (await input.count()) === 0 || (await input.isDisabled({ timeout: 1_000 }).catch(() => true));
    })
    .toBe(true);
  await viewer.screenshot({ path: path.join(shots, 'viewer-after-ban.png') });

  await page.getByTestId('live-end').click();

  await page.getByTestId('live-end-confirm').click(); // ending asks first
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'ended');
  await viewerContext.close();
  // Someone arriving now finds the session over.
  const late = await browser.newPage();
  await late.goto(shareUrl);
  await expect(late.getByTestId('session-state')).toContainText(/ended/i);
  await late.close();
});

test('records the program for 3 seconds into a playable WebM', async ({ page, relayUrl }) => {
  await registerInStudio(page, relayUrl);
  await addSource(page, 'camera');
  await addSource(page, 'microphone');
  await page.getByTestId('record-start').click();
  await expect(page.getByTestId('record-stop')).toBeVisible();
  await page.waitForTimeout(3_000); // the recording's length, not a wait for the app
  const download = page.waitForEvent('download');
  await page.getByTestId('record-stop').click();
  const file = await (await download).path();
  const bytes = await readFile(file);
  expect(bytes.length).toBeGreaterThan(10_000);
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]); // EBML magic

  const duration = await probeWebm(page, bytes.toString('base64'));
  expect(duration.width).toBe(1280);
  expect(duration.duration).toBeGreaterThan(2);
  await page.screenshot({ path: path.join(shots, 'recorded.png') });
});

test('a guest joins by invite link, is brought on stage into the program, muted and removed', async ({ page, relayUrl, newPage }) => {
  await registerInStudio(page, relayUrl);
  await addSource(page, 'text');
  await page.getByTestId('live-title').fill('With a guest');
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');

  await page.getByTestId('invite-link').click();
  const inviteUrl = await page.getByTestId('invite-link-url').inputValue();
  expect(inviteUrl).toMatch(/\/join\/[^/]+$/);

  const guest = await newPage();
  await guest.goto(inviteUrl);
  await guest.getByTestId('join-guest-name').fill('Gina');
  await guest.getByTestId('join-continue').click();
  await expect(guest.getByTestId('join-enter')).toBeEnabled();
  await guest.getByTestId('join-enter').click();
  await expect(guest.getByTestId('guest-state')).toHaveAttribute('data-state', 'on-stage', { timeout: 45_000 });

  // The guest is listed; bringing them on stage adds a guest source showing their live camera.
  const item = page.getByTestId('guest-item').filter({ hasText: 'Gina' });
  await expect(item).toBeVisible();
  const before = await programFingerprint(page);
  await item.getByTestId('guest-bring-on').click();
  await expect(page.locator('[data-testid="source-item"][data-kind="guest"]')).toHaveCount(1);
  await expect.poll(() => programFingerprint(page), { timeout: 30_000 }).not.toBe(before);
  const withGuest = await programFingerprint(page);
  await expect.poll(() => programFingerprint(page)).not.toBe(withGuest); // moving, not a still
  await page.screenshot({ path: path.join(shots, 'guest-on-stage.png') });

  // Host mutes the guest from the panel: the guest page says so.
  await item.getByRole('button', { name: 'Mute' }).click();
  await expect(guest.getByTestId('host-muted-notice')).toBeVisible();

  // Remove: the guest leaves the stage and the guest source goes with them.
  await item.getByRole('button', { name: 'Remove' }).click();
  await expect(page.locator('[data-testid="source-item"][data-kind="guest"]')).toHaveCount(0);
  await expect(guest.getByTestId('guest-state')).not.toHaveAttribute('data-state', 'on-stage');
});

test('a reloaded studio picks up its running live session and can end it', async ({ page, relayUrl }) => {
  await registerInStudio(page, relayUrl);
  await addSource(page, 'camera');
  await page.getByTestId('live-title').fill('Survives a reload');
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  const shareUrl = await page.getByTestId('live-share-url').inputValue();

  await page.reload();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('live-share-url')).toHaveValue(shareUrl);
  await page.getByTestId('live-end').click();
  await page.getByTestId('live-end-confirm').click(); // ending asks first
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'ended');
  // Ended: a new live can be started.
  await expect(page.getByTestId('live-start')).toBeEnabled();
});

test('signing out on air asks first, then ends the live: nothing keeps broadcasting', async ({ page, browser, relayUrl }) => {
  await registerInStudio(page, relayUrl);
  await addSource(page, 'camera');
  await page.getByTestId('live-title').fill('Sign-out while live');
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  const shareUrl = await page.getByTestId('live-share-url').inputValue();
  const viewer = await browser.newPage();
  await viewer.goto(shareUrl);
  await expect(viewer.getByTestId('session-state')).toContainText(/live/i);

  // Cancelled: still live, still signed in.
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');

  // Accepted: the live ends for the viewer and the studio is signed out.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('auth-username')).toBeVisible();
  await expect(viewer.getByTestId('session-state')).toContainText(/ended/i);
  await viewer.close();
});

interface TrackSpy {
  __liveTracks(): string[];
}

test('signed out, the studio holds no camera: not after signing out, not on the sign-in form after a reload', async ({ page, relayUrl }) => {
  // Counts the tracks the page got from getUserMedia that are still capturing.
  await page.addInitScript(() => {
    const g = globalThis as unknown as {
      navigator: { mediaDevices: { getUserMedia(c: unknown): Promise<{ getTracks(): Array<{ kind: string; readyState: string }> }> } };
    } & TrackSpy;
    const tracks: Array<{ kind: string; readyState: string }> = [];
    const original = g.navigator.mediaDevices.getUserMedia.bind(g.navigator.mediaDevices);
    g.navigator.mediaDevices.getUserMedia = async (c) => {
      const stream = await original(c);
      tracks.push(...stream.getTracks());
      return stream;
    };
    g.__liveTracks = () => tracks.filter((t) => t.readyState === 'live').map((t) => t.kind);
  });
  const liveTracks = () => page.evaluate(() => (globalThis as unknown as TrackSpy).__liveTracks());
  const username = await registerInStudio(page, relayUrl);
  await addSource(page, 'camera');
  await expect.poll(liveTracks).toEqual(['video']);

  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('auth-username')).toBeVisible();
  await expect.poll(liveTracks).toEqual([]);
  await page.reload();
  await expect(page.getByTestId('auth-username')).toBeVisible();
  expect(await liveTracks()).toEqual([]);
  // Signing back in brings the saved scene's camera back.
  await page.getByTestId('auth-username').fill(username);
  await page.getByTestId('auth-password').fill('correct horse battery');
  await page.getByTestId('auth-login').click();
  await expect(page.getByTestId('source-item')).toHaveCount(1);
  await expect.poll(liveTracks).toEqual(['video']);
});

test('on air, the Delete key asks before removing a source', async ({ page, relayUrl }) => {
  await registerInStudio(page, relayUrl);
  await addSource(page, 'camera');
  await page.getByTestId('live-title').fill('Careful keys');
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  await sourceItems(page).first().click();

  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.keyboard.press('Delete');
  await expect(sourceItems(page)).toHaveCount(1);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.keyboard.press('Delete');
  await expect(sourceItems(page)).toHaveCount(0);
  await page.getByTestId('live-end').click();
  await page.getByTestId('live-end-confirm').click(); // ending asks first
});
