import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import mysql from 'mysql2/promise';
import { createStorage, StorageError } from '../../../relay-server/src/storage/index.js';
import { DuplicateKeyError } from '../../../relay-server/src/storage/types.js';
import { describeEachDatabase, mysqlServerUrl, reserveTestDatabase, testDialects } from '../../support/databases.js';
import { message, seedSession, session, user } from './fixtures.js';

describeEachDatabase('storage: transactions', (db) => {
  it('commits every write of the work together and returns its result', async () => {
    const storage = db.storage();
    const host = user();
    const s = session(host.id);
    const result = await storage.transaction(async (tx) => {
      await tx.users.create(host);
      await tx.sessions.create(s);
      const { message: m } = await tx.messages.insert(message(s.id, host.id));
      return m.id;
    });
    expect(await storage.users.findById(host.id)).toEqual(host);
    expect(await storage.sessions.findById(s.id)).toEqual(s);
    expect((await storage.messages.findById(result))?.sessionId).toBe(s.id);
  });

  it('rolls back every write when the work throws, and rethrows its error', async () => {
    const storage = db.storage();
    const host = user();
    const s = session(host.id);
    const boom = new Error('boom');
    await expect(
      storage.transaction(async (tx) => {
        await tx.users.create(host);
        await tx.sessions.create(s);
        await tx.messages.insert(message(s.id, host.id));
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await storage.users.findById(host.id)).toBeNull();
    expect(await storage.sessions.findById(s.id)).toBeNull();
    expect(await storage.messages.count(s.id)).toBe(0);
  });

  it('rolls back the earlier writes when a later one breaks a unique key', async () => {
    const storage = db.storage();
    const taken = await storage.users.create(user());
    const fresh = user();
    await expect(
      storage.transaction(async (tx) => {
        await tx.users.create(fresh);
        await tx.users.create(user({ username: taken.username }));
      }),
    ).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(await storage.users.findById(fresh.id)).toBeNull();
  });

  it('sees its own writes inside, and runs safely beside concurrent top-level calls', async () => {
    const storage = db.storage();
    const { host, session: s } = await seedSession(storage);
    const outside = Array.from({ length: 10 }, (_, i) => storage.messages.insert(message(s.id, host.id, { content: `out ${i}` })));
    const inside = Array.from({ length: 5 }, (_, i) =>
      storage.transaction(async (tx) => {
        const { message: m } = await tx.messages.insert(message(s.id, host.id, { content: `in ${i}` }));
        expect((await tx.messages.findById(m.id))?.content).toBe(`in ${i}`);
        await tx.sessions.recordViewerPeak(s.id, i + 1);
        return m.seq;
      }),
    );
    await Promise.all([...outside, ...inside]);
    expect(await storage.messages.count(s.id)).toBe(15);
    expect((await storage.sessions.findById(s.id))?.peakViewerCount).toBe(5);
  });

  it.runIf(db.dialect === 'mysql')('re-runs a transaction InnoDB chose as a deadlock victim', async () => {
    const storage = db.storage();
    const { host, session: s } = await seedSession(storage);
    // Both transactions insert a message (a shared lock on the session row, through the foreign
    // key) before either updates that row: a textbook deadlock, which one of them loses.
    let arrived = 0;
    let release = () => {};
    const bothInserted = new Promise<void>((resolve) => (release = resolve));
    const work = (peak: number) =>
      storage.transaction(async (tx) => {
        await tx.messages.insert(message(s.id, host.id, { content: `peak ${peak}` }));
        arrived += 1;
        if (arrived === 2) release();
        await bothInserted;
        await tx.sessions.recordViewerPeak(s.id, peak);
      });
    await Promise.all([work(3), work(4)]);
    expect(arrived).toBeGreaterThanOrEqual(3); // someone ran twice
    expect(await storage.messages.count(s.id)).toBe(2);
    expect((await storage.sessions.findById(s.id))?.peakViewerCount).toBe(4);
  });

  it.runIf(db.dialect === 'sqlite')('refuses, rather than deadlocks, top-level calls made from inside a transaction', async () => {
    const storage = db.storage();
    await expect(storage.transaction(async () => storage.users.findById('x'))).rejects.toThrow(/inside transaction/);
    expect(await storage.users.findById('x')).toBeNull();
  });
});

describeEachDatabase('storage: opening and migrations', (db) => {
  it('answers ping', async () => {
    await expect(db.storage().ping()).resolves.toBeUndefined();
  });

  it('opens the same database again: migrations are a no-op and data is kept', async () => {
    const { session: s } = await seedSession(db.storage());
    const second = await createStorage(db.database());
    try {
      expect(second.dialect).toBe(db.dialect);
      expect(await second.sessions.findById(s.id)).toEqual(s);
    } finally {
      await second.close();
    }
    const third = await createStorage(db.database());
    await third.close();
    expect(await db.storage().sessions.findById(s.id)).toEqual(s);
  });

  it('stops answering once closed, with a StorageError', async () => {
    const extra = await createStorage(db.database());
    await extra.close();
    await expect(extra.ping()).rejects.toBeInstanceOf(StorageError);
    await expect(extra.close()).resolves.toBeUndefined(); // closing twice is harmless
  });

  it('reports a genuine database failure as StorageError without the query values in its message', async () => {
    const storage = db.storage();
    const { host } = await seedSession(storage);
    // No such session: the foreign key refuses the row.
    const error = await storage.messages.insert(message('no-such-session', host.id, { content: 'secret words' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(String(error)).not.toContain('secret words');
    expect(await storage.messages.count('no-such-session')).toBe(0);
  });

  it('opens a fresh database from two places at once: one runs the migrations, both work', async () => {
    const fresh = await reserveTestDatabase(db.dialect);
    try {
      const [a, b] = await Promise.all([createStorage(fresh.database), createStorage(fresh.database)]);
      const ada = await a.users.create(user());
      expect(await b.users.findById(ada.id)).toEqual(ada);
      await Promise.all([a.close(), b.close()]);
    } finally {
      await fresh.drop();
    }
  });
});

describe.runIf(testDialects.includes('mysql'))('storage: MySQL databases', () => {
  it('switches an existing empty latin1 database to utf8mb4 so emoji survive', async () => {
    const fresh = await reserveTestDatabase('mysql');
    const name = new URL(fresh.database.url).pathname.slice(1);
    const server = await mysql.createConnection({ uri: mysqlServerUrl });
    try {
      await server.query(`CREATE DATABASE \`${name}\` CHARACTER SET latin1`);
      const storage = await createStorage(fresh.database);
      const { host, session: s } = await seedSession(storage);
      const { message: m } = await storage.messages.insert(message(s.id, host.id, { content: '🔥 𝄞 مرحبا' }));
      expect((await storage.messages.findById(m.id))?.content).toBe('🔥 𝄞 مرحبا');
      await storage.close();
    } finally {
      await server.end();
      await fresh.drop();
    }
  });
});

describe.runIf(testDialects.includes('sqlite'))('storage: SQLite files', () => {
  it('creates missing parent folders, accepts sqlite: URLs and persists across reopen', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'afritok-open-'));
    const file = path.join(dir, 'nested', 'deeper', 'relay.db');
    try {
      const first = await createStorage({ kind: 'sqlite', url: `sqlite:${file}` });
      const ada = await first.users.create(user());
      await first.close();
      expect((await stat(file)).isFile()).toBe(true);
      const again = await createStorage({ kind: 'sqlite', url: `file:${file}` });
      expect(await again.users.findById(ada.id)).toEqual(ada);
      await again.close();
      // WAL is a property of the file: another client sees it (readers never block the writer).
      const raw = createClient({ url: `file:${file}` });
      expect((await raw.execute('PRAGMA journal_mode')).rows[0]?.[0]).toBe('wal');
      raw.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
