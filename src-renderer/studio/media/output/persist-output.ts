import type { SettingsStore } from '../../../platform/settings.js';
import type { StudioStore } from '../../store/index.js';
import { OutputSettings } from './presets.js';

export const OUTPUT_KEY = 'output-format';

/** Restores the saved output preset (ignored when it does not parse), then saves every change. */
export async function persistOutput(store: StudioStore, settings: SettingsStore): Promise<() => void> {
  const parsed = OutputSettings.safeParse(await settings.load(OUTPUT_KEY).catch(() => null));
  if (parsed.success) store.getState().setOutput(parsed.data);
  return store.subscribe((state, prev) => {
    if (state.output !== prev.output) void settings.save(OUTPUT_KEY, state.output).catch(() => undefined);
  });
}
