import type { Page, WebSocketRoute } from '@playwright/test';
import { routes } from '../../../protocol/routes.js';
import { test, expect } from '../support/fixtures.js';
import { videoFrames } from '../studio/helpers.js';
import { growing } from '../support/probes.js';

/**
 * Puts the page's relay socket behind a switch: `cut()` closes it and refuses reconnections until
 * `restore()`. (Network emulation alone does not reliably drop an open WebSocket in every setup.)
 */
async function socketSwitch(page: Page) {
  let open = true;
  const live = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (process.env.E2E_DEBUG === "1") console.log(`[ws route] ${ws.url()} open=${open}`);
    if (!open) return void ws.close({ code: 1001, reason: 'test: network cut' });
    live.add({ page: ws, server: ws.connectToServer() });
  });
  return {
    async cut() {
      open = false;
      // Both ends see the cut, as with a real network failure.
      for (const { page: p, server } of live) {
        await server.close({ code: 1001, reason: 'test: network cut' }).catch(() => undefined);
        await p.close({ code: 1001, reason: 'test: network cut' }).catch(() => undefined);
      }
      live.clear();
    },
    restore() {
      open = true;
    },
  };
}

/**
 * New frames on the viewer's player, over whichever path the page chose (WebRTC, or LL-HLS when WebRTC
 * was slow to connect on a busy machine): what the viewer sees, not one transport's counters.
 */
const playerMoving = (page: Page) => growing(async () => (await videoFrames(page, 'player')).frames);

// Tracing a context whose WebSocket is routed has failed at context close (ENOENT on a trace file) once.
test.use({ trace: 'off' });

test('a viewer that loses the network catches up on chat and delivers what it typed exactly once', async ({ goLive, newPage }) => {
  const { sessionId, host } = await goLive('video');
  const viewer = await newPage();
  const witness = await newPage();
  const network = await socketSwitch(viewer);
  if (process.env.E2E_DEBUG === '1') await viewer.addInitScript("localStorage.debug = 'socket.io-client:*,engine.io-client:*'");
  await viewer.goto(`/watch/${sessionId}`);
  await witness.goto(`/watch/${sessionId}`);
  await viewer.getByTestId('display-name-input').fill('Vic');
  await viewer.getByTestId('display-name-submit').click();
  await expect(viewer.getByTestId('chat-input')).toBeVisible();
  await expect(viewer.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await host.api.call(routes.sendMessage, { params: { id: sessionId }, body: { content: 'before the cut' } });
  await expect(viewer.getByTestId('chat-message').filter({ hasText: 'before the cut' })).toHaveCount(1);
  await expect.poll(playerMoving(viewer), { timeout: 45_000, intervals: [1_000] }).toBe(true);

  await network.cut();
  await expect(viewer.getByTestId('connection-state')).not.toHaveAttribute('data-state', 'connected');
  // Said while the viewer is away…
  for (const content of ['missed one', 'missed two']) {
    await host.api.call(routes.sendMessage, { params: { id: sessionId }, body: { content } });
  }
  // …and typed by the viewer while away: it waits in the outbox.
  await viewer.getByTestId('chat-input').fill('typed offline');
  await viewer.getByTestId('chat-send').click();
  await expect(viewer.getByText('typed offline')).toBeVisible();

  network.restore();
  await expect(viewer.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected', { timeout: 45_000 });
  for (const page of [viewer, witness]) {
    for (const text of ['before the cut', 'missed one', 'missed two', 'typed offline']) {
      await expect(page.getByTestId('chat-message').filter({ hasText: text })).toHaveCount(1);
    }
  }
  await expect(viewer.getByTestId('chat-pending')).toHaveCount(0);
  const texts = await viewer.locator('[data-testid="chat-message"] .chat-content').allTextContents();
  expect(texts.indexOf('missed one')).toBeLessThan(texts.indexOf('missed two'));
  // The video plays on after the cut too.
  await expect.poll(playerMoving(viewer), { timeout: 45_000, intervals: [1_000] }).toBe(true);
});
