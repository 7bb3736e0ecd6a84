import { z } from 'zod';
import { IsoTime } from './common.js';

/*
 * A person's studio settings kept in their account (the web studio at /studio; the desktop studio keeps its
 * own in the user data folder). Every field is optional: a missing one means "the default".
 */

/** Landscape then portrait, smallest first: 480p is for a machine that cannot draw 720p in time. */
export const OUTPUT_PRESET_VALUES = ['854x480', '1280x720', '1920x1080', '480x854', '720x1280', '1080x1920'] as const;
export const OutputPresetValue = z.enum(OUTPUT_PRESET_VALUES);
export type OutputPresetValue = z.infer<typeof OutputPresetValue>;

/** Frame rates offered: 24 for a weak machine (film's rate: motion still reads), 30 and 60. */
export const OUTPUT_FRAME_RATES = [24, 30, 60] as const;
export const OutputFrameRate = z.union(OUTPUT_FRAME_RATES.map((fps) => z.literal(fps)));

/** The program's size and frame rate: a known preset and an offered frame rate, nothing else. */
export const OutputChoice = z.strictObject({
  preset: OutputPresetValue,
  fps: OutputFrameRate,
});
export type OutputChoice = z.infer<typeof OutputChoice>;

/** One schema per setting, so a stored value that no longer parses drops alone, not the whole record. */
export const accountSettingShapes = {
  language: z.enum(['en', 'fr']),
  output: OutputChoice,
} as const;
export type AccountSettingName = keyof typeof accountSettingShapes;

export const AccountSettings = z.strictObject({
  language: accountSettingShapes.language.optional(),
  output: accountSettingShapes.output.optional(),
});
export type AccountSettings = z.infer<typeof AccountSettings>;

/** PATCH: the settings to change (at least one); unknown names are refused, not ignored. */
export const UpdateAccountSettingsBody = AccountSettings.refine((s) => Object.keys(s).length > 0, {
  message: 'Name at least one setting to change',
});
export const AccountSettingsReply = z.object({ settings: AccountSettings, updatedAt: IsoTime.nullable() });
export type AccountSettingsReply = z.infer<typeof AccountSettingsReply>;
