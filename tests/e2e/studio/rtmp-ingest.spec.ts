import path from 'node:path';
import { routes } from '../../../protocol/routes.js';
import { expect, test } from '../support/fixtures.js';
import { startRtmpEncoder } from '../../relay/ingest/support/rtmp-encoder.js';
import { expectEncoderLiveOnWatch, registerInStudio } from './helpers.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/rtmp-ingest');

test.use({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write', 'camera', 'microphone'] });

test('an RTMP encoder (ffmpeg, x264 + AAC) goes live with the RTMP address and key from the studio; /watch shows moving video with sound', async ({ page, relayUrl, relay, newPage }) => {
  const username = await registerInStudio(page, relayUrl);
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-tab-stream-keys').click();
  const rtmpUrl = await page.getByTestId('stream-keys-rtmp-url').inputValue();
  expect(rtmpUrl).toMatch(/^rtmp:\/\/127\.0\.0\.1:\d+\/live$/);
  await page.getByTestId('stream-key-label').fill('ffmpeg');
  await page.getByTestId('stream-key-create').click();
  const secret = await page.getByTestId('stream-key-secret').inputValue();
  await page.getByTestId('ingest-default-title').fill('Live over RTMP');
  await page.getByTestId('ingest-default-save').click();
  await expect(page.getByTestId('stream-keys').getByRole('status')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'settings-rtmp-address.png') });

  const encoder = startRtmpEncoder(`${rtmpUrl}/${secret}`, { profile: 'high' });
  try {
    await expect.poll(async () => (await relay.call(null, routes.listSessions, { query: { scope: 'public' } })).sessions.find((s) => s.title === 'Live over RTMP')?.hostConnected, { timeout: 20_000 }).toBe(true);
    const live = (await relay.call(null, routes.listSessions, { query: { scope: 'public' } })).sessions.find((s) => s.title === 'Live over RTMP');
    expect(live?.host.displayName).toBe(username);

    await expectEncoderLiveOnWatch(await newPage(), live?.id ?? '', path.join(shots, 'watch-rtmp-encoder.png'));
  } finally {
    await encoder.stop();
  }
});
