import { expect, it } from 'vitest';
import type { DestinationRecord } from '../../../relay-server/src/storage/types.js';
import { describeEachDatabase } from '../../support/databases.js';
import { at, id, user } from './fixtures.js';

const destination = (userId: string, overrides: Partial<DestinationRecord> = {}): DestinationRecord => ({
  id: id(),
  userId,
  name: 'YouTube 🎥',
  service: 'youtube',
  url: 'rtmp://a.rtmp.youtube.com/live2',
  keyCipher: `v1.${'a'.repeat(16)}.${'b'.repeat(22)}.${'c'.repeat(700)}`,
  keyLast4: 'wxyz',
  enabled: true,
  createdAt: at(),
  updatedAt: at(),
  ...overrides,
});

describeEachDatabase('storage: multistreaming destinations', (db) => {
  it('stores destinations and lists the owner’s oldest first, each exactly as written', async () => {
    const owner = await db.storage().users.create(user());
    const first = await db.storage().destinations.create(destination(owner.id, { createdAt: at(0) }));
    const second = await db.storage().destinations.create(destination(owner.id, { createdAt: at(1000), service: 'custom', enabled: false, url: `rtmps://x.example/${'p'.repeat(480)}` }));
    expect(await db.storage().destinations.listByUser(owner.id)).toEqual([first, second]);
    expect(await db.storage().destinations.countByUser(owner.id)).toBe(2);
    expect(await db.storage().destinations.findOwned(first.id, owner.id)).toEqual(first);
  });

  it('changes and deletes only the owner’s destination', async () => {
    const owner = await db.storage().users.create(user());
    const other = await db.storage().users.create(user());
    const mine = await db.storage().destinations.create(destination(owner.id));
    expect(await db.storage().destinations.findOwned(mine.id, other.id)).toBeNull();
    expect(await db.storage().destinations.update(mine.id, other.id, { enabled: false, updatedAt: at(5) })).toBeNull();
    expect(await db.storage().destinations.remove(mine.id, other.id)).toBe(false);
    expect(await db.storage().destinations.findOwned(mine.id, owner.id)).toEqual(mine);
    const changed = await db.storage().destinations.update(mine.id, owner.id, { enabled: false, keyLast4: '1234', updatedAt: at(6) });
    expect(changed).toEqual({ ...mine, enabled: false, keyLast4: '1234', updatedAt: at(6) });
    // The same change again (nothing differs) still reads the row back.
    expect(await db.storage().destinations.update(mine.id, owner.id, { enabled: false, updatedAt: at(6) })).toEqual(changed);
    expect(await db.storage().destinations.remove(mine.id, owner.id)).toBe(true);
    expect(await db.storage().destinations.listByUser(owner.id)).toEqual([]);
  });
});
