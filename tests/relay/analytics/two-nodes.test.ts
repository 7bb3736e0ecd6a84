import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionReply } from '../../../protocol/sessions.js';
import { AuthReply } from '../../../protocol/users.js';
import { createRelay, type Relay } from '../../../relay-server/src/app.js';
import { loadConfig } from '../../../relay-server/src/config.js';
import { reserveTestDatabase, testDialects, type ReservedDatabase } from '../../support/databases.js';
import type { ClientSocket } from '../../support/relay.js';
import { REDIS_URL } from '../multinode/support/nodes.js';
import { analyticsOf, chat, joined, playsOn, react, testClock, viewersSettle, type Api } from './world.js';

const S = 1_000;

interface Node {
  relay: Relay;
  api: Api;
  socket(token: string): Promise<ClientSocket>;
  tick(): Promise<void>;
  close(): Promise<void>;
}

/** A whole relay in this process on the shared database and Redis, reading the test's clock. */
async function startNode(database: ReservedDatabase, env: Record<string, string>, clock: () => Date): Promise<Node> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afritok-analytics-node-'));
  const config = {
    ...loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: dataDir, SIGNUP_RATE_PER_MINUTE: '1000000', RTMP_PORT: 'off', WEB_ROOT: 'off', ...env }),
    database: database.database,
  };
  const relay = await createRelay(config, { clock });
  const { url } = await relay.listen();
  const sockets: ClientSocket[] = [];
  const api: Api = async (method, route, options = {}) => {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${route}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return {
    relay,
    api,
    socket(token) {
      const socket: ClientSocket = connect(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
      sockets.push(socket);
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    },
    tick: () => relay.ctx.services.get('analytics').tick(),
    async close() {
      for (const s of sockets) s.close();
      await relay.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function register(node: Node) {
  const res = await node.api('POST', '/api/auth/register', { body: { username: `u_${randomBytes(5).toString('hex')}`, password: 'correct horse battery' } });
  const { user, token } = AuthReply.parse(res.body);
  return { userId: user.id, token };
}

/**
 * Two relay nodes on one MySQL database and one Redis, both sampling the same live at the same
 * moments (their ticks run together): each bucket is written once, with the viewers of both nodes.
 */
describe.skipIf(!testDialects.includes('mysql'))('live analytics on two relay nodes (one database, one Redis)', () => {
  const time = testClock();
  let database: ReservedDatabase;
  let a: Node;
  let b: Node;
  let host: { userId: string; token: string };
  let sessionId: string;
  const bothTick = () => Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);

  beforeAll(async () => {
    database = await reserveTestDatabase('mysql');
    const shared = { REDIS_URL, JWT_SECRET: randomBytes(32).toString('hex') };
    a = await startNode(database, shared, time.clock); // first alone: it creates and migrates the database
    b = await startNode(database, shared, time.clock);
    time.at(0);
    host = await register(a);
    const created = await a.api('POST', '/api/sessions', { token: host.token, body: { title: 'Two nodes', type: 'video', isPublic: true } });
    sessionId = SessionReply.parse(created.body).session.id;
    expect((await a.api('POST', `/api/sessions/${sessionId}/start`, { token: host.token })).status).toBe(200);
    await joined(await a.socket(host.token), sessionId);

    time.at(1 * S);
    const [onA, onB, alsoOnB] = await Promise.all([register(a), register(b), register(b)]);
    const socketA = await a.socket(onA.token);
    const socketB = await b.socket(onB.token);
    const socketB2 = await b.socket(alsoOnB.token);
    for (const [socket] of [[socketA], [socketB], [socketB2]] as const) await joined(socket, sessionId);
    await playsOn(socketA, sessionId, 'webrtc');
    await playsOn(socketB, sessionId, 'hls');
    await playsOn(socketB2, sessionId, 'hls');
    await chat(socketA, sessionId, 'from A');
    await chat(socketB, sessionId, 'from B');
    await react(socketB2, sessionId);
    await viewersSettle(a.relay.ctx.presence, sessionId, 3);
    await viewersSettle(b.relay.ctx.presence, sessionId, 3);
    time.at(12 * S);
    await bothTick();

    time.at(15 * S);
    socketB2.close();
    await viewersSettle(a.relay.ctx.presence, sessionId, 2);
    time.at(22 * S);
    await bothTick();
    time.at(25 * S);
    // Node B ends the live while node A may be ticking.
    const [ended] = await Promise.all([b.api('POST', `/api/sessions/${sessionId}/end`, { token: host.token }), a.tick()]);
    expect(ended.status).toBe(200);
    await bothTick();
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await database?.drop();
  });

  it('writes each bucket once, counting viewers, chat and reactions of both nodes', async () => {
    const report = await analyticsOf(a.api, sessionId, host.token);
    expect(report.buckets.map((x) => [x.index, x.durationMs, x.viewers, x.viewersWebrtc, x.viewersHls, x.chatMessages, x.reactions])).toEqual([
      [0, 10 * S, 3, 1, 2, 2, 1],
      [1, 10 * S, 2, 1, 1, 0, 0],
      [2, 5 * S, 2, 1, 1, 0, 0],
    ]);
    expect(report.totals).toMatchObject({
      peakViewers: 3,
      uniqueViewers: 3,
      watchTimeMs: 25 * S + 25 * S + 10 * S, // never doubled by the second node
      chatters: 2,
      chatMessages: 2,
      reactions: 1,
    });
    expect(await analyticsOf(b.api, sessionId, host.token)).toEqual(report);
  });
});
