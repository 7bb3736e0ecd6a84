import { describe, expect, it } from 'vitest';
import { formatOf, isPortrait, OUTPUT_PRESETS } from './presets.js';

describe('output presets', () => {
  it('draw the program at the size each account preset names', () => {
    expect(formatOf({ preset: '854x480', fps: 24 })).toEqual({ width: 854, height: 480, fps: 24 });
    expect(formatOf({ preset: '1080x1920', fps: 60 })).toEqual({ width: 1080, height: 1920, fps: 60 });
    for (const p of OUTPUT_PRESETS) expect(`${p.width}x${p.height}`).toBe(p.value);
  });

  it('offer landscape sizes, then their portrait twins, smallest first', () => {
    expect(OUTPUT_PRESETS.map((p) => isPortrait(p))).toEqual([false, false, false, true, true, true]);
    expect(OUTPUT_PRESETS.map((p) => p.height)).toEqual([480, 720, 1080, 854, 1280, 1920]);
  });
});
