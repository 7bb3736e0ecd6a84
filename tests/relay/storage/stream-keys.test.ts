import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { DuplicateKeyError, type StreamKeyRecord } from '../../../relay-server/src/storage/types.js';
import { describeEachDatabase } from '../../support/databases.js';
import { at, id, user } from './fixtures.js';

const streamKey = (userId: string, overrides: Partial<StreamKeyRecord> = {}): StreamKeyRecord => ({
  id: id(),
  userId,
  keyHash: createHash('sha256').update(randomBytes(16)).digest('hex'),
  last4: 'a1B2',
  label: 'OBS',
  createdAt: at(),
  lastUsedAt: null,
  revokedAt: null,
  ...overrides,
});

describeEachDatabase('storage: stream keys and ingest defaults', (db) => {
  it('stores a key by its hash, lists the owner active keys oldest first, and finds one by hash', async () => {
    const owner = await db.storage().users.create(user());
    const first = await db.storage().streamKeys.create(streamKey(owner.id, { createdAt: at(0) }));
    const second = await db.storage().streamKeys.create(streamKey(owner.id, { createdAt: at(1000), label: 'Larix 📱' }));
    expect(await db.storage().streamKeys.listActive(owner.id)).toEqual([first, second]);
    expect(await db.storage().streamKeys.findActiveByHash(second.keyHash)).toEqual(second);
    expect(await db.storage().streamKeys.findActiveByHash('0'.repeat(64))).toBeNull();
  });

  it('revokes only the owner own active key, once; a revoked key is found no more', async () => {
    const owner = await db.storage().users.create(user());
    const other = await db.storage().users.create(user());
    const key = await db.storage().streamKeys.create(streamKey(owner.id));
    expect(await db.storage().streamKeys.revoke(key.id, other.id, at(5))).toBe(false);
    expect(await db.storage().streamKeys.findActiveByHash(key.keyHash)).not.toBeNull();
    expect(await db.storage().streamKeys.revoke(key.id, owner.id, at(5))).toBe(true);
    expect(await db.storage().streamKeys.revoke(key.id, owner.id, at(6))).toBe(false);
    expect(await db.storage().streamKeys.findActiveByHash(key.keyHash)).toBeNull();
    expect(await db.storage().streamKeys.listActive(owner.id)).toEqual([]);
  });

  it('refuses a second key with the same hash and records when a key was last used', async () => {
    const owner = await db.storage().users.create(user());
    const key = await db.storage().streamKeys.create(streamKey(owner.id));
    await expect(db.storage().streamKeys.create(streamKey(owner.id, { keyHash: key.keyHash }))).rejects.toBeInstanceOf(DuplicateKeyError);
    await db.storage().streamKeys.touch(key.id, at(42));
    expect((await db.storage().streamKeys.findActiveByHash(key.keyHash))?.lastUsedAt).toEqual(at(42));
  });

  it('keeps one set of ingest defaults per user, replaced on save', async () => {
    const owner = await db.storage().users.create(user());
    expect(await db.storage().streamKeys.getDefaults(owner.id)).toBeNull();
    await db.storage().streamKeys.putDefaults({ userId: owner.id, title: 'Morning show', type: 'video', isPublic: true, updatedAt: at() });
    const saved = { userId: owner.id, title: 'Late show 🌙', type: 'audio' as const, isPublic: false, updatedAt: at(10) };
    await db.storage().streamKeys.putDefaults(saved);
    expect(await db.storage().streamKeys.getDefaults(owner.id)).toEqual(saved);
  });
});
