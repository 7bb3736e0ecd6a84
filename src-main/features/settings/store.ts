import { z } from 'zod';
import { HttpUrl, Language, Settings, type SettingsPatch, type SettingsView } from '../../../protocol/ipc.js';
import { readJsonFile, writeJsonFile } from '../../lib/json-file.js';
import { log } from '../../lib/log.js';

export const DEFAULT_RELAY_URL = 'http://localhost:3001';

/** On read, a damaged field falls back to its default without losing the others. */
const StoredSettings = z.object({
  relayUrl: HttpUrl.optional().catch(undefined),
  language: Language.optional().catch(undefined),
  recordingsFolder: z.string().min(1).nullable().optional().catch(undefined),
});

export interface SettingsStoreOptions {
  file: string;
  /** AFRITOK_RELAY_URL: when set (npm start sets it) it wins over the saved relay URL, without being saved. */
  relayUrlOverride?: string | undefined;
  defaultLanguage?: Settings['language'];
}

export interface SettingsStore {
  get(): SettingsView;
  update(patch: SettingsPatch): Promise<SettingsView>;
  setRecordingsFolder(folder: string): Promise<SettingsView>;
  onChange(listener: (settings: SettingsView) => void): () => void;
}

/** Loads settings.json from userData (validated), keeps them in memory, saves each change. */
export async function openSettingsStore(options: SettingsStoreOptions): Promise<SettingsStore> {
  const override = options.relayUrlOverride ? HttpUrl.safeParse(options.relayUrlOverride) : null;
  if (override && !override.success) log.warn('AFRITOK_RELAY_URL is not an http(s) URL; ignoring it');
  const read = await readJsonFile(options.file, StoredSettings);
  if (read.kind === 'invalid') log.warn('settings file is damaged; using defaults', read.reason);
  const stored = read.kind === 'ok' ? read.value : {};
  let saved: Settings = {
    relayUrl: stored.relayUrl ?? DEFAULT_RELAY_URL,
    language: stored.language ?? options.defaultLanguage ?? 'en',
    recordingsFolder: stored.recordingsFolder ?? null,
  };
  const listeners = new Set<(settings: SettingsView) => void>();
  const effective = (): SettingsView =>
    override?.success ? { ...saved, relayUrl: override.data, relayUrlOverridden: true } : { ...saved, relayUrlOverridden: false };

  async function save(next: Settings): Promise<SettingsView> {
    saved = Settings.parse(next);
    await writeJsonFile(options.file, saved);
    const current = effective();
    listeners.forEach((listener) => listener(current));
    return current;
  }

  return {
    get: effective,
    update: (patch) => save({ ...saved, ...patch }),
    setRecordingsFolder: (folder) => save({ ...saved, recordingsFolder: folder }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
