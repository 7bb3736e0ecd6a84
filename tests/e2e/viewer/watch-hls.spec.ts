import path from 'node:path';
import { z } from 'zod';
import { expect, test } from '../support/fixtures.js';
import { videoPixels } from '../support/probes.js';
import { addSource, registerInStudio } from '../studio/helpers.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/viewer');
const PLAYER = '[data-testid="player"]';

const Playback = z.object({ currentTime: z.number(), decoded: z.number(), latency: z.number().nullable(), levels: z.array(z.number()) });

test('the studio goes live; /watch?transport=hls plays it through hls.js with a latency, a rendition and a quality picker', async ({ newPage, relayUrl }) => {
  test.setTimeout(150_000);
  const page = await newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  await registerInStudio(page, relayUrl);
  await addSource(page, 'camera');
  await page.getByTestId('go-live').click();
  await page.getByTestId('live-title').fill('LL-HLS live');
  await page.getByTestId('live-public').check();
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('live-media')).toHaveAttribute('data-upload', 'sending');
  const shareUrl = await page.getByTestId('live-share-url').inputValue();

  const viewer = await newPage();
  await viewer.goto(`${shareUrl}${shareUrl.includes('?') ? '&' : '?'}transport=hls`);
  await expect(viewer.locator(PLAYER)).toHaveAttribute('data-transport', 'hls', { timeout: 60_000 });
  // hls.js is exposed as window.__hls by the page (shared/media/hls/hls-playback.ts).
  const playback = async () => Playback.parse(await viewer.evaluate(`(() => {
    const video = document.querySelector('[data-testid="player"]');
    const hls = window.__hls;
    const latency = hls && Number.isFinite(hls.latency) ? hls.latency : null;
    return { currentTime: video.currentTime, decoded: video.getVideoPlaybackQuality().totalVideoFrames, latency, levels: hls ? hls.levels.map((l) => l.height) : [] };
  })()`));
  await expect.poll(async () => (await playback()).decoded, { timeout: 60_000 }).toBeGreaterThan(30);
  const first = await playback();
  await expect.poll(async () => (await playback()).currentTime, { timeout: 20_000 }).toBeGreaterThan(first.currentTime + 2);
  await expect.poll(async () => (await playback()).decoded, { timeout: 20_000 }).toBeGreaterThan(first.decoded + 30);
  const now = await playback();
  expect(now.levels.length).toBe(2);
  expect(now.latency).not.toBeNull();
  expect((await videoPixels(viewer, PLAYER)).variance).toBeGreaterThan(100);
  const badge = viewer.getByTestId('transport-badge');
  await expect(badge).toHaveAttribute('data-transport', 'hls');
  await expect(badge).toContainText(/LL-HLS · [\d.]+ s (behind live|de retard)/);
  // Quality picker: pick the lower rendition; the badge follows once hls.js switched.
  const low = Math.min(...now.levels);
  await viewer.getByTestId('quality-picker').selectOption({ label: `${low}p` });
  await expect(badge).toContainText(`${low}p`, { timeout: 20_000 });
  await viewer.screenshot({ path: path.join(shots, 'watch-hls.png') });

  await page.getByTestId('live-end').click();
  await page.getByTestId('live-end-confirm').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'ended');
});
