import { describe, expect, it } from 'vitest';
import { decayPeak, meterFill, peakOf, toDb } from './meter.js';

describe('level meter maths', () => {
  it('finds the absolute peak of a block', () => {
    expect(peakOf(new Float32Array([0.1, -0.8, 0.3]))).toBeCloseTo(0.8);
    expect(peakOf(new Float32Array([2]))).toBe(1);
  });

  it('converts to dBFS with a -60 floor and fills the meter accordingly', () => {
    expect(toDb(1)).toBe(0);
    expect(toDb(0.5)).toBeCloseTo(-6.02, 1);
    expect(toDb(0)).toBe(-60);
    expect(meterFill(-60)).toBe(0);
    expect(meterFill(-30)).toBe(0.5);
    expect(meterFill(0)).toBe(1);
  });

  it('holds a peak and lets it fall at the set rate', () => {
    expect(decayPeak(-10, -3, 50)).toBe(-3);
    expect(decayPeak(-10, -40, 500)).toBe(-22);
  });
});
