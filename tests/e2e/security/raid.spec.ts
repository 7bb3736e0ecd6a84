/**
 * A viewer who forges the stage-mesh hello from the /watch page (raw Socket.io frames over a WebSocket,
 * with the page's own sign-in cookie) gets no link to the studio: the relay refuses it, the Guests panel
 * stays empty and the studio creates no peer connection. Then the host bans a WHEP viewer and that
 * viewer's media ends. Real studio at /studio, real /watch pages, real WebRTC.
 */
import { z } from 'zod';
import { routes } from '../../../protocol/routes.js';
import { SessionReply } from '../../../protocol/sessions.js';
import { test, expect } from '../support/fixtures.js';
import { rtcStats } from '../support/probes.js';
import { addSource, registerInStudio } from '../studio/helpers.js';

const Forged = z.object({ join: z.boolean(), signals: z.array(z.object({ channel: z.string(), ok: z.boolean(), code: z.string().nullable() })) });

/**
 * Runs in the viewer page: speaks Engine.IO 4 / Socket.IO 5 by hand (the page's bundle exposes no
 * socket), joins the session and sends `{restart: true, channel}` to the host for each channel.
 */
const FORGE = `async ({ sessionId, hostId }) => {
  const ws = new WebSocket(\`\${location.origin.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket\`);
  const acks = new Map();
  let ackId = 0;
  const ready = new Promise((resolve) => {
    ws.onmessage = ({ data }) => {
      if (data === '2') return ws.send('3');
      if (data.startsWith('0')) return ws.send('40');
      if (data.startsWith('40')) return resolve();
      const ack = /^43(\\d+)(.*)$/s.exec(data);
      if (ack) acks.get(Number(ack[1]))?.(JSON.parse(ack[2])[0]);
    };
  });
  const emit = (event, payload) => new Promise((resolve) => {
    const id = ackId++;
    acks.set(id, resolve);
    ws.send('42' + id + JSON.stringify([event, payload]));
  });
  await ready;
  const joined = await emit('session:join', { sessionId });
  const signals = [];
  for (const channel of ['guest', 'program']) {
    const reply = await emit('signal', { sessionId, to: hostId, data: { restart: true, channel } });
    signals.push({ channel, ok: reply.ok, code: reply.ok ? null : reply.error.code });
  }
  ws.close();
  return { join: joined.ok, signals };
}`;

test('a viewer who forges the guest hello gets no link to the studio', async ({ newPage, relayUrl }, testInfo) => {
  const studio = await newPage();
  await registerInStudio(studio, relayUrl);
  await addSource(studio, 'camera');
  await studio.getByTestId('live-title').fill('Raid test');
  await studio.getByTestId('live-start').click();
  await expect(studio.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  await expect(studio.getByTestId('live-media')).toHaveAttribute('data-upload', 'sending');
  const sessionId = (await studio.getByTestId('live-share-url').inputValue()).split('/').pop() ?? '';
  const before = (await rtcStats(studio)).peerConnections;

  const viewer = await newPage();
  await viewer.goto(`/watch/${sessionId}`);
  const { session } = SessionReply.parse(await (await viewer.request.get(`/api/sessions/${sessionId}`)).json());
  const forged = Forged.parse(await viewer.evaluate(`(${FORGE})(${JSON.stringify({ sessionId, hostId: session.hostId })})`));
  expect(forged.join).toBe(true);
  // Public session, media through the relay: neither a stage link nor a program link to the host.
  expect(forged.signals).toEqual([
    { channel: 'guest', ok: false, code: 'forbidden' },
    { channel: 'program', ok: false, code: 'forbidden' },
  ]);

  await expect(studio.getByTestId('guest-item')).toHaveCount(0);
  expect((await rtcStats(studio)).peerConnections).toBe(before);
  await studio.screenshot({ path: testInfo.outputPath('studio-after-forged-guest-hello.png') });
});

test('a banned WHEP viewer stops receiving the program', async ({ newPage, relay, relayUrl }, testInfo) => {
  const studio = await newPage();
  const username = await registerInStudio(studio, relayUrl);
  await addSource(studio, 'camera');
  await studio.getByTestId('live-title').fill('Ban test');
  await studio.getByTestId('live-start').click();
  await expect(studio.getByTestId('live-media')).toHaveAttribute('data-upload', 'sending');
  const sessionId = (await studio.getByTestId('live-share-url').inputValue()).split('/').pop() ?? '';

  const viewer = await newPage();
  await viewer.goto(`/watch/${sessionId}`);
  await expect.poll(async () => (await rtcStats(viewer)).framesDecoded).toBeGreaterThan(10);
  const me = z.object({ user: z.object({ id: z.string() }) }).parse(await (await viewer.request.get('/api/auth/me')).json());

  const { token } = await relay.call(null, routes.login, { body: { username, password: 'correct horse battery' } });
  await relay.call(token, routes.ban, { params: { id: sessionId }, body: { userId: me.user.id, reason: 'raid' } });
  // The relay ends the banned viewer's forwarder peer at once: the viewer's link leaves `connected`.
  await expect.poll(async () => (await rtcStats(viewer)).connected).toBe(0);
  const frozenAt = (await rtcStats(viewer)).framesDecoded;
  await viewer.waitForTimeout(1000);
  expect((await rtcStats(viewer)).framesDecoded - frozenAt).toBeLessThanOrEqual(2);
  await viewer.screenshot({ path: testInfo.outputPath('viewer-after-ban.png') });
});
