import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from '../../lib/json-file.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(16384),
  height: z.number().int().min(300).max(16384),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1440, height: 900, maximized: false };

/** How much of the saved window must land on a current display for its position to be kept. */
const MIN_VISIBLE = 64;

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w >= MIN_VISIBLE && h >= MIN_VISIBLE ? w * h : 0;
}

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(value, max));

/**
 * Clamps a restored window to today's displays (a monitor may have been unplugged, or the window was saved
 * on a bigger screen): it lands on the display it overlaps most, no larger than that display's work area
 * and wholly inside it. When it overlaps none, the position is dropped (the OS centres it) and the size is
 * clamped to the first (primary) display.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const first = workAreas[0];
  if (!first) return state;
  const sizeFor = (area: Rect) => ({
    width: Math.min(state.width, Math.max(400, area.width)),
    height: Math.min(state.height, Math.max(300, area.height)),
  });
  if (state.x === undefined || state.y === undefined) return { ...sizeFor(first), maximized: state.maximized };
  const rect = { x: state.x, y: state.y, width: state.width, height: state.height };
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(rect, area);
    if (overlap > bestArea) [best, bestArea] = [area, overlap];
  }
  if (!best) return { ...sizeFor(first), maximized: state.maximized };
  const size = sizeFor(best);
  return {
    x: clamp(state.x, best.x, best.x + best.width - size.width),
    y: clamp(state.y, best.y, best.y + best.height - size.height),
    ...size,
    maximized: state.maximized,
  };
}

export async function loadWindowState(file: string): Promise<WindowState> {
  const read = await readJsonFile(file, WindowState);
  return read.kind === 'ok' ? read.value : DEFAULT_WINDOW_STATE;
}

export async function saveWindowState(file: string, bounds: Rect, maximized: boolean): Promise<void> {
  const state = WindowState.safeParse({ ...bounds, maximized });
  if (state.success) await writeJsonFile(file, state.data);
}

/**
 * Synchronous twin for the window's `close` event: during quit the process may exit before an
 * async write finishes. The file is tiny.
 */
export function saveWindowStateSync(file: string, bounds: Rect, maximized: boolean): void {
  const state = WindowState.safeParse({ ...bounds, maximized });
  if (!state.success) return;
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state.data, null, 2)}\n`, 'utf8');
  renameSync(temp, file);
}
