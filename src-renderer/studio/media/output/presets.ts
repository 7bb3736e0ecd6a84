import { OUTPUT_FRAME_RATES, OutputChoice, type OutputPresetValue } from '../../../../protocol/account-settings.js';

/** Same shape as the compositor's OutputFormat (not imported: the store must not pull in canvas code). */
export interface OutputFormat {
  width: number;
  height: number;
  fps: number;
}

/** The canvas sizes a streamer picks from: landscape for desktops and TVs, portrait for phones (TikTok-style). */
export const OUTPUT_PRESETS: readonly { value: OutputPresetValue; width: number; height: number }[] = [
  { value: '854x480', width: 854, height: 480 },
  { value: '1280x720', width: 1280, height: 720 },
  { value: '1920x1080', width: 1920, height: 1080 },
  { value: '480x854', width: 480, height: 854 },
  { value: '720x1280', width: 720, height: 1280 },
  { value: '1080x1920', width: 1080, height: 1920 },
];
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
