import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  saveWindowState,
} from '../../../src-main/features/window-state/store.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();
const laptop = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('remembers bounds and maximized across restarts', async () => {
    const file = join(await tempDir(), 'window-state.json');
    expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    await saveWindowState(file, { x: 100, y: 80, width: 1280, height: 720 }, true);
    expect(await loadWindowState(file)).toEqual({ x: 100, y: 80, width: 1280, height: 720, maximized: true });
  });

  it('falls back to defaults for a damaged file', async () => {
    const file = join(await tempDir(), 'window-state.json');
    await writeFile(file, JSON.stringify({ width: -5, height: 'tall' }));
    expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('forgets the position when its monitor is gone', () => {
    const onUnplugged = { x: 2500, y: 100, width: 1280, height: 720, maximized: false };
    expect(fitToDisplays(onUnplugged, [laptop])).toEqual({ width: 1280, height: 720, maximized: false });
    expect(fitToDisplays(onUnplugged, [laptop, { x: 1920, y: 0, width: 2560, height: 1440 }])).toEqual(onUnplugged);
  });

  it('shrinks a window saved on a bigger monitor to today\'s screen and keeps it wholly on it', () => {
    const savedOn4k = { x: 200, y: 100, width: 3000, height: 1800, maximized: false };
    expect(fitToDisplays(savedOn4k, [laptop])).toEqual({ x: 0, y: 0, width: 1920, height: 1080, maximized: false });
  });

  it('pulls a window hanging off the edge back inside the display it is mostly on', () => {
    const hanging = { x: 1500, y: 900, width: 1280, height: 720, maximized: true };
    expect(fitToDisplays(hanging, [laptop])).toEqual({ x: 640, y: 360, width: 1280, height: 720, maximized: true });
  });

  it('picks the display the window overlaps most', () => {
    const right = { x: 1920, y: 0, width: 2560, height: 1440 };
    const straddling = { x: 1800, y: 50, width: 1400, height: 800, maximized: false };
    expect(fitToDisplays(straddling, [laptop, right])).toEqual({ x: 1920, y: 50, width: 1400, height: 800, maximized: false });
  });

  it('a window with no saved position still fits the primary display', () => {
    expect(fitToDisplays({ width: 2560, height: 1600, maximized: false }, [{ x: 0, y: 0, width: 1366, height: 728 }])).toEqual({
      width: 1366,
      height: 728,
      maximized: false,
    });
  });
});
