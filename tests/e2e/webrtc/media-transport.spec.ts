import type { Page } from '@playwright/test';
import { routes } from '../../../protocol/routes.js';
import { test, expect } from '../support/fixtures.js';
import { framesGrowing, peerDescriptions, rtcStats, sdpFingerprints, videoPixels } from '../support/probes.js';
import { expectPublishing } from '../support/studio.js';

const PLAYER = '[data-testid="player"]';

/** Fingerprints of the far end of every connected peer connection of a page. */
async function remotePeers(page: Page): Promise<string[]> {
  return (await peerDescriptions(page)).filter((d) => d.state === 'connected').flatMap((d) => sdpFingerprints(d.remote));
}

async function localPeers(page: Page): Promise<string[]> {
  return (await peerDescriptions(page)).flatMap((d) => sdpFingerprints(d.local));
}

test('a public session goes through the relay forwarder: one upload from the studio, two WHEP viewers', async ({ goLive, newPage, relay }, testInfo) => {
  const { sessionId, page: host } = await goLive('video');
  // The relay tells everyone the same thing: an anonymous visitor and the host both hear "whip".
  const anonymousHint = await relay.call(null, routes.mediaHint, { params: { id: sessionId } });
  expect(anonymousHint.media.transport).toBe('whip');
  expect(anonymousHint.media.whipUrl).toBeNull();
  await expect(host.getByTestId('live-media')).toHaveAttribute('data-transport', 'whip');
  await expect(host.getByTestId('live-media')).toHaveAttribute('data-upload', 'sending');

  const viewers = [await newPage(), await newPage()];
  for (const viewer of viewers) await viewer.goto(`/watch/${sessionId}`);
  for (const viewer of viewers) {
    await expect(viewer.locator(PLAYER)).toHaveAttribute('data-transport', 'whip');
    await expect.poll(async () => (await rtcStats(viewer)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(30);
    expect((await videoPixels(viewer, PLAYER)).variance).toBeGreaterThan(100);
  }

  // The studio page holds exactly one peer connection (its WHIP upload) while two viewers play…
  const hostLinks = await peerDescriptions(host);
  expect(hostLinks.map((d) => d.state)).toEqual(['connected']);
  expect((await rtcStats(host)).framesEncoded).toBeGreaterThan(0);
  // …and neither viewer is connected to the studio: the far end of their link is the forwarder.
  const studioCert = await localPeers(host);
  for (const viewer of viewers) {
    const far = await remotePeers(viewer);
    expect(far.length).toBeGreaterThan(0);
    expect(far.filter((f) => studioCert.includes(f))).toEqual([]);
  }
  await viewers[0]!.screenshot({ path: testInfo.outputPath('viewer-whep.png') });
});

/** The studio's viewer count in its go-live panel, as the streamer reads it. */
const studioViewers = (page: Page) => page.getByTestId('live-viewers');

test('a private session still plays P2P, straight from the studio', async ({ goLive, relay, newPage }) => {
  const { page: hostPage, host, sessionId } = await goLive('video', { isPublic: false });
  const session = { id: sessionId };
  await expect(hostPage.getByTestId('live-media')).toHaveAttribute('data-transport', 'p2p');

  // An invited viewer (a private session is 404 to anyone else), signed in on the viewer page.
  const viewerUser = await relay.signUp('viewer');
  await host.api.call(routes.invite, { params: { id: session.id }, body: { toUserId: viewerUser.user.id } });
  expect((await viewerUser.api.call(routes.mediaHint, { params: { id: session.id } })).media.transport).toBe('p2p');
  const viewer = await newPage();
  // Signed in on this origin: the relay's sign-in cookie is what every page uses.
  await viewer.context().addCookies([{ name: 'afritok_token', value: viewerUser.token, url: relay.baseUrl }]);
  await viewer.goto(`/watch/${session.id}`);

  await expect(viewer.locator(PLAYER)).toHaveAttribute('data-transport', 'p2p');
  await expect.poll(async () => (await rtcStats(viewer)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(10);
  await expect(studioViewers(hostPage)).toHaveText('1');
  // The far end of the viewer's link is the studio page itself.
  const studioCert = await localPeers(hostPage);
  const far = await remotePeers(viewer);
  expect(far.length).toBeGreaterThan(0);
  expect(far.every((f) => studioCert.includes(f))).toBe(true);
});

test('a private (P2P) session: viewers play again within seconds after the studio page reloads', async ({ goLive, relay, newPage }) => {
  const { page: hostPage, host, sessionId } = await goLive('video', { isPublic: false });
  const session = { id: sessionId };
  const viewerUser = await relay.signUp('viewer');
  await host.api.call(routes.invite, { params: { id: session.id }, body: { toUserId: viewerUser.user.id } });
  const viewer = await newPage();
  // Signed in on this origin: the relay's sign-in cookie is what every page uses.
  await viewer.context().addCookies([{ name: 'afritok_token', value: viewerUser.token, url: relay.baseUrl }]);
  await viewer.goto(`/watch/${session.id}`);
  await expect(viewer.locator(PLAYER)).toHaveAttribute('data-transport', 'p2p');
  await expect.poll(async () => (await rtcStats(viewer)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(10);

  await hostPage.reload();
  await expectPublishing(hostPage);
  // The reloaded studio says hello to the viewer, who starts a fresh link at once: the picture moves
  // again well before the viewer's own watchdog would have given up on the stale link.
  await expect.poll(framesGrowing(viewer), { timeout: 6_000, intervals: [500] }).toBe(true);
  await expect(studioViewers(hostPage)).toHaveText('1');
});

test('a viewer whose WHEP resource dies on the relay asks again by itself and plays on', async ({ goLive, newPage, relay }) => {
  const { sessionId } = await goLive('video');
  const viewer = await newPage();
  const isWhepPost = (r: { url(): string; request(): { method(): string } }) => r.url().includes(`/api/whep/${sessionId}`) && r.request().method() === 'POST';
  const firstPost = viewer.waitForResponse(isWhepPost);
  await viewer.goto(`/watch/${sessionId}`);
  const location = await (await firstPost).headerValue('location');
  expect(location).toMatch(/^\/api\/whep\//);
  await expect.poll(async () => (await rtcStats(viewer)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(10);

  // The relay ends the viewer's resource (as after a forwarder restart or a sweep).
  const secondPost = viewer.waitForResponse(isWhepPost, { timeout: 60_000 });
  expect((await fetch(new URL(location ?? '', relay.baseUrl), { method: 'DELETE' })).status).toBe(200);
  expect((await secondPost).status()).toBe(201);
  const frames = (await rtcStats(viewer)).framesDecoded;
  await expect.poll(async () => (await rtcStats(viewer)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(frames + 10);
  expect((await videoPixels(viewer, PLAYER)).variance).toBeGreaterThan(100);
});
