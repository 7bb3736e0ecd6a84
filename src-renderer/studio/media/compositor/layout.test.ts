import { describe, expect, it } from 'vitest';
import { fullFrame } from '../../scenes/model/defaults.js';
import { boxOf, cropRect, dragTransform, grabAt, placeMedia, planDraw, toCanvasPoint, topSourceAt } from './layout.js';

const canvas = { w: 1280, h: 720 };

describe('layout maths', () => {
  it('maps a fractional transform to canvas pixels', () => {
    expect(boxOf({ x: 0.5, y: 0.25, w: 0.25, h: 0.5 }, canvas)).toEqual({ x: 640, y: 180, w: 320, h: 360 });
  });

  it('crops media by fractions of its own size', () => {
    expect(cropRect({ w: 640, h: 480 }, { top: 0.1, right: 0.25, bottom: 0.4, left: 0.25 })).toEqual({ x: 160, y: 48, w: 320, h: 240 });
  });

  it('letterboxes a 4:3 picture in a 16:9 box when fitting', () => {
    const plan = placeMedia({ x: 0, y: 0, w: 640, h: 480 }, { x: 0, y: 0, w: 1280, h: 720 }, 'fit');
    expect(plan.dst).toEqual({ x: 160, y: 0, w: 960, h: 720 });
    expect(plan.src).toEqual({ x: 0, y: 0, w: 640, h: 480 });
  });

  it('covers the box and trims top and bottom when filling', () => {
    const plan = placeMedia({ x: 0, y: 0, w: 640, h: 480 }, { x: 0, y: 0, w: 1280, h: 720 }, 'fill');
    expect(plan.dst).toEqual({ x: 0, y: 0, w: 1280, h: 720 });
    expect(plan.src).toEqual({ x: 0, y: 60, w: 640, h: 360 });
  });

  it('stretches when asked, and plans crop then placement', () => {
    expect(placeMedia({ x: 0, y: 0, w: 10, h: 10 }, { x: 1, y: 2, w: 30, h: 40 }, 'stretch').dst).toEqual({ x: 1, y: 2, w: 30, h: 40 });
    const t = { ...fullFrame(), crop: { top: 0, right: 0.5, bottom: 0, left: 0 }, fit: 'fit' as const };
    expect(planDraw(t, { w: 1280, h: 720 }, canvas).dst).toEqual({ x: 320, y: 0, w: 640, h: 720 });
  });

  it('finds the handle, the body, or nothing under a point', () => {
    const rect = { x: 100, y: 100, w: 200, h: 100 };
    expect(grabAt(rect, 102, 98, 8)).toBe('nw');
    expect(grabAt(rect, 300, 150, 8)).toBe('e');
    expect(grabAt(rect, 200, 200, 8)).toBe('s');
    expect(grabAt(rect, 150, 150, 8)).toBe('body');
    expect(grabAt(rect, 50, 50, 8)).toBe(null);
  });

  it('hits the top-most visible source', () => {
    const bottom = { id: 'bg', transform: fullFrame() };
    const top = { id: 'logo', transform: { ...fullFrame(), x: 0.5, y: 0.5, w: 0.5, h: 0.5 } };
    const hidden = { id: 'ghost', transform: { ...fullFrame(), hidden: true } };
    expect(topSourceAt([bottom, top, hidden], 1000, 600, canvas)?.id).toBe('logo');
    expect(topSourceAt([bottom, top, hidden], 100, 100, canvas)?.id).toBe('bg');
    expect(topSourceAt([hidden], 100, 100, canvas)).toBe(null);
  });

  it('moves the body, resizes from a corner keeping the opposite corner, and never inverts', () => {
    const t = { ...fullFrame(), x: 0.2, y: 0.2, w: 0.4, h: 0.4 };
    expect(dragTransform(t, 'body', 0.1, -0.1)).toMatchObject({ x: 0.30000000000000004, y: 0.1, w: 0.4, h: 0.4 });
    const se = dragTransform(t, 'se', 0.1, 0.2);
    expect(se.x).toBe(0.2);
    expect(se.w).toBeCloseTo(0.5);
    expect(se.h).toBeCloseTo(0.6);
    const nw = dragTransform(t, 'nw', 0.9, 0.9);
    expect(nw.w).toBeCloseTo(0.01);
    expect(nw.x + nw.w).toBeCloseTo(0.6);
  });

  it('leaves a locked source where it is', () => {
    const t = { ...fullFrame(), locked: true };
    expect(dragTransform(t, 'body', 0.3, 0.3)).toBe(t);
    expect(dragTransform(t, 'se', 0.3, 0.3)).toBe(t);
  });

  it('maps pointer coordinates from a scaled element to canvas pixels', () => {
    expect(toCanvasPoint({ x: 420, y: 190 }, { x: 100, y: 10, w: 640, h: 360 }, canvas)).toEqual({ x: 640, y: 360 });
  });
});
