import { describe, expect, it } from 'vitest';
import { makeSource } from '../model/defaults.js';
import type { Scene } from '../model/types.js';
import { applyLayout, arrange, LAYOUT_KINDS, tile, type Box, type Member } from './arrange.js';

const LANDSCAPE = { w: 1280, h: 720 };
const PORTRAIT = { w: 720, h: 1280 };
const speakers = (n: number): Member[] => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, role: 'speaker' as const }));
const inside = (b: Box) => b.x >= -1e-9 && b.y >= -1e-9 && b.x + b.w <= 1 + 1e-9 && b.y + b.h <= 1 + 1e-9;
const overlap = (a: Box, b: Box) => a.x < b.x + b.w - 1e-9 && b.x < a.x + a.w - 1e-9 && a.y < b.y + b.h - 1e-9 && b.y < a.y + a.h - 1e-9;

describe('layouts', () => {
  for (const canvas of [LANDSCAPE, PORTRAIT, { w: 1920, h: 1080 }, { w: 1080, h: 1920 }]) {
    it(`keeps every tile on a ${canvas.w}×${canvas.h} canvas and tiles never overlap (grid, side by side)`, () => {
      for (const kind of LAYOUT_KINDS) {
        for (let n = 1; n <= 10; n += 1) {
          const members: Member[] = [...speakers(n), { id: 'screen', role: 'screen' }];
          const { boxes } = arrange(kind, members, canvas);
          for (const box of boxes.values()) expect(inside(box), `${kind} ${n}`).toBe(true);
          if (kind === 'grid' || kind === 'side-by-side') {
            const list = [...boxes.values()];
            for (let i = 0; i < list.length; i += 1) for (let j = i + 1; j < list.length; j += 1) expect(overlap(list[i]!, list[j]!)).toBe(false);
          }
        }
      }
    });
  }

  it('solo shows the first speaker full frame and hides the rest', () => {
    const { boxes, hidden } = arrange('solo', speakers(3), LANDSCAPE);
    expect(boxes.get('s0')).toEqual({ x: 0, y: 0, w: 1, h: 1 });
    expect([...hidden]).toEqual(['s1', 's2']);
  });

  it('side by side splits left/right in landscape and top/bottom in portrait', () => {
    const wide = arrange('side-by-side', speakers(2), LANDSCAPE).boxes;
    expect(wide.get('s0')!.x).toBeLessThan(wide.get('s1')!.x);
    expect(wide.get('s0')!.y).toBeCloseTo(wide.get('s1')!.y);
    const tall = arrange('side-by-side', speakers(2), PORTRAIT).boxes;
    expect(tall.get('s0')!.y).toBeLessThan(tall.get('s1')!.y);
    expect(tall.get('s0')!.x).toBeCloseTo(tall.get('s1')!.x);
  });

  it('a grid of four is 2×2 on a landscape canvas and one column of four is never chosen for portrait 4', () => {
    const rects = tile({ x: 0, y: 0, w: 1280, h: 720 }, 4, 0);
    expect(new Set(rects.map((r) => r.x)).size).toBe(2);
    expect(new Set(rects.map((r) => r.y)).size).toBe(2);
    // Portrait 720×1280 with 16:9 tiles: stacking them in one column shows each biggest.
    const tall = tile({ x: 0, y: 0, w: 720, h: 1280 }, 3, 0);
    expect(new Set(tall.map((r) => r.x)).size).toBe(1);
  });

  it('picture-in-picture keeps the host full frame with guests in the corner above it', () => {
    const { boxes } = arrange('pip', speakers(3), LANDSCAPE);
    expect(boxes.get('s0')).toEqual({ x: 0, y: 0, w: 1, h: 1 });
    for (const id of ['s1', 's2']) {
      expect(boxes.get(id)!.w).toBeLessThan(0.5);
      expect(boxes.get(id)!.y + boxes.get(id)!.h).toBeGreaterThan(0.95);
    }
    expect(boxes.get('s1')!.x + boxes.get('s1')!.w).toBeGreaterThan(0.95);
  });

  it('screen + speakers gives the screen the big share and falls back to a grid without a screen', () => {
    const members: Member[] = [{ id: 'screen', role: 'screen' }, ...speakers(2)];
    for (const canvas of [LANDSCAPE, PORTRAIT]) {
      const { boxes } = arrange('screen-speakers', members, canvas);
      const screen = boxes.get('screen')!;
      expect(screen.w * screen.h).toBeGreaterThan(0.5);
    }
    expect(arrange('screen-speakers', speakers(2), LANDSCAPE)).toEqual(arrange('grid', speakers(2), LANDSCAPE));
  });

  it('applyLayout moves cameras and guests, leaves text alone and remembers the layout', () => {
    const scene: Scene = {
      id: 'scene',
      name: 'Scene',
      sources: [
        makeSource('cam', 'camera', 'Camera'),
        makeSource('guest', 'guest', 'Ama', { userId: 'u1', displayName: 'Ama' }),
        makeSource('title', 'text', 'Title'),
      ],
    };
    const out = applyLayout(scene, 'side-by-side', LANDSCAPE);
    expect(out.layout).toBe('side-by-side');
    expect(out.sources.find((s) => s.id === 'title')).toEqual(scene.sources[2]);
    const cam = out.sources.find((s) => s.id === 'cam')!.transform;
    const guest = out.sources.find((s) => s.id === 'guest')!.transform;
    expect(cam.w).toBeCloseTo(guest.w);
    expect(cam.fit).toBe('fill');
    expect(cam.x + cam.w).toBeLessThanOrEqual(guest.x);
  });
});
