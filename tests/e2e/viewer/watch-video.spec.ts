import { test, expect } from '../support/fixtures.js';
import { audioRms, rtcStats, videoPixels } from '../support/probes.js';
import { expectPublishing } from '../support/studio.js';

const PLAYER = '[data-testid="player"]';

test.describe('viewer page /watch/:id', () => {
  test('two viewers receive the live program as moving video', async ({ goLive, newPage }, testInfo) => {
    const { sessionId, page: host } = await goLive('video');
    const viewers = [await newPage(), await newPage()];
    for (const viewer of viewers) await viewer.goto(`/watch/${sessionId}`);

    for (const viewer of viewers) {
      await expect(viewer.getByTestId('session-state')).toHaveAttribute('data-state', 'live');
      await expect.poll(async () => (await rtcStats(viewer)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(30);
      // Frames keep coming: the count grows again from where it is now.
      const before = (await rtcStats(viewer)).framesDecoded;
      await expect.poll(async () => (await rtcStats(viewer)).framesDecoded).toBeGreaterThan(before + 15);
      // Not a black or blank picture: the studio's camera is the browser's moving test pattern.
      const pixels = await videoPixels(viewer, PLAYER);
      expect(pixels.width).toBeGreaterThan(0);
      expect(pixels.variance).toBeGreaterThan(100);
    }
    // A public session goes through the relay's forwarder (MEDIA_MODE=auto): the studio uploads ONE
    // stream however many watch, and each viewer's player says it plays with WHEP.
    await expect(host.getByTestId('live-media')).toHaveAttribute('data-transport', 'whip');
    expect((await rtcStats(host)).peerConnections).toBe(1);
    for (const viewer of viewers) await expect(viewer.locator(PLAYER)).toHaveAttribute('data-transport', 'whip');
    // Two distinct pictures a moment apart: the video moves.
    const first = await viewers[0]!.locator(PLAYER).screenshot({ path: testInfo.outputPath('viewer-1-player-a.png') });
    await expect.poll(async () => (await viewers[0]!.locator(PLAYER).screenshot()).equals(first)).toBe(false);
    await viewers[0]!.locator(PLAYER).screenshot({ path: testInfo.outputPath('viewer-1-player-b.png') });
    await viewers[1]!.screenshot({ path: testInfo.outputPath('viewer-2-page.png') });
    await expect(viewers[0]!.getByTestId('viewer-count')).not.toHaveAttribute('data-count', '0');
  });

  test('an audio-only session delivers sound and no video', async ({ goLive, newPage }) => {
    const { sessionId } = await goLive('audio');
    const viewer = await newPage();
    await viewer.goto(`/watch/${sessionId}`);
    await expect(viewer.getByTestId('session-state')).toHaveAttribute('data-state', 'live');
    await expect.poll(async () => (await rtcStats(viewer)).audioPacketsReceived, { timeout: 45_000 }).toBeGreaterThan(50);
    // Real sound, not silence: the studio's microphone is the browser's fake device, which beeps.
    await viewer.getByTestId('unmute-button').click();
    await expect.poll(() => audioRms(viewer, PLAYER)).toBeGreaterThan(0.01);
    await expect.poll(async () => (await rtcStats(viewer)).audioEnergy).toBeGreaterThan(0);
    const stats = await rtcStats(viewer);
    expect(stats.framesDecoded).toBe(0);
  });

  test('a viewer who reloads the page plays again', async ({ goLive, newPage }) => {
    const { sessionId } = await goLive('video');
    const viewer = await newPage();
    // The page asks for its identity, seat and session early (before its bundle evaluates): once each.
    // Its WHEP offer too: the player takes over the boot module's offer instead of making a second one.
    const asked: string[] = [];
    viewer.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) asked.push(`${r.method()} ${url.pathname}`);
    });
    const once = ['POST /api/auth/viewer', `POST /api/sessions/${sessionId}/join`, `GET /api/sessions/${sessionId}`, `GET /api/sessions/${sessionId}/media`, `POST /api/whep/${sessionId}`];
    await viewer.goto(`/watch/${sessionId}`);
    await expect.poll(async () => (await rtcStats(viewer)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(10);
    expect(once.map((call) => asked.filter((a) => a === call).length), asked.join('\n')).toEqual([1, 1, 1, 1, 1]);
    await viewer.reload();
    await expect(viewer.getByTestId('session-state')).toHaveAttribute('data-state', 'live');
    // The probes restart with the page: these frames come from the new connection.
    await expect.poll(async () => (await rtcStats(viewer)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(10);
    expect((await videoPixels(viewer, PLAYER)).variance).toBeGreaterThan(100);
    expect(once.map((call) => asked.filter((a) => a === call).length), asked.join('\n')).toEqual([2, 2, 2, 2, 2]);
  });
});

test('viewers recover on their own when the studio page reloads', async ({ goLive, newPage }) => {
  const { sessionId, page: host } = await goLive('video');
  const viewer = await newPage();
  await viewer.goto(`/watch/${sessionId}`);
  await expect.poll(async () => (await rtcStats(viewer)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(10);

  await host.reload();
  // The old upload dies with the studio page; the reloaded studio picks up its live, publishes again
  // (WHIP) and the forwarder hands the new stream to the viewer, who re-POSTs WHEP by itself if its link
  // went stale. Nobody clicks anything.
  await expectPublishing(host);
  const frames = (await rtcStats(viewer)).framesDecoded;
  await expect.poll(async () => (await rtcStats(viewer)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(frames + 10);
  expect((await videoPixels(viewer, PLAYER)).variance).toBeGreaterThan(100);
});
