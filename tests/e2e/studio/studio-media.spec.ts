import path from 'node:path';
import { routes } from '../../../protocol/routes.js';
import { expect, test } from '../support/fixtures.js';
import { RelayApi } from '../support/relay-api.js';
import { freePort, startRelayProcess, type RelayProcess } from '../support/relay-process.js';
import { addSource, registerInStudio } from './helpers.js';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * A relay configured with an external WHIP/WHEP media server that is down (nothing listens on its
 * port): public sessions still go WHIP, so the studio must say the upload fails, not fall back to P2P.
 */
let relay: RelayProcess;
test.beforeAll(async () => {
  const deadPort = await freePort();
  const dead = `http://127.0.0.1:${deadPort}/{sessionId}`;
  relay = await startRelayProcess({
    root,
    webRoot: path.join(root, 'dist-web'),
    env: { MEDIA_WHIP_URL: `${dead}/whip`, MEDIA_WHEP_URL: `${dead}/whep` },
  });
});
test.afterAll(async () => relay.stop());

test('when the media server cannot be reached, the studio on air says viewers are not receiving it', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ permissions: ['camera', 'microphone'], viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await registerInStudio(page, relay.url);
  await addSource(page, 'camera');
  await page.getByTestId('live-title').fill('Media server down');
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');

  const media = page.getByTestId('live-media');
  await expect(media).toHaveAttribute('data-transport', 'whip');
  await expect(media).toHaveAttribute('data-upload', 'failed');
  await expect(page.getByTestId('live-media-error')).toContainText('Viewers are not receiving your video');
  await expect(page.getByTestId('live-media-error')).toContainText('The media server cannot be reached');
  await page.screenshot({ path: testInfo.outputPath('studio-media-failed.png') });

  // No silent fallback: viewers are still told to play from the (external) WHEP endpoint.
  const shareUrl = await page.getByTestId('live-share-url').inputValue();
  const sessionId = shareUrl.split('/').pop() ?? '';
  const hint = await new RelayApi(relay.url).call(null, routes.mediaHint, { params: { id: sessionId } });
  expect(hint.media.transport).toBe('whip');
  expect(hint.media.whepUrl).toContain(`/${sessionId}/whep`);
  await page.getByTestId('live-end').click();
  await page.getByTestId('live-end-confirm').click(); // ending asks first
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'ended');
  await context.close();
});
