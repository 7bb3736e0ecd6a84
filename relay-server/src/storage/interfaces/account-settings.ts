/** A person's stored settings. */

/** One stored setting of a person's: its name and its value as JSON (parsed by the caller's schema). */
export interface AccountSettingRecord {
  userId: string;
  name: string;
  value: unknown;
  updatedAt: Date;
}

export interface AccountSettingsRepo {
  /** Every setting the person saved, in name order. */
  list(userId: string): Promise<AccountSettingRecord[]>;
  /** Saves each setting (replacing that name's earlier value); run it in `transaction` for all-or-none. */
  put(settings: AccountSettingRecord[]): Promise<void>;
}
