/**
 * In a private (P2P) live the studio sends the program straight to each viewer. A banned viewer and a
 * removed one each lose that link within 2 s: the studio drops it (its connected links go down by one)
 * and the viewer's picture stops, while a third viewer keeps playing. Real studio, real /watch pages.
 */
import type { Page } from '@playwright/test';
import { routes } from '../../../protocol/routes.js';
import { test, expect } from '../support/fixtures.js';
import { framesGrowing, rtcStats } from '../support/probes.js';

const PLAYER = '[data-testid="player"]';

/** Within 2 s of the host's action the picture has stopped, and stays stopped for another second. */
async function expectPictureStops(page: Page): Promise<void> {
  const growing = framesGrowing(page);
  await growing(); // the first reading only sets the baseline
  await expect.poll(growing, { timeout: 2_000, intervals: [500] }).toBe(false);
  await page.waitForTimeout(1000);
  expect(await growing()).toBe(false);
}

test('a banned and a removed P2P viewer stop receiving the studio’s program; another keeps it', async ({ goLive, relay, newPage }, testInfo) => {
  test.setTimeout(180_000);
  const { page: studio, host, sessionId } = await goLive('video', { isPublic: false });
  await expect(studio.getByTestId('live-media')).toHaveAttribute('data-transport', 'p2p');

  const watchAs = async (name: string): Promise<{ page: Page; userId: string }> => {
    const user = await relay.signUp(name);
    await host.api.call(routes.invite, { params: { id: sessionId }, body: { toUserId: user.user.id } });
    const page = await newPage();
    await page.context().addCookies([{ name: 'afritok_token', value: user.token, url: relay.baseUrl }]);
    await page.goto(`/watch/${sessionId}`);
    await expect(page.locator(PLAYER)).toHaveAttribute('data-transport', 'p2p');
    await expect.poll(async () => (await rtcStats(page)).framesDecoded, { timeout: 60_000 }).toBeGreaterThan(10);
    return { page, userId: user.user.id };
  };
  const banned = await watchAs('banned');
  const removed = await watchAs('removed');
  const staying = await watchAs('staying');
  await expect.poll(async () => (await rtcStats(studio)).connected, { timeout: 30_000 }).toBe(3);

  await host.api.call(routes.ban, { params: { id: sessionId }, body: { userId: banned.userId, reason: 'raid' } });
  await expect.poll(async () => (await rtcStats(studio)).connected, { timeout: 2_000, intervals: [250] }).toBe(2);
  await expectPictureStops(banned.page);
  await expect(banned.page.getByTestId('player-banned')).toBeVisible();
  await banned.page.screenshot({ path: testInfo.outputPath('p2p-viewer-after-ban.png') });

  await host.api.call(routes.removeParticipant, { params: { id: sessionId, userId: removed.userId } });
  await expect.poll(async () => (await rtcStats(studio)).connected, { timeout: 2_000, intervals: [250] }).toBe(1);
  await expectPictureStops(removed.page);
  await removed.page.screenshot({ path: testInfo.outputPath('p2p-viewer-after-removal.png') });

  // The control: the viewer nobody acted on still plays.
  const stayingGrowing = framesGrowing(staying.page);
  await stayingGrowing();
  await staying.page.waitForTimeout(1000);
  expect(await stayingGrowing()).toBe(true);
});
