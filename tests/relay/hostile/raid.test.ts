/**
 * One machine cannot fill a public live's viewer seats: anonymous sockets are capped per address and
 * yield to people who signed in, half-open WHEP offers hold no viewer seat and are capped, and the
 * relay gives back what the raid took. Real relay, real sockets, real werift peers; SQLite and MariaDB.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type ClientSocket, type TestRelay } from '../../support/relay.js';
import { account, emit, join, joinRoom, liveSession } from '../sessions/helpers.js';
import { createViewer } from '../media/support/peers.js';
import { postOffer } from '../media/support/whip-client.js';

const CAP = 20;
const openFiles = (): number => fs.readdirSync('/proc/self/fd').length;
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** An offer whose candidates point at a port nobody answers on: the peer never connects. */
async function deadEndOffer(): Promise<string> {
  const viewer = await createViewer();
  const sdp = viewer.offer.replace(/^a=candidate:.*$/gm, 'a=candidate:1 1 udp 2122260223 127.0.0.1 9 typ host').replace(/\r?\n(\r?\n)+/g, '\r\n');
  viewer.close();
  return sdp;
}

describe.each(testDialects)('a raid on viewer seats [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { MAX_LIVE_VIEWERS: String(CAP), MEDIA_CONNECT_TIMEOUT_MS: '8000', MEDIA_MODE: 'auto' } });
  });
  afterAll(() => t.close());

  it('200 anonymous sockets and 100 dead-end WHEP offers from one address leave room for a signed-in viewer', { timeout: 120_000 }, async () => {
    const host = await account(t);
    const session = await liveSession(t, host, { isPublic: true });
    const hostSocket = await t.socket(host.token);
    await joinRoom(hostSocket, session.id);
    const reported: number[] = [];
    hostSocket.on('viewers:count', (p) => p.sessionId === session.id && reported.push(p.count));
    const offer = await deadEndOffer();
    const baseline = openFiles();

    const raiders: ClientSocket[] = [];
    const codes: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      const socket = await t.socket();
      raiders.push(socket);
      const ack = await emit(socket, 'session:join', { sessionId: session.id });
      codes.push(ack.ok ? 'ok' : ack.error.code);
    }
    expect(codes.filter((c) => c === 'ok')).toHaveLength(CAP);
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'unauthorized')).toBe(true);

    const whep = `${t.url}/api/whep/${session.id}`;
    const offers = await Promise.all(Array.from({ length: 100 }, () => postOffer(whep, offer)));
    const created = offers.filter((r) => r.status === 201).length;
    expect(created).toBeGreaterThan(0);
    expect(created).toBeLessThanOrEqual(20);
    expect(offers.every((r) => r.status === 201 || r.status === 429)).toBe(true);

    // Signed-in people get in by socket, by HTTP and by WHEP while the raid holds every seat it could.
    const viewer = await account(t);
    const viewerSocket = await t.socket(viewer.token);
    expect((await joinRoom(viewerSocket, session.id)).session.id).toBe(session.id);
    const other = await account(t);
    expect((await join(t, session.id, other)).role).toBe('viewer');
    const signedIn = await postOffer(whep, offer, { token: viewer.token });
    expect(signedIn.status).toBe(201);
    expect(await t.relay.ctx.presence.viewerCount(session.id)).toBeLessThanOrEqual(CAP);

    // Viewer counts are coalesced once a second: wait for the one after the last join.
    const seen = reported.length;
    await until(() => reported.length > seen);
    expect(Math.max(...reported)).toBeLessThanOrEqual(CAP);

    for (const socket of [...raiders, viewerSocket]) socket.close();
    // Half-open peers time out (MEDIA_CONNECT_TIMEOUT_MS) and every socket closes: open files come back.
    await until(() => openFiles() <= baseline);
  });
});
