import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '../support/fixtures.js';
import { freeTcpPort, pictureChange, probeFile, startRtmpReceiver, untilListening } from '../../relay/destinations/support/rtmp-receiver.js';
import { addSource, registerInStudio } from './helpers.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/multistream');

test.use({ viewport: { width: 1440, height: 900 }, permissions: ['camera', 'microphone'] });

test('the studio adds a destination (a local RTMP receiver standing in for a platform), goes live, shows it Live, and the receiver records moving video', async ({ page, relayUrl }) => {
  // Sign-up, two devices, WHIP and a second ffmpeg on a machine shared with other runs: more than the default.
  test.setTimeout(300_000);
  const port = await freeTcpPort();
  const key = 'e2e-stream-key-9876';
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'multistream-e2e-')), 'received.flv');
  const receiver = startRtmpReceiver(port, file, key);
  try {
    await untilListening(port);
    await registerInStudio(page, relayUrl);

    // Settings → Destinations: a refused address first (file:), then the real one.
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-tab-destinations').click();
    await expect(page.getByTestId('destination-list')).toContainText('No destinations yet');
    await page.getByTestId('destination-service').selectOption('custom');
    await page.getByTestId('destination-name').fill('Local platform');
    await page.getByTestId('destination-url').fill('file:///etc/passwd');
    await page.getByTestId('destination-key').fill(key);
    await page.getByTestId('destination-add').click();
    await expect(page.getByTestId('destinations-error')).toContainText('rtmp://');
    await expect(page.getByTestId('destination-item')).toHaveCount(0);
    await page.getByTestId('destination-url').fill(`rtmp://127.0.0.1:${port}/live`);
    await page.getByTestId('destination-add').click();
    await expect(page.getByTestId('destination-item')).toHaveCount(1);
    await expect(page.getByTestId('destination-item')).toContainText('••••9876');
    await expect(page.getByTestId('destination-list')).not.toContainText(key);
    await page.screenshot({ path: path.join(shots, 'settings-destinations.png') });
    await page.getByTestId('settings-close').click();

    // Go live (public: through the forwarder, which the push reads).
    await expect(page.getByTestId('settings-dialog')).toBeHidden();
    for (const kind of ['camera', 'microphone'] as const) {
      await addSource(page, kind);
      await expect(page.locator(`[data-testid="source-item"][data-kind="${kind}"]`)).toHaveCount(1);
    }
    await page.getByTestId('live-title').fill('Multistream e2e');
    await page.getByTestId('live-type').selectOption('video');
    await expect(page.getByTestId('live-public')).toBeChecked();
    await page.getByTestId('live-start').click();
    await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
    const line = page.getByTestId('live-destination');
    await expect(line).toHaveAttribute('data-state', 'live', { timeout: 60_000 });
    await expect(line.getByTestId('live-destination-state')).toHaveText('Live');
    await page.waitForTimeout(5_000);
    await page.getByTestId('live-destinations').screenshot({ path: path.join(shots, 'live-destination-live.png') });
    await page.screenshot({ path: path.join(shots, 'studio-live-with-destination.png') });

    // Stop it from the studio: the line says Off and offers Start.
    await line.getByTestId('live-destination-stop').click();
    await expect(line).toHaveAttribute('data-state', 'off');
    await expect(line.getByTestId('live-destination-start')).toBeVisible();
    await receiver.stop();
    const streams = probeFile(file);
    expect(streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(Number(streams.find((s) => s.codec_type === 'video')?.nb_read_frames)).toBeGreaterThan(60);
    expect(pictureChange(file)).toBeGreaterThan(20);
  } finally {
    await receiver.stop();
  }
});
