/** A key-value store for small JSON-able settings (scene collection, preferences). */
export interface SettingsStore {
  load(key: string): Promise<unknown>;
  save(key: string, value: unknown): Promise<void>;
}
