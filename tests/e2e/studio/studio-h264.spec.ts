import path from 'node:path';
import { expect, test } from '../support/fixtures.js';
import { rtcStats, videoCodecs, videoPixels } from '../support/probes.js';
import { addSource, registerInStudio } from './helpers.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/studio');
const PLAYER = '[data-testid="player"]';

test('the studio uploads H.264 where Chromium encodes it; viewers at /watch decode it through the forwarder, latecomers too', async ({ newPage, relayUrl }) => {
  const page = await newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  await registerInStudio(page, relayUrl);
  await addSource(page, 'camera');
  await page.getByTestId('go-live').click();
  await page.getByTestId('live-title').fill('H.264 live');
  await page.getByTestId('live-public').check();
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('live-media')).toHaveAttribute('data-upload', 'sending');
  // The one WHIP upload is H.264: the forwarder answered the studio's first choice.
  await expect.poll(async () => (await videoCodecs(page)).outbound, { timeout: 15_000 }).toEqual(['video/H264']);
  const shareUrl = await page.getByTestId('live-share-url').inputValue();

  const first = await newPage();
  await first.goto(shareUrl);
  await expect(first.locator(PLAYER)).toHaveAttribute('data-transport', 'whip');
  await expect.poll(async () => (await rtcStats(first)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(30);
  expect((await videoCodecs(first)).inbound).toEqual(['video/H264']);
  expect((await videoPixels(first, PLAYER)).variance).toBeGreaterThan(100);

  // A viewer arriving mid-stream starts from the cached IDR group (SPS/PPS + IDR) and decodes moving video.
  const late = await newPage();
  await late.goto(shareUrl);
  await expect.poll(async () => (await rtcStats(late)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(30);
  const before = await rtcStats(late);
  await expect.poll(async () => (await rtcStats(late)).framesDecoded, { timeout: 15_000 }).toBeGreaterThan(before.framesDecoded + 15);
  expect((await videoCodecs(late)).inbound).toEqual(['video/H264']);
  expect((await videoPixels(late, PLAYER)).variance).toBeGreaterThan(100);
  await late.screenshot({ path: path.join(shots, 'watch-h264.png') });
  await page.screenshot({ path: path.join(shots, 'studio-h264-live.png') });

  await page.getByTestId('live-end').click();

  await page.getByTestId('live-end-confirm').click(); // ending asks first
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'ended');
});
