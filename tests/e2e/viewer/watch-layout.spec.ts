import { routes } from '../../../protocol/routes.js';
import { test, expect } from '../support/fixtures.js';
import { rtcStats } from '../support/probes.js';

test('on a phone-sized screen, in French, a viewer watches, then sees the end of the broadcast', async ({ goLive, newPage }, testInfo) => {
  const { sessionId, host } = await goLive('video');
  const viewer = await newPage();
  await viewer.setViewportSize({ width: 390, height: 844 });
  await viewer.goto(`/watch/${sessionId}`);
  await viewer.getByTestId('lang-switch').selectOption('fr');
  await expect(viewer.getByTestId('session-state')).toHaveText('En direct');
  await expect(viewer.locator('html')).toHaveAttribute('lang', 'fr');
  await expect.poll(async () => (await rtcStats(viewer)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(10);

  // Everything fits the width: no horizontal scrolling, player and chat both reachable.
  const overflow = await viewer.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow).toBe(0);
  await expect(viewer.getByTestId('player')).toBeInViewport();
  await viewer.getByTestId('display-name-input').scrollIntoViewIfNeeded();
  await expect(viewer.getByTestId('display-name-input')).toBeInViewport();
  await viewer.screenshot({ path: testInfo.outputPath('phone-fr-live.png'), fullPage: true });

  await host.api.call(routes.endSession, { params: { id: sessionId } });
  await expect(viewer.getByTestId('session-state')).toHaveAttribute('data-state', 'ended');
  await expect(viewer.getByTestId('player-overlay')).toHaveText(/terminée/);
  await viewer.screenshot({ path: testInfo.outputPath('phone-fr-ended.png'), fullPage: true });
});

test('the directory lists live public sessions with a link to watch', async ({ goLive, newPage }) => {
  const { sessionId } = await goLive('video');
  const visitor = await newPage();
  await visitor.goto('/');
  const card = visitor.locator(`[data-testid="directory-session"][data-session-id="${sessionId}"]`);
  await expect(card).toBeVisible();
  // The card also links the host's profile and Follow; the title is the way in.
  await card.getByRole('link', { name: /^Watch / }).click();
  await expect(visitor).toHaveURL(new RegExp(`/watch/${sessionId}$`));
  await expect(visitor.getByTestId('session-state')).toHaveAttribute('data-state', 'live');
});

test('an unknown session id shows a clear "not found" message', async ({ newPage }) => {
  const page = await newPage();
  await page.goto('/watch/no-such-session-0000');
  await expect(page.getByTestId('page-message')).toHaveText(/does not exist or is private/);
});
