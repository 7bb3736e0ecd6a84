/**
 * One creator going live, timed from the outside (going-live.bench.ts): the streamer's POST, whether any
 * follower had been told when it answered, when the last follower's row is in the database, when each
 * sampled follower's socket heard, and the CPU the relays and MariaDB spent until then.
 */
import type { z } from 'zod';
import { SessionReply } from '../../protocol/sessions.js';
import type { AuthReply } from '../../protocol/users.js';
import type { Storage } from '../../relay-server/src/storage/types.js';
import type { RelayNode } from '../../tests/relay/multinode/support/nodes.js';
import { cpuSeconds } from '../sfu/cpu.js';
import type { inbox } from '../support/ipc.js';
import { epochNow, type FromFollowers, type ToFollowers } from './followers-messages.js';

export type Account = z.infer<typeof AuthReply>;

/** How often the database is asked whether the last follower's row is in: a one-row index lookup. */
const POLL_MS = 20;
/** Time the empty fan-out of a live without followers is given before its CPU is read. */
const EMPTY_SETTLE_MS = 500;
export const FAN_OUT_TIMEOUT_MS = 10 * 60_000;

export interface Rig {
  /** The node the creators go live on: it runs the fan-out. */
  a: RelayNode;
  b: RelayNode;
  storage: Storage;
  /** MariaDB's process, when this machine runs it (its CPU is read from /proc). */
  databasePid: number | null;
  followers: { next: ReturnType<typeof inbox<typeof FromFollowers>>; send(message: ToFollowers): void };
}

/** The first and last follower in the fan-out's order (follower id), or null for a creator with none. */
export type FanOutEnds = { first: string; last: string } | null;

export interface LiveResult {
  followers: number;
  timeToLiveMs: number;
  /** Rows of the first / last follower in the fan-out's order when the POST answered (one index lookup each). */
  firstToldWhenLive: boolean;
  lastToldWhenLive: boolean;
  rowsAtEnd: number;
  lastRowMs: number | null;
  sampledSockets: number;
  socketsNotified: number;
  firstSocketMs: number | null;
  medianSocketMs: number | null;
  lastSocketMs: number | null;
  windowMs: number;
  cpuMs: { fanOutNode: number; otherNode: number; database: number | null };
}

const round = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function createLive(node: RelayNode, host: Account, title: string): Promise<string> {
  const created = await node.api('POST', '/api/sessions', { token: host.token, body: { title, type: 'video', isPublic: true } });
  return SessionReply.parse(created.body).session.id;
}

/** The streamer's "Go live": the POST and how long it took to answer. */
export async function startLive(node: RelayNode, host: Account, sessionId: string): Promise<{ timeToLiveMs: number; startedAt: number }> {
  const startedAt = epochNow();
  const started = await node.api('POST', `/api/sessions/${sessionId}/start`, { token: host.token });
  const timeToLiveMs = epochNow() - startedAt;
  if (started.status !== 200) throw new Error(`going live failed: ${started.status} ${JSON.stringify(started.body)}`);
  return { timeToLiveMs, startedAt };
}

export async function endLive(node: RelayNode, host: Account, sessionId: string): Promise<void> {
  const ended = await node.api('POST', `/api/sessions/${sessionId}/end`, { token: host.token });
  if (ended.status !== 200) throw new Error(`ending the live failed: ${ended.status} ${JSON.stringify(ended.body)}`);
}

/** Whether `userId` has notification `id` yet (it is their newest when they have it). */
async function hasRow(storage: Storage, userId: string, id: string): Promise<boolean> {
  const [newest] = await storage.notifications.listForUser(userId, 1);
  return newest?.id === id;
}

/** Resolves with the time (epoch ms) the row of `userId` for notification `id` was first seen. */
async function rowSeen(storage: Storage, userId: string, id: string): Promise<number> {
  for (const deadline = epochNow() + FAN_OUT_TIMEOUT_MS; epochNow() < deadline; await sleep(POLL_MS)) {
    if (await hasRow(storage, userId, id)) return epochNow();
  }
  throw new Error(`the last follower's notification ${id} was not written within ${FAN_OUT_TIMEOUT_MS} ms`);
}

function cpuNow(rig: Rig) {
  return { a: cpuSeconds(rig.a.pid), b: cpuSeconds(rig.b.pid), db: rig.databasePid === null ? null : cpuSeconds(rig.databasePid) };
}

/**
 * Sets the sampled sockets watching for this notification; `heard` resolves with their arrivals once all
 * heard (wrapped: an async function returning the bare promise would wait for it).
 */
async function watchSockets(rig: Rig, notificationId: string): Promise<{ heard: Promise<Extract<FromFollowers, { type: 'heard' }>> }> {
  const heard = rig.followers.next('heard');
  // Watching before the POST: the first batch can reach the sockets before the POST's reply reaches us.
  const watching = rig.followers.next('watching');
  rig.followers.send({ type: 'watch', notificationId, timeoutMs: FAN_OUT_TIMEOUT_MS });
  await watching;
  return { heard };
}

/** One creator goes live on node A (then ends the live); `sampled` sockets of its followers are watching. */
export async function measureLive(rig: Rig, host: Account, followers: number, ends: FanOutEnds, sampled: number): Promise<LiveResult> {
  const sessionId = await createLive(rig.a, host, `${followers} followers`);
  const id = `live:${sessionId}`;
  const watch = sampled > 0 ? await watchSockets(rig, id) : null;
  const cpu0 = cpuNow(rig);
  const live = await startLive(rig.a, host, sessionId);
  const [firstToldWhenLive, lastToldWhenLive] = ends ? await Promise.all([hasRow(rig.storage, ends.first, id), hasRow(rig.storage, ends.last, id)]) : [false, false];
  const lastRowAt = ends ? await rowSeen(rig.storage, ends.last, id) : null;
  const arrivals = [...((await watch?.heard)?.arrivalsEpochMs ?? [])].sort((x, y) => x - y);
  if (!ends) await sleep(EMPTY_SETTLE_MS);
  const endedAt = epochNow();
  const cpu1 = cpuNow(rig);
  const since = (t: number | null | undefined) => (t === null || t === undefined ? null : round(t - live.startedAt));
  const rowsAtEnd = await rig.storage.notifications.countRecipients(id);
  await endLive(rig.a, host, sessionId);
  return {
    followers,
    timeToLiveMs: round(live.timeToLiveMs),
    firstToldWhenLive,
    lastToldWhenLive,
    rowsAtEnd,
    lastRowMs: since(lastRowAt),
    sampledSockets: sampled,
    socketsNotified: arrivals.length,
    firstSocketMs: since(arrivals[0]),
    medianSocketMs: since(arrivals[Math.floor(arrivals.length / 2)]),
    lastSocketMs: since(arrivals[arrivals.length - 1]),
    windowMs: round(endedAt - live.startedAt),
    cpuMs: {
      fanOutNode: Math.round((cpu1.a - cpu0.a) * 1000),
      otherNode: Math.round((cpu1.b - cpu0.b) * 1000),
      database: cpu0.db === null || cpu1.db === null ? null : Math.round((cpu1.db - cpu0.db) * 1000),
    },
  };
}
