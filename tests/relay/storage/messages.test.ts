import { expect, it } from 'vitest';
import { DuplicateKeyError } from '../../../relay-server/src/storage/types.js';
import { describeEachDatabase } from '../../support/databases.js';
import { at, message, seedSession, user } from './fixtures.js';

describeEachDatabase('storage: messages', (db) => {
  async function seed() {
    const storage = db.storage();
    const { host, session } = await seedSession(storage);
    return { storage, host, session };
  }

  it('inserts a message with a storage-assigned seq and reads it back exactly', async () => {
    const { storage, host, session } = await seed();
    const draft = message(session.id, host.id, { createdAt: new Date('2026-05-06T07:08:09.987Z') });
    const { message: stored, created } = await storage.messages.insert(draft);
    expect(created).toBe(true);
    expect(stored).toEqual({ ...draft, seq: stored.seq, pinned: false, deletedAt: null });
    expect(stored.seq).toBeGreaterThan(0);
    expect(await storage.messages.findById(draft.id)).toEqual(stored);
    expect(await storage.messages.findById('missing')).toBeNull();
  });

  it('assigns strictly increasing seq across sessions, in insertion order', async () => {
    const { storage, host, session } = await seed();
    const { session: other } = await seedSession(storage);
    const seqs: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const target = i % 2 === 0 ? session.id : other.id;
      seqs.push((await storage.messages.insert(message(target, host.id, { content: `m${i}` }))).message.seq);
    }
    for (let i = 1; i < seqs.length; i += 1) expect(seqs[i]).toBeGreaterThan(seqs[i - 1] ?? Infinity);
  });

  it('is idempotent on (session, user, clientMessageId): a retry returns the stored message', async () => {
    const { storage, host, session } = await seed();
    const first = await storage.messages.insert(message(session.id, host.id, { clientMessageId: 'c-1', content: 'first' }));
    const retry = await storage.messages.insert(message(session.id, host.id, { clientMessageId: 'c-1', content: 'retry' }));
    expect(retry).toEqual({ message: first.message, created: false });
    expect(await storage.messages.count(session.id)).toBe(1);
    // The same client id from another user, or with no client id at all, is a new message.
    const other = await storage.users.create(user());
    expect((await storage.messages.insert(message(session.id, other.id, { clientMessageId: 'c-1' }))).created).toBe(true);
    expect((await storage.messages.insert(message(session.id, host.id))).created).toBe(true);
    expect((await storage.messages.insert(message(session.id, host.id))).created).toBe(true);
    expect(await storage.messages.count(session.id)).toBe(4);
  });

  it('stores one row for 20 parallel inserts with the same clientMessageId, all answering with its id', async () => {
    const { storage, host, session } = await seed();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        storage.messages.insert(message(session.id, host.id, { clientMessageId: 'burst', content: `try ${i}` })),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.message.seq)).size).toBe(1);
    expect(await storage.messages.count(session.id)).toBe(1);
  });

  it.runIf(db.dialect === 'mysql')('answers a retry inside a transaction with a message committed after it began', async () => {
    const { storage, host, session } = await seed();
    const result = await storage.transaction(async (tx) => {
      await tx.messages.count(session.id); // takes the transaction's read snapshot
      await storage.messages.insert(message(session.id, host.id, { clientMessageId: 'late', content: 'outside' }));
      return tx.messages.insert(message(session.id, host.id, { clientMessageId: 'late', content: 'inside' }));
    });
    expect(result.created).toBe(false);
    expect(result.message.content).toBe('outside');
  });

  it('refuses a reused message id with DuplicateKeyError', async () => {
    const { storage, host, session } = await seed();
    const m = message(session.id, host.id);
    await storage.messages.insert(m);
    await expect(storage.messages.insert({ ...m, clientMessageId: null, content: 'other' })).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  it('pages exactly with listAfter and listBefore, skipping deleted messages', async () => {
    const { storage, host, session } = await seed();
    const { session: other } = await seedSession(storage);
    const seqs: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      seqs.push((await storage.messages.insert(message(session.id, host.id, { content: `m${i}` }))).message.seq);
      await storage.messages.insert(message(other.id, host.id, { content: `noise${i}` }));
    }
    const s = (i: number) => seqs[i] ?? -1;
    const contents = (list: { content: string }[]) => list.map((m) => m.content);
    expect(contents(await storage.messages.listAfter(session.id, 0, 3))).toEqual(['m0', 'm1', 'm2']);
    expect(contents(await storage.messages.listAfter(session.id, s(2), 3))).toEqual(['m3', 'm4', 'm5']);
    expect(contents(await storage.messages.listAfter(session.id, s(5), 3))).toEqual(['m6']);
    expect(await storage.messages.listAfter(session.id, s(6), 3)).toEqual([]);
    expect(contents(await storage.messages.listBefore(session.id, undefined, 3))).toEqual(['m4', 'm5', 'm6']);
    expect(contents(await storage.messages.listBefore(session.id, s(4), 3))).toEqual(['m1', 'm2', 'm3']);
    expect(contents(await storage.messages.listBefore(session.id, s(1), 3))).toEqual(['m0']);
    expect(await storage.messages.listBefore(session.id, s(0), 3)).toEqual([]);

    const victim = (await storage.messages.listAfter(session.id, s(2), 1))[0];
    expect(await storage.messages.softDelete(victim?.id ?? '', at(99))).toBe(true);
    expect(await storage.messages.softDelete(victim?.id ?? '', at(99))).toBe(false);
    expect(await storage.messages.softDelete('missing', at(99))).toBe(false);
    expect(contents(await storage.messages.listAfter(session.id, s(1), 3))).toEqual(['m2', 'm4', 'm5']);
    expect(contents(await storage.messages.listBefore(session.id, s(5), 2))).toEqual(['m2', 'm4']);
    expect((await storage.messages.findById(victim?.id ?? ''))?.deletedAt).toEqual(at(99));
    expect(await storage.messages.count(session.id)).toBe(6);
  });

  it('pins and unpins, listing pinned messages in order', async () => {
    const { storage, host, session } = await seed();
    const a = (await storage.messages.insert(message(session.id, host.id, { content: 'a' }))).message;
    const b = (await storage.messages.insert(message(session.id, host.id, { content: 'b' }))).message;
    expect(await storage.messages.setPinned(b.id, true)).toEqual({ ...b, pinned: true });
    await storage.messages.setPinned(a.id, true);
    expect((await storage.messages.listPinned(session.id)).map((m) => m.content)).toEqual(['a', 'b']);
    await storage.messages.setPinned(a.id, false);
    expect((await storage.messages.listPinned(session.id)).map((m) => m.content)).toEqual(['b']);
    expect(await storage.messages.setPinned('missing', true)).toBeNull();
    await storage.messages.softDelete(b.id, at(5));
    expect(await storage.messages.listPinned(session.id)).toEqual([]);
  });

  it('round-trips emoji, 4-byte characters, RTL text and SQL metacharacters exactly', async () => {
    const { storage, host, session } = await seed();
    const samples = [
      '👩🏽‍🚀🔥🇸🇳 family: 👨‍👩‍👧‍👦',
      '𝄞 𠜎 𝒳 (4-byte)',
      'مرحبا بالعالم — שלום עולם',
      `'; DROP TABLE messages; -- "quoted" \\ backslash % _ \t tab`,
      '  leading and trailing spaces  ',
      'e\u0301 vs é (combining)',
    ];
    for (const content of samples) {
      const { message: stored } = await storage.messages.insert(message(session.id, host.id, { content, displayName: content }));
      const read = await storage.messages.findById(stored.id);
      expect(read?.content).toBe(content);
      expect(read?.displayName).toBe(content);
    }
  });

  it('counts messages and distinct authors since a time', async () => {
    const { storage, host, session } = await seed();
    const guest = await storage.users.create(user());
    await storage.messages.insert(message(session.id, host.id, { createdAt: at(0) }));
    await storage.messages.insert(message(session.id, guest.id, { createdAt: at(1000) }));
    await storage.messages.insert(message(session.id, guest.id, { createdAt: at(2000) }));
    await storage.messages.insert(message(session.id, host.id, { createdAt: at(3000), type: 'system' }));
    expect(await storage.messages.count(session.id)).toBe(4);
    expect(await storage.messages.countSince(session.id, at(1000))).toBe(3);
    expect(await storage.messages.countSince(session.id, at(1001))).toBe(2);
    expect(await storage.messages.countDistinctAuthorsSince(session.id, at(0))).toBe(2);
    // System messages are not chatters.
    expect(await storage.messages.countDistinctAuthorsSince(session.id, at(1))).toBe(1);
    expect(await storage.messages.countSince(session.id, at(5000))).toBe(0);
  });

  it('purges only old messages of ended sessions', async () => {
    const storage = db.storage();
    const { host, session: ended } = await seedSession(storage, { state: 'ended', endedAt: at(0) });
    const { session: live } = await seedSession(storage, { state: 'live' });
    const cutoff = at(10_000);
    await storage.messages.insert(message(ended.id, host.id, { content: 'old', createdAt: at(1) }));
    await storage.messages.insert(message(ended.id, host.id, { content: 'recent', createdAt: at(10_000) }));
    await storage.messages.insert(message(live.id, host.id, { content: 'live-old', createdAt: at(1) }));
    const purged = await storage.messages.purgeEndedBefore(cutoff);
    expect(purged).toBeGreaterThanOrEqual(1);
    expect((await storage.messages.listAfter(ended.id, 0, 10)).map((m) => m.content)).toEqual(['recent']);
    expect((await storage.messages.listAfter(live.id, 0, 10)).map((m) => m.content)).toEqual(['live-old']);
    expect(await storage.messages.purgeEndedBefore(cutoff)).toBe(0);
  });
});
