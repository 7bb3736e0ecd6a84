/**
 * A `bench hls` worker process: runs its share of lightweight LL-HLS viewers (runLlHlsViewer: blocking
 * reloads, then the part) so their CPU is not the relay's. Between `mark` and `collect` it counts what
 * the viewers did inside the measured window only (joins and their first parts are outside it).
 */
import { emptyReport, runLlHlsViewer, type ViewerReport } from '../../tests/relay/hls/support/ll-hls-viewer.js';
import { ToWorker, type FromWorker, type WindowReport } from './messages.js';

interface Running {
  reports: ViewerReport[];
  stop: AbortController;
  done: Promise<unknown>;
  /** Per viewer, the lengths of its report's lists at `mark`. */
  marks: Array<{ parts: number; playlists: number; errors: number }>;
}

let running: Running | null = null;
const send = (message: FromWorker) => process.send?.(message);

function start(base: string, sessionId: string, count: number, renditions: string[], rampMs: number): void {
  const stop = new AbortController();
  const reports = Array.from({ length: count }, (_, i) => emptyReport(renditions[i % renditions.length] ?? ''));
  // An audience arrives over seconds, not in one instant: the viewers start evenly over the ramp.
  const done = Promise.all(reports.map(async (report, i) => {
    await new Promise((resolve) => setTimeout(resolve, (i * rampMs) / Math.max(1, count)));
    return runLlHlsViewer(base, sessionId, report.rendition, stop.signal, report);
  }));
  running = { reports, stop, done, marks: [] };
}

function windowOf(run: Running): WindowReport {
  const partFetchMs: number[] = [];
  const partsPerViewer: number[] = [];
  const errorSamples: string[] = [];
  let playlists = 0;
  let errors = 0;
  run.reports.forEach((report, i) => {
    const mark = run.marks[i] ?? { parts: 0, playlists: 0, errors: 0 };
    partFetchMs.push(...report.partFetchMs.slice(mark.parts).map((ms) => Math.round(ms * 10) / 10));
    partsPerViewer.push(report.parts - mark.parts);
    playlists += report.playlists - mark.playlists;
    const fresh = report.errors.slice(mark.errors);
    errors += fresh.length;
    if (errorSamples.length < 5) errorSamples.push(...fresh.slice(0, 5 - errorSamples.length));
  });
  return { viewers: run.reports.length, partFetchMs, partsPerViewer, playlists, errors, errorSamples };
}

process.on('message', (raw: unknown) => {
  const message = ToWorker.parse(raw);
  if (message.type === 'start') {
    start(message.base, message.sessionId, message.count, message.renditions, message.rampMs);
    send({ type: 'started' });
  } else if (message.type === 'mark' && running) {
    running.marks = running.reports.map((r) => ({ parts: r.partFetchMs.length, playlists: r.playlists, errors: r.errors.length }));
    send({ type: 'marked' });
  } else if (message.type === 'collect' && running) {
    const current = running;
    const report = windowOf(current);
    current.stop.abort();
    running = null;
    // Report once every viewer has let go of its connection: the next phase starts clean.
    void current.done.then(() => send({ type: 'report', report }));
  } else if (message.type === 'exit') {
    running?.stop.abort();
    process.disconnect();
  }
});
send({ type: 'ready' });
