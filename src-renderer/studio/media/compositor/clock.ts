/**
 * A frame clock that keeps ticking when the page is hidden. requestAnimationFrame stops in hidden
 * tabs and main-thread timers are throttled to about once a second there, so the schedule runs in a
 * Worker (whose timers are not throttled that way) and falls back to main-thread timers without one.
 * Either way ticks are drift-corrected: each is aimed at `start + n * interval`, and ticks that are
 * already late by a whole frame are counted as missed instead of being run in a burst.
 */
export interface FrameClock {
  start(): void;
  stop(): void;
  setFps(fps: number): void;
  /** Frames skipped because a tick came more than a frame late. */
  readonly missed: number;
}

export type TickHandler = (frame: number, now: number) => void;

/**
 * The Worker's schedule. A tick is posted only once the main thread acknowledged the last one ('done'):
 * on a machine too slow to draw a frame per interval, ticks would otherwise pile up in the page's task
 * queue without bound and the studio would stop answering clicks. Ticks due while one is unacknowledged
 * are counted as missed, like ticks lost to a stalled timer.
 */
export const WORKER_SOURCE = `
let timer = null, start = 0, interval = 33.3, frame = 0, waiting = false, missed = 0;
function schedule() {
  const now = performance.now();
  let next = start + (frame + 1) * interval;
  while (next < now - interval) { frame += 1; missed += 1; next += interval; }
  timer = setTimeout(() => {
    frame += 1;
    if (waiting) { missed += 1; } else { waiting = true; postMessage({ frame, missed }); missed = 0; }
    schedule();
  }, Math.max(0, next - now));
}
onmessage = (e) => {
  if (e.data.type === 'done') { waiting = false; return; }
  clearTimeout(timer);
  if (e.data.type === 'start') { interval = 1000 / e.data.fps; start = performance.now(); frame = 0; waiting = false; schedule(); }
};
`;

function workerClock(fps: number, onTick: TickHandler): FrameClock | null {
  if (typeof Worker === 'undefined' || typeof Blob === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' })));
  } catch {
    return null; // a strict CSP may forbid blob: workers
  }
  let missed = 0;
  let rate = fps;
  worker.onmessage = (e: MessageEvent<{ frame: number; missed: number }>) => {
    missed += e.data.missed;
    try {
      onTick(e.data.frame, performance.now());
    } finally {
      worker.postMessage({ type: 'done' });
    }
  };
  return {
    start: () => worker.postMessage({ type: 'start', fps: rate }),
    stop: () => worker.postMessage({ type: 'stop' }),
    setFps(next) {
      rate = next;
      worker.postMessage({ type: 'start', fps: rate });
    },
    get missed() {
      return missed;
    },
  };
}

export function timeoutClock(fps: number, onTick: TickHandler): FrameClock {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let interval = 1000 / fps;
  let start = 0;
  let frame = 0;
  let missed = 0;
  const schedule = () => {
    const now = performance.now();
    let next = start + (frame + 1) * interval;
    while (next < now - interval) {
      frame += 1;
      missed += 1;
      next += interval;
    }
    timer = setTimeout(() => {
      frame += 1;
      onTick(frame, performance.now());
      schedule();
    }, Math.max(0, next - now));
  };
  const clock: FrameClock = {
    start() {
      clearTimeout(timer);
      start = performance.now();
      frame = 0;
      schedule();
    },
    stop: () => clearTimeout(timer),
    setFps(next) {
      interval = 1000 / next;
      if (timer !== undefined) clock.start();
    },
    get missed() {
      return missed;
    },
  };
  return clock;
}

export function createFrameClock(fps: number, onTick: TickHandler, kind: 'worker' | 'timeout' = 'worker'): FrameClock {
  return (kind === 'worker' ? workerClock(fps, onTick) : null) ?? timeoutClock(fps, onTick);
}
