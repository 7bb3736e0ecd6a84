import path from 'node:path';
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { expect, test } from '../support/fixtures.js';
import { addSource, registerInStudio, uniqueUser } from '../studio/helpers.js';

/** Screenshots of a streamer joining another streamer's live from their own studio. */
const shots = path.resolve(import.meta.dirname, '../../../test-results/cohost');

test.use({ viewport: { width: 1600, height: 900 } });
// Three pages with live WebRTC on a shared 2-core machine: a generous bound, not a speed claim.
test.setTimeout(480_000);

const Halves = z.object({ width: z.number(), left: z.array(z.number()), right: z.array(z.number()) });
interface FrameGlobals {
  document: { createElement(tag: 'canvas'): { width: number; height: number; getContext(k: '2d'): Ctx2d | null } };
}
interface Ctx2d {
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
}

/** Mean RGB of the left and right halves of what a <video> shows now. */
async function halves(page: Page, testId: string) {
  const raw = await page.getByTestId(testId).evaluate((el) => {
    const video = el as unknown as { videoWidth: number };
    const { document } = globalThis as unknown as FrameGlobals;
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 36;
    const ctx = canvas.getContext('2d');
    if (!ctx || !video.videoWidth) return { width: 0, left: [0, 0, 0], right: [0, 0, 0] };
    ctx.drawImage(el, 0, 0, 64, 36);
    const mean = (x0: number) => {
      const { data } = ctx.getImageData(x0, 4, 28, 28);
      const sum = [0, 0, 0];
      for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c += 1) sum[c]! += data[i + c]!;
      return sum.map((v) => v / (data.length / 4));
    };
    return { width: video.videoWidth, left: mean(2), right: mean(34) };
  });
  return Halves.parse(raw);
}

const TopBottom = z.object({ width: z.number(), top: z.array(z.number()), bottom: z.array(z.number()) });

/** Mean RGB of the top and bottom halves of the studio's program canvas, and its width. */
async function canvasHalves(page: Page) {
  const raw = await page.getByTestId('program-canvas').evaluate((el) => {
    const source = el as unknown as { width: number };
    const { document } = globalThis as unknown as FrameGlobals;
    const canvas = document.createElement('canvas');
    canvas.width = 36;
    canvas.height = 64;
    const ctx = canvas.getContext('2d');
    if (!ctx) return { width: 0, top: [0, 0, 0], bottom: [0, 0, 0] };
    ctx.drawImage(el, 0, 0, 36, 64);
    const mean = (y0: number) => {
      const { data } = ctx.getImageData(4, y0, 28, 28);
      const sum = [0, 0, 0];
      for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c += 1) sum[c]! += data[i + c]!;
      return sum.map((v) => v / (data.length / 4));
    };
    return { width: source.width, top: mean(2), bottom: mean(34) };
  });
  return TopBottom.parse(raw);
}

test('a second streamer invited by username accepts in their studio, sends their own program, and a viewer sees both', async ({
  page: host,
  newPage,
  relayUrl,
}) => {
  // The second streamer: a studio whose scene is a red card (what they will send as their feed).
  const second = await newPage();
  const secondName = uniqueUser('cohost');
  await registerInStudio(second, relayUrl, secondName);
  await second.getByTestId('source-add').click();
  await second.getByTestId('source-kind-color').click();
  await second.locator('input[type=color]').first().fill('#e01010');
  await expect(second.getByTestId('invitations-inbox')).toHaveAttribute('data-count', '0');

  // The host goes live with a camera and invites them by username.
  await registerInStudio(host, relayUrl);
  await addSource(host, 'camera');
  await host.getByTestId('go-live').click();
  await host.getByTestId('live-title').fill('Two studios');
  await host.getByTestId('live-public').check();
  await host.getByTestId('live-start').click();
  await expect(host.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  const shareUrl = await host.getByTestId('live-share-url').inputValue();
  await host.getByTestId('invite-search').fill(secondName);
  await host.getByTestId('invite-user').click();
  await expect(host.getByTestId('sent-invitation')).toHaveAttribute('data-status', 'pending');

  // The invitation pops up in the second studio in real time.
  const item = second.getByTestId('invitation-item');
  await expect(item).toBeVisible();
  await expect(item).toContainText('Two studios');
  await second.screenshot({ path: path.join(shots, 'studio-invitation-toast.png') });
  await item.getByTestId('invitation-accept').click();
  await expect(host.getByTestId('sent-invitation')).toHaveAttribute('data-status', 'accepted');

  // The guest console opens in the second studio; they send their own program instead of a camera.
  const console = second.getByTestId('guest-console');
  await expect(console).toHaveAttribute('data-phase', 'stage');
  await expect(console.getByTestId('guest-on-air')).toHaveAttribute('data-state', 'backstage');
  await console.getByTestId('guest-feed-program').check();
  await expect(console.getByTestId('console-link')).toHaveAttribute('data-state', 'on-stage', { timeout: 45_000 });
  await second.screenshot({ path: path.join(shots, 'studio-guest-console-backstage.png') });

  // The host brings them on, side by side with the host's camera.
  await host.getByTestId('layout-side-by-side').click();
  const guestItem = host.getByTestId('guest-item');
  await expect(guestItem).toHaveAttribute('data-status', 'backstage');
  await guestItem.getByTestId('guest-bring-on').click();
  await expect(console.getByTestId('guest-on-air')).toHaveAttribute('data-state', 'on-air');
  await expect(host.getByTestId('source-item').filter({ hasText: 'Guest' })).toHaveCount(1);
  await second.screenshot({ path: path.join(shots, 'studio-guest-console-on-air.png') });
  await host.screenshot({ path: path.join(shots, 'studio-host-with-studio-guest.png') });

  // A viewer decodes both: the host's green camera on the left, the guest studio's red card on the right.
  const viewer = await newPage();
  await viewer.goto(shareUrl);
  await expect.poll(async () => (await halves(viewer, 'player')).width, { timeout: 45_000 }).toBeGreaterThan(0);
  await expect
    .poll(
      async () => {
        const { left, right } = await halves(viewer, 'player');
        return left[1]! > left[0]! + 40 && right[0]! > 150 && right[0]! > right[1]! + 80;
      },
      { timeout: 45_000 },
    )
    .toBe(true);
  await viewer.screenshot({ path: path.join(shots, 'viewer-host-and-studio-guest.png') });

  // A vertical output (a phone-shaped live): the same layout reflows top and bottom.
  await host.getByTestId('output-preset').selectOption('720x1280');
  await expect
    .poll(
      async () => {
        const { width, top, bottom } = await canvasHalves(host);
        return width === 720 && top[1]! > top[0]! + 40 && bottom[0]! > 150 && bottom[0]! > bottom[1]! + 80;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await host.screenshot({ path: path.join(shots, 'studio-vertical-side-by-side.png') });

  // The guest leaves from the console: back to an empty slot on the host's side.
  await console.getByTestId('guest-console-leave').click();
  await expect(console).toHaveAttribute('data-phase', 'left');
  await expect(guestItem).toHaveCount(0);
});
