import {
  AccountSettings,
  accountSettingShapes,
  type AccountSettingName,
  type AccountSettingsReply,
} from '../../../protocol/account-settings.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import type { Clock } from '../core/ports.js';
import type { AccountSettingRecord, Storage } from '../storage/types.js';

export interface AccountSettingsService {
  /** The caller's saved settings; a stored value that no longer parses is left out (its default applies). */
  get(actor: Actor | null): Promise<AccountSettingsReply>;
  /** Saves the named settings (already validated by the route) all together, and answers the whole record. */
  update(actor: Actor | null, patch: AccountSettings): Promise<AccountSettingsReply>;
}

const NAMES = Object.keys(accountSettingShapes) as AccountSettingName[];

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw fail.unauthorized();
  return actor;
}

/** Keeps only the stored settings today's schemas accept; the newest change is the record's time. */
function view(records: AccountSettingRecord[]): AccountSettingsReply {
  const settings: Record<string, unknown> = {};
  let newest: Date | null = null;
  for (const record of records) {
    const name = NAMES.find((n) => n === record.name);
    if (!name) continue;
    const parsed = accountSettingShapes[name].safeParse(record.value);
    if (!parsed.success) continue;
    settings[name] = parsed.data;
    if (!newest || record.updatedAt > newest) newest = record.updatedAt;
  }
  return { settings: AccountSettings.parse(settings), updatedAt: newest?.toISOString() ?? null };
}

/** A person's studio settings (language, output format), one stored row per setting. Plain TypeScript. */
export function createAccountSettingsService(deps: { storage: Storage; clock: Clock }): AccountSettingsService {
  const { storage, clock } = deps;
  return {
    async get(actor) {
      return view(await storage.accountSettings.list(signedIn(actor).userId));
    },
    async update(actor, patch) {
      const { userId } = signedIn(actor);
      const at = clock();
      const records = NAMES.filter((name) => patch[name] !== undefined).map((name) => ({ userId, name, value: patch[name], updatedAt: at }));
      await storage.transaction((tx) => tx.accountSettings.put(records));
      return view(await storage.accountSettings.list(userId));
    },
  };
}
