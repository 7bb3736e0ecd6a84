/** Peak of a block of samples, as a linear amplitude 0..1. */
export function peakOf(samples: Float32Array): number {
  let peak = 0;
  for (const s of samples) {
    const a = Math.abs(s);
    if (a > peak) peak = a;
  }
  return Math.min(1, peak);
}

/** Linear amplitude to dBFS, floored at -60 so silence has a finite value for meters. */
export function toDb(amplitude: number): number {
  if (amplitude <= 0.001) return -60;
  return Math.max(-60, 20 * Math.log10(amplitude));
}

/** Meter fill 0..1 from dBFS over a -60..0 range. */
export function meterFill(db: number): number {
  return Math.min(1, Math.max(0, (db + 60) / 60));
}

/**
 * Peak hold with fall-off, as on a hardware meter: a new higher peak shows at once,
 * then the reading falls by `fallDbPerSecond`.
 */
export function decayPeak(previousDb: number, currentDb: number, elapsedMs: number, fallDbPerSecond = 24): number {
  return Math.max(currentDb, previousDb - (fallDbPerSecond * elapsedMs) / 1000);
}
