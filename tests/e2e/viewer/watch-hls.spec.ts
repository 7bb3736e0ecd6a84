import path from 'node:path';
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { expect, test } from '../support/fixtures.js';
import { instrument, rtcStats, videoPixels } from '../support/probes.js';
import { startRelayProcess } from '../support/relay-process.js';
import { addSource, registerInStudio } from '../studio/helpers.js';

const root = path.resolve(import.meta.dirname, '../../..');
const shots = path.resolve(root, 'test-results/viewer');
const PLAYER = '[data-testid="player"]';

const Playback = z.object({ currentTime: z.number(), decoded: z.number(), latency: z.number().nullable(), levels: z.array(z.number()) });

/** The /watch player's time, decoded frames, and hls.js's latency and renditions (window.__hls, set by shared/media/hls/hls-playback.ts). */
async function playbackOf(viewer: Page): Promise<z.infer<typeof Playback>> {
  return Playback.parse(await viewer.evaluate(`(() => {
    const video = document.querySelector('[data-testid="player"]');
    const hls = window.__hls;
    const latency = hls && Number.isFinite(hls.latency) ? hls.latency : null;
    return { currentTime: video.currentTime, decoded: video.getVideoPlaybackQuality().totalVideoFrames, latency, levels: hls ? hls.levels.map((l) => l.height) : [] };
  })()`));
}

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
  const playback = () => playbackOf(viewer);
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

// Own relay process: WEBRTC_VIEWERS_PER_NODE=1 is the point of the test (the shared relay has room for many).
test('past WEBRTC_VIEWERS_PER_NODE, a viewer opening /watch without ?transport lands on LL-HLS by itself', async ({ browser }) => {
  test.setTimeout(180_000);
  const relay = await startRelayProcess({ root, webRoot: path.join(root, 'dist-web'), env: { WEBRTC_VIEWERS_PER_NODE: '1' } });
  const contexts = await Promise.all([0, 1, 2].map(() => browser.newContext({ baseURL: relay.url, permissions: ['camera', 'microphone'] })));
  try {
    const [studio, first, second] = await Promise.all(contexts.map(async (context) => {
      const page = await context.newPage();
      await instrument(page);
      return page;
    }));
    await studio!.setViewportSize({ width: 1600, height: 900 });
    await registerInStudio(studio!, relay.url);
    await addSource(studio!, 'camera');
    await studio!.getByTestId('go-live').click();
    await studio!.getByTestId('live-title').fill('Crowded live');
    await studio!.getByTestId('live-public').check();
    await studio!.getByTestId('live-start').click();
    await expect(studio!.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
    await expect(studio!.getByTestId('live-media')).toHaveAttribute('data-upload', 'sending');
    const shareUrl = await studio!.getByTestId('live-share-url').inputValue();
    expect(shareUrl).not.toContain('transport=');

    // The node's one WebRTC seat: the first viewer plays over WebRTC.
    await first!.goto(shareUrl);
    await expect(first!.getByTestId('transport-badge')).toHaveAttribute('data-transport', 'webrtc', { timeout: 60_000 });
    await expect.poll(async () => (await rtcStats(first!)).framesDecoded, { timeout: 30_000 }).toBeGreaterThan(30);

    // The next viewer finds no room on WebRTC and plays LL-HLS, without asking for it.
    await second!.goto(shareUrl);
    const badge = second!.getByTestId('transport-badge');
    await expect(badge).toHaveAttribute('data-transport', 'hls', { timeout: 60_000 });
    await expect(badge).toContainText(/LL-HLS/);
    await expect.poll(async () => (await playbackOf(second!)).decoded, { timeout: 60_000 }).toBeGreaterThan(30);
    const before = await playbackOf(second!);
    // Three pages, the relay's x264 ladder and the studio's encoder share the machine: allow for a slow one.
    await expect.poll(async () => (await playbackOf(second!)).currentTime, { timeout: 45_000 }).toBeGreaterThan(before.currentTime + 2);
    await expect.poll(async () => (await playbackOf(second!)).decoded, { timeout: 45_000 }).toBeGreaterThan(before.decoded + 30);
    // It took no WebRTC seat: its page opened no peer connection that decodes.
    expect((await rtcStats(second!)).framesDecoded).toBe(0);
    // And the first viewer is still on WebRTC.
    await expect(first!.getByTestId('transport-badge')).toHaveAttribute('data-transport', 'webrtc');
    // The host's studio counts each viewer on the path it plays: one over WebRTC, one over LL-HLS.
    const paths = studio!.getByTestId('stream-health-paths');
    await expect(paths).toHaveAttribute('data-webrtc', '1', { timeout: 15_000 });
    await expect(paths).toHaveAttribute('data-hls', '1');
    await expect(paths).toContainText('1 WebRTC · 1 HLS');
    await second!.screenshot({ path: path.join(shots, 'watch-hls-past-webrtc-room.png') });
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
    await relay.stop();
  }
});
