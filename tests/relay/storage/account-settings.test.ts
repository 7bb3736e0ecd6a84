import { expect, it } from 'vitest';
import { StorageError } from '../../../relay-server/src/storage/index.js';
import { describeEachDatabase } from '../../support/databases.js';
import { at, user } from './fixtures.js';

describeEachDatabase('storage: account settings', (db) => {
  it('keeps one value per setting, replaced in place, with its JSON intact, per person', async () => {
    const ama = await db.storage().users.create(user());
    const kofi = await db.storage().users.create(user());
    await db.storage().accountSettings.put([
      { userId: ama.id, name: 'output', value: { preset: '720x1280', fps: 30 }, updatedAt: at(0) },
      { userId: ama.id, name: 'language', value: 'fr', updatedAt: at(0) },
    ]);
    await db.storage().accountSettings.put([{ userId: ama.id, name: 'language', value: 'en 🌍', updatedAt: at(5) }]);
    expect(await db.storage().accountSettings.list(ama.id)).toEqual([
      { userId: ama.id, name: 'language', value: 'en 🌍', updatedAt: at(5) },
      { userId: ama.id, name: 'output', value: { preset: '720x1280', fps: 30 }, updatedAt: at(0) },
    ]);
    expect(await db.storage().accountSettings.list(kofi.id)).toEqual([]);
  });

  it('refuses settings for someone who does not exist, and a failed transaction saves none of them', async () => {
    const ama = await db.storage().users.create(user());
    await expect(db.storage().accountSettings.put([{ userId: 'nobody', name: 'language', value: 'fr', updatedAt: at(0) }])).rejects.toBeInstanceOf(StorageError);
    await expect(
      db.storage().transaction((tx) =>
        tx.accountSettings.put([
          { userId: ama.id, name: 'language', value: 'fr', updatedAt: at(0) },
          { userId: 'nobody', name: 'output', value: null, updatedAt: at(0) },
        ]),
      ),
    ).rejects.toThrow();
    expect(await db.storage().accountSettings.list(ama.id)).toEqual([]);
  });
});
