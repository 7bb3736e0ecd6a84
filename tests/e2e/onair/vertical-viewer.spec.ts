import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { addSource, registerInStudio, videoFrames } from '../studio/helpers.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/onair');

interface VideoSize {
  videoWidth: number;
  videoHeight: number;
}
const videoSize = (page: Page) =>
  page.getByTestId('player').evaluate((el) => {
    const v = el as unknown as VideoSize;
    return { width: v.videoWidth, height: v.videoHeight };
  });

test('a portrait live fills a phone screen with the chat over the video; the desktop page has player controls and the description', async ({
  page,
  newPage,
  relayUrl,
}) => {
  page.on('dialog', (d) => void d.accept());
  await page.setViewportSize({ width: 1600, height: 900 });
  await registerInStudio(page, relayUrl);
  await page.getByTestId('output-preset').selectOption('720x1280');
  await expect(page.getByTestId('program-canvas')).toHaveJSProperty('height', 1280);
  await addSource(page, 'camera');
  await addSource(page, 'microphone');
  await page.getByTestId('live-title').fill('Portrait live');
  await page.getByLabel('Description').fill('A walk through the market, filmed on a phone.');
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  await page.screenshot({ path: path.join(shots, 'studio-portrait.png') });
  const shareUrl = await page.getByTestId('live-share-url').inputValue();

  // A phone: the picture is portrait and fills the screen; chat and reactions float over it.
  const phone = await newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(shareUrl);
  await expect.poll(async () => (await videoSize(phone)).height, { message: 'a decoded picture' }).toBeGreaterThan(0);
  const size = await videoSize(phone);
  expect(size.height).toBeGreaterThan(size.width);
  await expect(phone.getByTestId('player-stage')).toHaveAttribute('data-portrait', 'true');
  const stage = (await phone.getByTestId('player-stage').boundingBox())!;
  expect(stage.width).toBeGreaterThanOrEqual(389);
  expect(stage.height).toBeGreaterThanOrEqual(843);
  const chatBox = (await phone.getByRole('region', { name: 'Chat' }).boundingBox())!;
  expect(chatBox.y).toBeGreaterThan(844 / 2); // over the lower part of the video, not below it
  expect(chatBox.y + chatBox.height).toBeLessThanOrEqual(845);
  await phone.getByTestId('display-name-input').fill('Phone viewer');
  await phone.getByTestId('display-name-submit').click();
  await phone.getByTestId('chat-input').fill('Looks great on my phone');
  await phone.getByTestId('chat-input').press('Enter');
  await expect(phone.getByText('Looks great on my phone')).toBeVisible();
  // Choosing a name signs in again (a named guest): wait for the message and the picture to settle.
  await expect(phone.getByText('Sending…')).toHaveCount(0);
  await expect(phone.getByTestId('player-overlay')).toHaveCount(0);
  const before = await videoFrames(phone, 'player');
  await expect.poll(async () => (await videoFrames(phone, 'player')).frames, { message: 'the picture moves again' }).toBeGreaterThan(before.frames + 10);
  await phone.screenshot({ path: path.join(shots, 'watch-portrait-phone.png') });
  // The player's buttons and the reaction column share the right edge of a phone: neither hides the other.
  const fullscreenBox = (await phone.getByTestId('player-fullscreen').boundingBox())!;
  const reactionsBox = (await phone.locator('.reaction-bar').boundingBox())!;
  const overlaps =
    fullscreenBox.x < reactionsBox.x + reactionsBox.width && reactionsBox.x < fullscreenBox.x + fullscreenBox.width &&
    fullscreenBox.y < reactionsBox.y + reactionsBox.height && reactionsBox.y < fullscreenBox.y + fullscreenBox.height;
  expect(overlaps, 'full-screen button under the reaction column').toBe(false);

  // A desktop viewer: the description, the host link, and the player's controls.
  const desktop = await newPage();
  await desktop.setViewportSize({ width: 1366, height: 768 });
  await desktop.goto(shareUrl);
  await expect(desktop.getByTestId('watch-description')).toHaveText('A walk through the market, filmed on a phone.');
  await expect(desktop.getByTestId('host-link')).toHaveAttribute('href', /\/\?host=/);
  await expect(desktop.getByTestId('player-stage')).toHaveAttribute('data-portrait', 'true');
  await desktop.getByTestId('unmute-button').click();
  await expect(desktop.getByTestId('player')).toHaveJSProperty('muted', false);
  await desktop.getByTestId('player-volume').fill('0.4');
  await expect(desktop.getByTestId('player')).toHaveJSProperty('volume', 0.4);
  await expect(desktop.getByTestId('player-pip')).toBeVisible();
  await desktop.screenshot({ path: path.join(shots, 'watch-portrait-desktop.png') });
  await desktop.getByTestId('player-fullscreen').click();
  await expect.poll(() => desktop.evaluate(() => (globalThis as unknown as { document: { fullscreenElement: unknown } }).document.fullscreenElement !== null)).toBe(true);
  await desktop.getByTestId('player-fullscreen').click();
  await expect.poll(() => desktop.evaluate(() => (globalThis as unknown as { document: { fullscreenElement: unknown } }).document.fullscreenElement === null)).toBe(true);

  // The host link lists the host's lives.
  await desktop.getByTestId('host-link').click();
  await expect(desktop.getByTestId('directory-session')).toHaveCount(1);

  // Once it ends, the viewer is pointed to the directory instead of a dead end.
  await page.getByTestId('live-end').click();
  await page.getByTestId('live-end-confirm').click(); // ending asks first
  await expect(phone.getByTestId('other-lives')).toBeVisible();
  await expect(phone.getByTestId('to-directory')).toHaveAttribute('href', '/');
  await phone.screenshot({ path: path.join(shots, 'watch-ended-phone.png') });
});
