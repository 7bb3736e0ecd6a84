import { OUTPUT_FRAME_RATES, OUTPUT_PRESET_VALUES, OutputChoice, type OutputPresetValue } from '../../../../protocol/account-settings.js';

/** Same shape as the compositor's OutputFormat (not imported: the store must not pull in canvas code). */
export interface OutputFormat {
  width: number;
  height: number;
  fps: number;
}

/**
 * The canvas sizes a streamer picks from: landscape for desktops and TVs, portrait for phones (TikTok-style),
 * read off the account schema's `WIDTHxHEIGHT` values so the two lists cannot drift apart.
 */
export const OUTPUT_PRESETS: readonly { value: OutputPresetValue; width: number; height: number }[] = OUTPUT_PRESET_VALUES.map((value) => {
  const [width = 0, height = 0] = value.split('x').map(Number);
  return { value, width, height };
});
export type { OutputPresetValue };
export const FRAME_RATES = OUTPUT_FRAME_RATES;

/** What is saved between runs (the account's schema): only a known preset and frame rate parse, anything else falls back to 720p30. */
export const OutputSettings = OutputChoice;
export type OutputSettings = OutputChoice;

export const DEFAULT_OUTPUT: OutputSettings = { preset: '1280x720', fps: 30 };

export function formatOf(settings: OutputSettings): OutputFormat {
  const preset = OUTPUT_PRESETS.find((p) => p.value === settings.preset) ?? { width: 1280, height: 720 };
  return { width: preset.width, height: preset.height, fps: settings.fps };
}

export function isPortrait(format: { width: number; height: number }): boolean {
  return format.height > format.width;
}
