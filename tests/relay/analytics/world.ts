/** A live driven by a test clock, for the analytics suites: members, sockets, and the sampler's tick. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { LiveAnalyticsReply, type LiveAnalytics } from '../../../protocol/analytics.js';
import { buildPath } from '../../../protocol/http.js';
import { routes } from '../../../protocol/routes.js';
import type { Presence } from '../../../relay-server/src/core/ports.js';
import type { ClientSocket } from '../../support/relay.js';

/** A fake clock every relay of a test reads: time moves only when the test says. */
export function testClock(start = Date.UTC(2026, 5, 1, 20, 0, 0, 0)) {
  let now = start;
  return {
    clock: () => new Date(now),
    at: (offsetMs: number) => {
      now = start + offsetMs;
    },
  };
}

export async function joined(socket: ClientSocket, sessionId: string): Promise<void> {
  const ack = await socket.emitWithAck('session:join', { sessionId });
  if (!ack.ok) throw new Error(`join failed: ${ack.error.code}`);
}

export async function chat(socket: ClientSocket, sessionId: string, content: string): Promise<void> {
  const ack = await socket.emitWithAck('chat:send', { sessionId, content, clientMessageId: `cm_${randomBytes(6).toString('hex')}` });
  if (!ack.ok) throw new Error(`chat failed: ${ack.error.code}`);
}

export async function react(socket: ClientSocket, sessionId: string): Promise<void> {
  const ack = await socket.emitWithAck('chat:react', { sessionId, emoji: '🔥' });
  if (!ack.ok) throw new Error(`reaction failed: ${ack.error.code}`);
}

/** The viewer page's report of the path it plays the live on (viewer-paths module). */
export async function playsOn(socket: ClientSocket, sessionId: string, transport: 'webrtc' | 'hls'): Promise<void> {
  const ack = await socket.emitWithAck('viewer:transport', { sessionId, transport });
  if (!ack.ok) throw new Error(`viewer:transport failed: ${ack.error.code}`);
}

/** Waits until Presence (across nodes) counts `count` viewers: socket joins and leaves land asynchronously. */
export async function viewersSettle(presence: Presence, sessionId: string, count: number): Promise<void> {
  for (;;) {
    if ((await presence.viewerCount(sessionId)) === count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export type Api = (method: string, route: string, options?: { token?: string; body?: unknown }) => Promise<{ status: number; body: unknown }>;

export async function analyticsOf(api: Api, sessionId: string, token: string, after?: number): Promise<LiveAnalytics> {
  const path = buildPath(routes.sessionAnalytics.path, { id: sessionId }) + (after === undefined ? '' : `?after=${after}`);
  const res = await api('GET', path, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return LiveAnalyticsReply.parse(res.body).analytics;
}
