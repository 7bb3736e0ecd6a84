import { describe, expect, it } from 'vitest';
import { WORKER_SOURCE, timeoutClock } from './clock.js';
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

/** Runs the Worker's schedule source against a hand-driven clock (no Worker in Node). */
function runWorkerSource() {
  let now = 0;
  let timers: { at: number; id: number; fn: () => void }[] = [];
  let nextId = 1;
  const posted: { frame: number; missed: number }[] = [];
  const fakeSetTimeout = (fn: () => void, ms: number) => {
    timers.push({ at: now + ms, id: nextId, fn });
    return nextId++;
  };
  const fakeClearTimeout = (id: number) => {
    timers = timers.filter((t) => t.id !== id);
  };
  const factory = new Function('postMessage', 'setTimeout', 'clearTimeout', 'performance', `let onmessage;${WORKER_SOURCE}; return onmessage;`) as (
    post: (m: { frame: number; missed: number }) => void,
    st: typeof fakeSetTimeout,
    ct: typeof fakeClearTimeout,
    perf: { now: () => number },
  ) => (e: { data: { type: string; fps?: number } }) => void;
  const onmessage = factory((m) => posted.push(m), fakeSetTimeout, fakeClearTimeout, { now: () => now });
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (!due || due.at > until) break;
      timers.shift();
      now = due.at;
      due.fn();
    }
    now = until;
  };
  return { posted, advance, send: (type: string, fps?: number) => onmessage({ data: { type, fps } }) };
}

describe('frame clock worker', () => {
  it('posts no backlog to a page too slow to draw: one tick until it is acknowledged, the rest counted missed', () => {
    const worker = runWorkerSource();
    worker.send('start', 10);
    worker.advance(100);
    expect(worker.posted).toEqual([{ frame: 1, missed: 0 }]);
    // The page is busy for a whole second: nothing more queues up for it.
    worker.advance(1000);
    expect(worker.posted).toHaveLength(1);
    worker.send('done');
    worker.advance(100);
    expect(worker.posted).toHaveLength(2);
    expect(worker.posted[1]!.missed).toBeGreaterThanOrEqual(9);
    // A page that keeps up gets every tick with nothing missed.
    for (let i = 0; i < 5; i += 1) {
      worker.send('done');
      worker.advance(100);
    }
    expect(worker.posted).toHaveLength(7);
    expect(worker.posted.slice(2).every((tick) => tick.missed === 0)).toBe(true);
  });
});
