import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const SCRIPT = path.join(import.meta.dirname, 'whip_publish.py');
/** Debian's Python, where python3-gi and GStreamer's typelibs are installed. */
export const GST_PYTHON = '/usr/bin/python3';
/** libnice 0.1.21 sometimes aborts during nomination (`conncheck.c … NICE_CHECK_SUCCEEDED`); OBS would reconnect, so do we. */
const MAX_ATTEMPTS = 3;
/** As OBS's reconnect delay: the relay treats a publish younger than 5 s as still setting up (409). */
const RETRY_DELAY_MS = 5_500;

export interface GstPublisher {
  /** Every stdout line of every attempt (`status …`, `location …`, `connected`, `failed`, `body …`). */
  lines: string[];
  /** Resolves with the first line starting with `prefix`. */
  line(prefix: string): Promise<string>;
  stop(): Promise<void>;
}

/** Runs whip_publish.py (GStreamer webrtcbin, x264 or VP8 (`--codec vp8`) + Opus, OBS-shaped offer) against `url`. */
export function startGstPublisher(url: string, args: string[]): GstPublisher {
  const lines: string[] = [];
  const waiters: Array<{ prefix: string; resolve: (line: string) => void }> = [];
  let child: ChildProcess;
  let stopped = false;
  let attempts = 0;
  let exited: Promise<void>;

  function launch(): void {
    attempts += 1;
    const current = spawn(GST_PYTHON, [SCRIPT, url, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = current;
    const output: string[] = [];
    const take = (line: string) => {
      output.push(line);
      if (line.startsWith('Bail out')) return;
      lines.push(line);
      for (const waiter of waiters.filter((w) => line.startsWith(w.prefix))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    };
    if (current.stdout) createInterface({ input: current.stdout }).on('line', take);
    if (current.stderr) createInterface({ input: current.stderr }).on('line', (line) => line.startsWith('Bail out') && output.push(line));
    exited = new Promise((resolve) => current.once('exit', (_code, signal) => {
      const crashed = signal === 'SIGABRT' || output.some((l) => l.startsWith('Bail out'));
      if (!stopped && crashed && !lines.includes('connected') && attempts < MAX_ATTEMPTS) {
        setTimeout(() => {
          if (!stopped) launch();
          resolve();
        }, RETRY_DELAY_MS);
      } else resolve();
    }));
  }
  launch();

  return {
    lines,
    line: (prefix) => {
      const seen = lines.find((l) => l.startsWith(prefix));
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ prefix, resolve }));
    },
    async stop() {
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
