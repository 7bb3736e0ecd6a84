import type { ColumnKit } from './kit.js';
import type { userTables } from './users.js';

/**
 * A person's studio settings, one row per setting (`name` → JSON `value`): two changes to different
 * settings at once both survive, with no read-modify-write of a shared document.
 */
export function accountSettingsTables(k: ColumnKit, { users }: ReturnType<typeof userTables>) {
  const accountSettings = k.table(
    'account_settings',
    {
      userId: k.id('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
      name: k.varchar('name', 32).notNull(),
      value: k.text('value').notNull(),
      updatedAt: k.ms('updated_at').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.userId, t.name] })],
  );
  return { accountSettings };
}
