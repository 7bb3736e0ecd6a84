import path from 'node:path';
import { routes } from '../../../protocol/routes.js';
import { expect, test } from '../support/fixtures.js';
import { startGstPublisher } from '../../relay/media/gstreamer/publisher.js';
import { expectEncoderLiveOnWatch, registerInStudio } from './helpers.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/stream-keys');

test.use({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write', 'camera', 'microphone'] });

test('a stream key made in the studio settings lets an OBS-shaped encoder (GStreamer x264) go live; /watch plays it', async ({ page, relayUrl, relay, newPage }) => {
  const username = await registerInStudio(page, relayUrl);
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-tab-stream-keys').click();
  await expect(page.getByTestId('stream-keys-url')).toHaveValue(`${relayUrl}/api/ingest/whip`);
  await page.getByTestId('stream-keys-url-copy').click();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(`${relayUrl}/api/ingest/whip`);

  await page.getByTestId('stream-key-label').fill('OBS at home');
  await page.getByTestId('stream-key-create').click();
  const secret = await page.getByTestId('stream-key-secret').inputValue();
  expect(secret).toMatch(/^afk_live_/);
  await page.getByTestId('stream-key-secret-copy').click();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);
  // Listed by its last 4 characters only.
  await expect(page.getByTestId('stream-key-item')).toHaveCount(1);
  await expect(page.getByTestId('stream-key-item')).toContainText(`••••${secret.slice(-4)}`);
  await expect(page.getByTestId('stream-key-list')).not.toContainText(secret.slice(9, 25));
  await page.getByTestId('ingest-default-title').fill('Live from OBS');
  await page.getByTestId('ingest-default-save').click();
  await expect(page.getByTestId('stream-keys').getByRole('status')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'settings-stream-keys.png') });

  // The encoder: Debian's GStreamer, H.264 from x264, Opus, one payload type each, no candidates, Bearer key.
  const encoder = startGstPublisher(`${relayUrl}/api/ingest/whip`, ['--token', secret, '--profile', 'high']);
  try {
    await encoder.line('connected');
    expect(encoder.lines).toContain('status 201');
    const sessions = await relay.call(null, routes.listSessions, { query: { scope: 'public' } });
    const live = sessions.sessions.find((s) => s.title === 'Live from OBS');
    expect(live?.host.displayName).toBe(username);
    expect(live?.hostConnected).toBe(true);

    await expectEncoderLiveOnWatch(await newPage(), live?.id ?? '', path.join(shots, 'watch-obs-encoder.png'));

    // Revoking the key in the studio: a new attempt with it is refused.
    page.on('dialog', (d) => void d.accept());
    await page.getByTestId('stream-key-revoke').click();
    await expect(page.getByTestId('stream-key-item')).toHaveCount(0);
    const refused = await fetch(`${relayUrl}/api/ingest/whip`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/sdp' }, body: 'v=0\r\n' });
    expect(refused.status).toBe(401);
  } finally {
    await encoder.stop();
  }
});
