import { LayoutKind, type Scene, type Source, type Transform } from '../model/types.js';

export { LayoutKind };
/** The one-click layouts of the Guests panel (StreamYard's), for any output size, landscape or portrait. */
export const LAYOUT_KINDS = LayoutKind.options;

export interface Size {
  w: number;
  h: number;
}
/** A box in canvas fractions (0..1), as Transform holds it. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Cameras and guests are people (speakers); screens are shown big in "screen + speakers". */
export type MemberRole = 'speaker' | 'screen';
export interface Member {
  id: string;
  role: MemberRole;
}

/** A speaker's picture: cameras and guests' webcams are 16:9; tiles pick the grid that wastes least. */
const SPEAKER_ASPECT = 16 / 9;
/** Space between tiles and around the edge, as a fraction of the canvas's shorter side. */
const GAP = 0.015;
/** Picture-in-picture tiles: sized from this fraction of the canvas's shorter side. */
const PIP_SIZE = 0.3;
/** "Screen + speakers": the screen takes this share of the long side. */
const SCREEN_SHARE = 0.75;

/** Which sources a layout places: cameras and guests (speakers), screens; text, images and sound stay put. */
export function membersOf(scene: Scene): Member[] {
  return scene.sources.flatMap((s: Source): Member[] => {
    if (s.kind === 'camera' || s.kind === 'guest') return [{ id: s.id, role: 'speaker' }];
    if (s.kind === 'screen') return [{ id: s.id, role: 'screen' }];
    return [];
  });
}

/** Boxes in pixels → fractions of the canvas. */
const toFraction = (r: Box, canvas: Size): Box => ({ x: r.x / canvas.w, y: r.y / canvas.h, w: r.w / canvas.w, h: r.h / canvas.h });

/** `count` equal tiles filling `area` (pixels) in the rows × columns whose tiles are biggest at 16:9. */
export function tile(area: Box, count: number, gap: number): Box[] {
  if (count <= 0) return [];
  let best = { cols: 1, rows: count, score: -1 };
  for (let cols = 1; cols <= count; cols += 1) {
    const rows = Math.ceil(count / cols);
    const cellW = (area.w - gap * (cols - 1)) / cols;
    const cellH = (area.h - gap * (rows - 1)) / rows;
    // The visible 16:9 picture a cell can show whole: what the viewer actually gets.
    const shown = Math.min(cellW, cellH * SPEAKER_ASPECT);
    const score = shown * (shown / SPEAKER_ASPECT);
    if (score > best.score + 1e-9) best = { cols, rows, score };
  }
  const { cols, rows } = best;
  const cellW = (area.w - gap * (cols - 1)) / cols;
  const cellH = (area.h - gap * (rows - 1)) / rows;
  return Array.from({ length: count }, (_, i) => {
    const row = Math.floor(i / cols);
    const inRow = row === rows - 1 ? count - cols * (rows - 1) : cols;
    // The last row's tiles are centred when it is not full.
    const offset = ((cols - inRow) * (cellW + gap)) / 2;
    return { x: area.x + offset + (i % cols) * (cellW + gap), y: area.y + row * (cellH + gap), w: cellW, h: cellH };
  });
}

/** One line of equal tiles along the long side (side by side), or across for a portrait canvas. */
function line(area: Box, count: number, gap: number, across: boolean): Box[] {
  if (count <= 0) return [];
  if (across) {
    const h = (area.h - gap * (count - 1)) / count;
    return Array.from({ length: count }, (_, i) => ({ x: area.x, y: area.y + i * (h + gap), w: area.w, h }));
  }
  const w = (area.w - gap * (count - 1)) / count;
  return Array.from({ length: count }, (_, i) => ({ x: area.x + i * (w + gap), y: area.y, w, h: area.h }));
}

export interface Placement {
  /** Where each placed source goes (canvas fractions); sources left out are hidden. */
  boxes: Map<string, Box>;
  hidden: Set<string>;
}

/**
 * Where each member goes for `kind` on a canvas of `canvas` pixels. Pure: the same inputs give the same
 * boxes, so a layout reflows the same way whenever guests come and go.
 */
export function arrange(kind: LayoutKind, members: readonly Member[], canvas: Size): Placement {
  const portrait = canvas.h > canvas.w;
  const g = GAP * Math.min(canvas.w, canvas.h);
  const full: Box = { x: 0, y: 0, w: canvas.w, h: canvas.h };
  const inset: Box = { x: g, y: g, w: canvas.w - 2 * g, h: canvas.h - 2 * g };
  const speakers = members.filter((m) => m.role === 'speaker').map((m) => m.id);
  const screens = members.filter((m) => m.role === 'screen').map((m) => m.id);
  const boxes = new Map<string, Box>();
  const place = (ids: string[], rects: Box[]) => ids.forEach((id, i) => rects[i] && boxes.set(id, toFraction(rects[i], canvas)));

  switch (kind) {
    case 'solo':
      place(speakers.slice(0, 1), [full]);
      break;
    case 'side-by-side':
      place(speakers, line(inset, speakers.length, g, portrait));
      break;
    case 'grid':
      place(speakers, tile(inset, speakers.length, g));
      break;
    case 'pip': {
      const [main, ...small] = speakers;
      if (main) place([main], [full]);
      // Small tiles along the bottom edge from the right, shrunk so that all of them fit.
      const wanted = PIP_SIZE * Math.min(canvas.w, canvas.h) * (portrait ? 1 : SPEAKER_ASPECT * 0.75);
      const w = Math.min(wanted, (canvas.w - g * (small.length + 1)) / Math.max(1, small.length));
      const h = w / SPEAKER_ASPECT;
      place(
        small,
        small.map((_, i) => ({ x: canvas.w - (g + w) * (i + 1), y: canvas.h - g - h, w, h })),
      );
      break;
    }
    case 'screen-speakers': {
      const [screen] = screens;
      if (!screen) return arrange('grid', members, canvas);
      const stripSize = portrait ? inset.h * (1 - SCREEN_SHARE) : inset.w * (1 - SCREEN_SHARE);
      const main: Box = portrait
        ? { x: inset.x, y: inset.y, w: inset.w, h: inset.h - stripSize - (speakers.length ? g : 0) }
        : { x: inset.x, y: inset.y, w: inset.w - stripSize - (speakers.length ? g : 0), h: inset.h };
      const strip: Box = portrait
        ? { x: inset.x, y: inset.y + inset.h - stripSize, w: inset.w, h: stripSize }
        : { x: inset.x + inset.w - stripSize, y: inset.y, w: stripSize, h: inset.h };
      place([screen], [speakers.length ? main : inset]);
      place(speakers, line(strip, speakers.length, g, !portrait));
      break;
    }
  }
  return { boxes, hidden: new Set(members.map((m) => m.id).filter((id) => !boxes.has(id))) };
}

/**
 * The scene with `kind` applied: members moved into their boxes (media covers its tile; a shared
 * screen is shown whole), members left out hidden, everything else untouched. Speakers are drawn
 * above a screen, picture-in-picture tiles above the main picture.
 */
export function applyLayout(scene: Scene, kind: LayoutKind, canvas: Size): Scene {
  const members = membersOf(scene);
  const { boxes, hidden } = arrange(kind, members, canvas);
  const roles = new Map(members.map((m) => [m.id, m.role]));
  const sources = scene.sources.map((s): Source => {
    const box = boxes.get(s.id);
    if (box) {
      const transform: Transform = { ...s.transform, ...box, fit: roles.get(s.id) === 'screen' ? 'fit' : 'fill', hidden: false };
      return { ...s, transform };
    }
    return hidden.has(s.id) ? { ...s, transform: { ...s.transform, hidden: true } } : s;
  });
  return { ...scene, sources: kind === 'pip' ? pipOrder(sources, members) : sources, layout: kind };
}

/** The main picture at the bottom of the members, the small tiles above it, in their order. */
function pipOrder(sources: Source[], members: readonly Member[]): Source[] {
  const main = members.find((m) => m.role === 'speaker')?.id;
  if (!main) return sources;
  const mainIndex = sources.findIndex((s) => s.id === main);
  const firstMember = sources.findIndex((s) => members.some((m) => m.id === s.id));
  if (mainIndex <= firstMember) return sources;
  const copy = [...sources];
  const [moved] = copy.splice(mainIndex, 1);
  if (moved) copy.splice(firstMember, 0, moved);
  return copy;
}

/** The member ids a layout was last applied to: a change means guests came or went (reflow). */
export const memberKey = (scene: Scene): string =>
  membersOf(scene)
    .map((m) => m.id)
    .join(',');
