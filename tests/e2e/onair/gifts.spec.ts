import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/gifts');

/** The alerts source's box on the program (scenes/model/defaults.ts): x 0.15–0.85, y 0.06–0.26. */
const ALERT_BOX = { x: 0.2, y: 0.08, w: 0.6, h: 0.16 };

/**
 * Share of the pixels in the alert box of the viewer's video that are the alert card's yellow border or
 * its dark purple fill: near 0 on the camera's test pattern, well above once the alert is drawn.
 */
async function alertPixels(page: Page): Promise<number> {
  return page.evaluate((box) => {
    const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown; createElement(t: string): unknown } }).document;
    const video = doc.querySelector('video') as { videoWidth: number; videoHeight: number } | null;
    if (!video || video.videoWidth === 0) return -1;
    const canvas = doc.createElement('canvas') as {
      width: number;
      height: number;
      getContext(k: '2d'): { drawImage(v: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    };
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(video, 0, 0);
    const x = Math.round(box.x * canvas.width);
    const y = Math.round(box.y * canvas.height);
    const w = Math.round(box.w * canvas.width);
    const h = Math.round(box.h * canvas.height);
    const { data } = ctx.getImageData(x, y, w, h);
    let hits = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r = 0, g = 0, b = 0] = [data[i], data[i + 1], data[i + 2]];
      const darkPurple = r < 60 && g < 50 && b > 15 && b < 80 && b > g;
      const yellow = r > 200 && g > 190 && b < 140;
      if (darkPurple || yellow) hits += 1;
    }
    return hits / (data.length / 4);
  }, ALERT_BOX);
}

test('a viewer sends gifts: the room sees the animation with its combo, the host’s dock and earnings show them, and the alert is on the program', async ({
  goLive,
  newPage,
}) => {
  test.setTimeout(180_000);
  const { page: studio, sessionId } = await goLive('video', { title: 'Gift night' });
  // The alerts source goes into the scene on air.
  await studio.getByTestId('source-add').click();
  await studio.getByTestId('source-kind-alerts').click();
  await expect(studio.locator('[data-testid="source-item"][data-kind="alerts"]')).toHaveCount(1);

  const giver = await newPage();
  const watcher = await newPage();
  await Promise.all([giver.goto(`/watch/${sessionId}`), watcher.goto(`/watch/${sessionId}`)]);
  for (const page of [giver, watcher]) await expect(page.getByTestId('gift-bar')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => alertPixels(watcher), { timeout: 30_000 }).toBeGreaterThanOrEqual(0);
  const before = await alertPixels(watcher);

  await giver.getByTestId('get-coins').click();
  await expect(giver.getByTestId('wallet-coins')).toHaveAttribute('data-coins', '500');
  await giver.getByTestId('gift-count').selectOption('5');
  const rose = giver.locator('[data-testid="gift-button"][data-gift="rose"]');
  await rose.click();
  // The alert is drawn into the program itself for its 5 s: watch the viewer's decoded video from the
  // moment the gift is sent (checked below; waiting until after the other checks could miss it).
  const alertOnProgram = expect
    .poll(() => alertPixels(watcher), { timeout: 20_000, intervals: [250] })
    .toBeGreaterThan(Math.max(0.15, before * 3))
    .then(async () => {
      await watcher.screenshot({ path: path.join(shots, 'watcher-alert-on-program.png') });
      await studio.screenshot({ path: path.join(shots, 'studio-dock-and-alert.png') });
    });
  await expect(giver.getByTestId('wallet-coins')).toHaveAttribute('data-coins', '495');
  await rose.click();
  await expect(giver.getByTestId('wallet-coins')).toHaveAttribute('data-coins', '490');

  // Everyone in the room sees it: the other viewer's page shows the rose, the two sends of 5 stacked into ×10.
  const seen = watcher.locator('[data-testid="gift-animation"][data-gift="rose"]');
  await expect(seen).toHaveAttribute('data-combo', '10');
  await watcher.screenshot({ path: path.join(shots, 'watcher-combo.png') });

  // The host's studio: the gift in the chat dock and what the live earned (half of each 5-coin gift, rounded down: 2 + 2).
  await expect(studio.getByTestId('dock-gift').first()).toContainText('×5');
  await expect(studio.getByTestId('live-earnings')).toHaveAttribute('data-diamonds', '4');
  await expect(watcher.getByTestId('top-gifter').first()).toBeVisible();

  // The viewer's decoded video carried the alert.
  await alertOnProgram;

  // A wallet that cannot pay is told so, and nothing is spent.
  await giver.getByTestId('gift-count').selectOption('99');
  await giver.locator('[data-testid="gift-button"][data-gift="lion"]').click();
  await expect(giver.getByTestId('gift-error')).toBeVisible();
  await expect(giver.getByTestId('wallet-coins')).toHaveAttribute('data-coins', '490');
  await giver.screenshot({ path: path.join(shots, 'giver-insufficient.png') });
});
