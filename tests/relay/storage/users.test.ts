import { expect, it } from 'vitest';
import { DuplicateKeyError } from '../../../relay-server/src/storage/types.js';
import { describeEachDatabase } from '../../support/databases.js';
import { at, user, uniqueName } from './fixtures.js';

describeEachDatabase('storage: users', (db) => {
  it('stores a user and finds it by id and by username, times exact to the ms', async () => {
    const ada = user({ displayName: 'Ada 👩🏽‍💻', createdAt: new Date('2026-03-04T05:06:07.089Z') });
    await db.storage().users.create(ada);
    expect(await db.storage().users.findById(ada.id)).toEqual(ada);
    expect(await db.storage().users.findByUsername(ada.username)).toEqual(ada);
    expect((await db.storage().users.findById(ada.id))?.createdAt.toISOString()).toBe('2026-03-04T05:06:07.089Z');
  });

  it('returns null for unknown users', async () => {
    expect(await db.storage().users.findById('nope')).toBeNull();
    expect(await db.storage().users.findByUsername('nobody_at_all')).toBeNull();
  });

  it('refuses a taken username with DuplicateKeyError("username") and stores nothing', async () => {
    const first = await db.storage().users.create(user());
    const second = user({ username: first.username });
    const error = await db.storage().users.create(second).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateKeyError);
    expect(error).toMatchObject({ key: 'username' });
    expect(await db.storage().users.findById(second.id)).toBeNull();
  });

  it('adds many users at once (more than one INSERT), and refuses a taken username with DuplicateKeyError("username")', async () => {
    const many = Array.from({ length: 1201 }, () => user());
    await db.storage().users.addMany(many);
    expect(await db.storage().users.findById(many[1200]!.id)).toEqual(many[1200]);
    expect((await db.storage().users.findManyByIds(many.map((u) => u.id))).length).toBe(1201);
    await expect(db.storage().users.addMany([user({ username: many[0]!.username })])).rejects.toMatchObject({ key: 'username' });
    await db.storage().users.addMany([]);
  });

  it('keeps guests with a null password hash', async () => {
    const guest = user({ kind: 'guest', passwordHash: null });
    await db.storage().users.create(guest);
    expect(await db.storage().users.findById(guest.id)).toEqual(guest);
  });

  it('searches accounts by exact prefix, ordered by username, excluding guests, limited', async () => {
    const stem = uniqueName('srch');
    const names = [`${stem}_c`, `${stem}_a`, `${stem}_b`, `${stem}xa`];
    for (const username of names) await db.storage().users.create(user({ username }));
    await db.storage().users.create(user({ username: `${stem}_guest`, kind: 'guest' }));
    await db.storage().users.create(user({ username: `${stem.toUpperCase()}_upper` }));

    const found = await db.storage().users.searchAccounts(`${stem}_`, 10);
    expect(found.map((u) => u.username)).toEqual([`${stem}_a`, `${stem}_b`, `${stem}_c`]);
    // `_` is a literal here, not a LIKE wildcard; and the limit holds.
    expect((await db.storage().users.searchAccounts(stem, 2)).map((u) => u.username)).toEqual([`${stem}_a`, `${stem}_b`]);
    expect(await db.storage().users.searchAccounts(`${stem}%`, 10)).toEqual([]);
  });

  it('finds many users by id, ignoring unknown ids and an empty list', async () => {
    const a = await db.storage().users.create(user());
    const b = await db.storage().users.create(user());
    const found = await db.storage().users.findManyByIds([a.id, b.id, 'missing']);
    expect(found.map((u) => u.id).sort()).toEqual([a.id, b.id].sort());
    expect(await db.storage().users.findManyByIds([])).toEqual([]);
  });

  it('round-trips SQL metacharacters, quotes and RTL text exactly', async () => {
    const tricky = user({ displayName: `Robert'); DROP TABLE users;-- "x" \\ % _ مرحبا עברית` });
    await db.storage().users.create(tricky);
    expect(await db.storage().users.findById(tricky.id)).toEqual(tricky);
  });
});

describeEachDatabase('storage: sign-out marks', (db) => {
  it('raises a user’s token generation one step at a time, and says null for an unknown user', async () => {
    const ada = await db.storage().users.create(user());
    expect(await db.storage().users.raiseTokenGeneration(ada.id)).toBe(1);
    expect(await db.storage().users.raiseTokenGeneration(ada.id)).toBe(2);
    expect((await db.storage().users.findById(ada.id))?.tokenGeneration).toBe(2);
    expect(await db.storage().users.raiseTokenGeneration('nobody')).toBeNull();
  });

  it('keeps revoked token ids until they expire, then prunes exactly those', async () => {
    const revoked = db.storage().revokedTokens;
    const [soon, later] = [uniqueName('jti'), uniqueName('jti')];
    await revoked.revoke(soon, at(60_000));
    await revoked.revoke(soon, at(60_000)); // logging out twice keeps one entry
    await revoked.revoke(later, at(3600_000));
    expect(await revoked.isRevoked(soon)).toBe(true);
    expect(await revoked.isRevoked(uniqueName('jti'))).toBe(false);
    expect(await revoked.pruneExpired(at(120_000))).toBeGreaterThanOrEqual(1);
    expect(await revoked.isRevoked(soon)).toBe(false);
    expect(await revoked.isRevoked(later)).toBe(true);
  });
});
