/**
 * Crash safety of chat: the relay runs as a child process and is killed with SIGKILL three times
 * while 100 senders post 2 messages a second (resending with the same clientMessageId until
 * acknowledged) and viewers follow. Afterwards every acknowledged message is stored exactly once,
 * and every viewer's history, rebuilt by resync after each reconnect, equals the database's, in order.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuthReply } from '../../../protocol/users.js';
import { SessionReply } from '../../../protocol/sessions.js';
import { createStorage, type DatabaseConfig } from '../../../relay-server/src/storage/index.js';
import { reserveTestDatabase, testDialects, type ReservedDatabase } from '../../support/databases.js';
import { Sender, Viewer } from './crowd.js';
import { freePort, relayProcess, type RelayProcess } from './relay-process.js';

const SENDERS = 100;
const RATE_PER_SENDER = 2;
const VIEWERS = 6;
const CRASHES = 3;
const CRASH_EVERY_MS = 3000;

async function post(url: string, route: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(`${url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body ?? {}),
  });
  const json: unknown = await res.json();
  if (!res.ok) throw new Error(`${route}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * SQLite by default: a MariaDB relay takes several seconds more to start, and this suite restarts it
 * four times. CRASH_DIALECTS=sqlite,mysql runs both (both pass).
 */
const crashDialects = testDialects.filter((d) => (process.env.CRASH_DIALECTS ?? 'sqlite').split(',').includes(d));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function storedMessages(database: DatabaseConfig, sessionId: string) {
  const storage = await createStorage(database);
  try {
    return await storage.messages.listAfter(sessionId, 0, 1_000_000);
  } finally {
    await storage.close();
  }
}

describe.each(crashDialects)('chat survives kill -9 [%s]', (dialect) => {
  let relay: RelayProcess | undefined;
  let reserved: ReservedDatabase | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afritok-crash-'));

  afterAll(async () => {
    await relay?.stop();
    await reserved?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged message exactly once and every viewer in step with the database', { timeout: 150_000 }, async () => {
    reserved = await reserveTestDatabase(dialect);
    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: reserved.database.url,
      CHAT_RATE_BURST: '100',
      CHAT_RATE_PER_SECOND: '100',
      MAX_LIVE_VIEWERS: '10000',
    };
    relay = relayProcess(env, await freePort());
    const t0 = Date.now();
    const mark = (what: string) => console.info(`[${dialect}] ${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);
    await relay.start();
    mark('relay up');
    const { url } = relay;

    const host = AuthReply.parse(await post(url, '/api/auth/register', { username: `crash_${Date.now()}`, password: 'correct horse battery' }));
    const { session } = SessionReply.parse(await post(url, '/api/sessions', { title: 'Crash test', type: 'video', isPublic: true }, host.token));
    await post(url, `/api/sessions/${session.id}/start`, undefined, host.token);
    const people = await Promise.all(
      Array.from({ length: SENDERS + VIEWERS / 2 }, async (_, i) => {
        const person = AuthReply.parse(await post(url, '/api/auth/guest', { displayName: `Person ${i}` }));
        await post(url, `/api/sessions/${session.id}/join`, undefined, person.token);
        return person;
      }),
    );
    const senders = people.slice(0, SENDERS).map((p) => new Sender(url, p.token, p.user.id, session.id, RATE_PER_SENDER));
    const viewers = [
      ...people.slice(SENDERS).map((p) => new Viewer(url, session.id, p.token)),
      ...Array.from({ length: VIEWERS / 2 }, () => new Viewer(url, session.id)),
    ];
    // Viewers are in the room before the first message, so their history starts at the beginning.
    while (viewers.some((v) => v.rejoins === 0)) await sleep(50);
    for (const sender of senders) sender.start();
    mark('senders started');
    // A viewer that has seen no message yet has no anchor to resync from (it would get the latest 50):
    // let every viewer see one before the first crash.
    while (viewers.some((v) => v.history.length === 0)) await sleep(50);
    mark('every viewer has a first message');

    for (let crash = 0; crash < CRASHES; crash++) {
      await sleep(CRASH_EVERY_MS);
      // Every sender is back on before the next crash, so each crash cuts each of them off.
      while (senders.some((s) => !s.connected)) await sleep(50);
      await relay.crash();
      await sleep(200);
      await relay.start();
      mark(`crash ${crash + 1}: relay restarted`);
    }
    await sleep(CRASH_EVERY_MS);
    await Promise.all(senders.map((s) => s.finish()));
    await Promise.all(viewers.map((v) => v.finish()));
    mark('senders and viewers done');
    await relay.stop();

    const stored = await storedMessages(reserved.database, session.id);
    const acked = senders.flatMap((s) => s.acked);
    // Every acknowledged message is stored, under the id it was acknowledged with, exactly once.
    const storedByKey = new Map<string, string[]>();
    for (const m of stored) {
      const key = `${m.userId}/${m.clientMessageId}`;
      storedByKey.set(key, [...(storedByKey.get(key) ?? []), m.id]);
    }
    for (const a of acked) expect(storedByKey.get(`${a.userId}/${a.clientMessageId}`)).toEqual([a.message.id]);
    expect(stored).toHaveLength(acked.length);
    expect(new Set(stored.map((m) => m.id)).size).toBe(stored.length);
    // Each viewer's history, rebuilt across the crashes, is the database's, in order.
    const storedIds = stored.map((m) => m.id);
    for (const viewer of viewers) {
      const got = viewer.history.map((m) => m.id);
      const firstDifference = storedIds.findIndex((id, i) => got[i] !== id);
      if (firstDifference !== -1) {
        const missing = storedIds.filter((id) => !viewer.seen.has(id)).length;
        console.error(`viewer: ${got.length} messages, ${missing} missing, ${viewer.rejoins} joins, ${viewer.joinFailures} failed joins`);
      }
      expect(firstDifference, `viewer differs from the database at ${firstDifference} of ${storedIds.length} (viewer has ${got.length})`).toBe(-1);
      expect(got).toHaveLength(storedIds.length);
      // The first join, at least one resync after a crash, and the final one.
      expect(viewer.rejoins).toBeGreaterThanOrEqual(3);
    }
    // Every crash did cut every sender off (retries then carried their messages through).
    for (const sender of senders) expect(sender.drops).toBe(CRASHES);
    const attempts = senders.reduce((n, s) => n + s.attempts, 0);
    console.info(`[${dialect}] ${acked.length} messages acked after ${attempts} attempts across ${CRASHES} crashes`);
  });
});
