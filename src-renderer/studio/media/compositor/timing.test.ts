import { describe, expect, it } from 'vitest';
import { timeoutClock } from './clock.js';
import { FrameStats, percentile } from './frame-stats.js';
import { transitionProgress } from './transition.js';

describe('transitions', () => {
  it('cuts at once and fades linearly over its duration', () => {
    expect(transitionProgress('cut', 0, 500)).toBe(1);
    expect(transitionProgress('fade', 0, 500)).toBe(0);
    expect(transitionProgress('fade', 250, 500)).toBe(0.5);
    expect(transitionProgress('fade', 900, 500)).toBe(1);
    expect(transitionProgress('fade', 10, 0)).toBe(1);
  });
});

describe('frame statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([], 50)).toBe(0);
  });

  it('reports a window once it is complete', () => {
    const stats = new FrameStats(1000);
    for (let i = 0; i < 30; i += 1) stats.record(i * 33, i === 29 ? 20 : 2);
    expect(stats.takeIfDue(500, 0)).toBe(null);
    const snap = stats.takeIfDue(1000, 3)!;
    expect(snap.fps).toBe(30);
    expect(snap.p50Ms).toBe(2);
    expect(snap.missed).toBe(3);
  });
});

describe('frame clock', () => {
  it('counts frames lost to a stall instead of replaying them in a burst', async () => {
    const frames: number[] = [];
    let clockRef: ReturnType<typeof timeoutClock> | null = null;
    await new Promise<void>((done) => {
      const clock = timeoutClock(100, (frame) => {
        frames.push(frame);
        if (frame === 1) {
          const until = performance.now() + 120; // block the thread for 12 frame intervals
          while (performance.now() < until) {
            /* stall */
          }
        }
        if (frames.length === 3) {
          clock.stop();
          done();
        }
      });
      clockRef = clock;
      clock.start();
    });
    expect(clockRef!.missed).toBeGreaterThanOrEqual(5);
    expect(frames[1]! - frames[0]!).toBeGreaterThanOrEqual(6);
  });
});
