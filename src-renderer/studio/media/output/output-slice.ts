import type { Slice } from '../../store/types.js';
import { DEFAULT_OUTPUT, OutputSettings } from './presets.js';

export interface OutputSlice {
  /** The program's canvas size and frame rate (what viewers receive and what is recorded). */
  output: OutputSettings;
  setOutput(patch: Partial<OutputSettings>): void;
}

export const createOutputSlice: Slice<OutputSlice> = (set, get) => ({
  output: DEFAULT_OUTPUT,
  setOutput(patch) {
    const parsed = OutputSettings.safeParse({ ...get().output, ...patch });
    if (parsed.success) set({ output: parsed.data });
  },
});
