import { asc, eq } from 'drizzle-orm';
import type { AccountSettingsRepo } from '../types.js';
import type { Dialect } from '../dialect.js';
import { accountSettingFromRow, accountSettingToRow } from '../shared/rows.js';

export function accountSettingsRepo(d: Dialect): AccountSettingsRepo {
  const { db } = d;
  const { accountSettings } = d.t;
  return {
    async list(userId) {
      const rows = await db.select().from(accountSettings).where(eq(accountSettings.userId, userId)).orderBy(asc(accountSettings.name));
      return rows.map(accountSettingFromRow);
    },
    async put(settings) {
      for (const setting of settings) {
        const row = accountSettingToRow(setting);
        await d.upsert(accountSettings, row, [accountSettings.userId, accountSettings.name], { value: row.value, updatedAt: row.updatedAt });
      }
    },
  };
}
