import { Emitter } from '../../../shared/realtime/emitter.js';
import type { RecordingSink } from '../../../platform/types.js';

export type RecorderState = 'idle' | 'recording' | 'stopping';
export type RecorderEvents = {
  state: { state: RecorderState };
  /** A recording was finished and saved. */
  saved: { location: string; bytes: number; durationMs: number };
  error: { message: string };
};

const MIME_CANDIDATES = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm'];
const CHUNK_MS = 1000;

export function pickMimeType(isSupported: (type: string) => boolean): string {
  return MIME_CANDIDATES.find(isSupported) ?? 'video/webm';
}

export function recordingFileName(date: Date): string {
  return `afritok-${date.toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19)}.webm`;
}

/** MediaRecorder on the program stream → WebM chunks → a sink. */
export class Recorder {
  readonly events = new Emitter<RecorderEvents>();
  private recorder: MediaRecorder | null = null;
  private current: RecorderState = 'idle';
  private startedAt = 0;

  get state(): RecorderState {
    return this.current;
  }

  get elapsedMs(): number {
    return this.current === 'idle' ? 0 : performance.now() - this.startedAt;
  }

  start(stream: MediaStream, openSink: (fileName: string) => Promise<RecordingSink>): void {
    if (this.current !== 'idle') return;
    const recorder = new MediaRecorder(stream, { mimeType: pickMimeType((t) => MediaRecorder.isTypeSupported(t)) });
    this.recorder = recorder;
    this.startedAt = performance.now();
    this.setState('recording');
    const sinkReady = openSink(recordingFileName(new Date()));
    let bytes = 0;
    // Chunks are written in order: each write waits for the one before it.
    let writes: Promise<void> = sinkReady.then(() => undefined);
    recorder.ondataavailable = (e) => {
      if (e.data.size === 0) return;
      bytes += e.data.size;
      writes = writes.then(async () => (await sinkReady).write(e.data));
    };
    recorder.onstop = () => {
      const durationMs = performance.now() - this.startedAt;
      void writes
        .then(async () => (await sinkReady).close())
        .then((location) => this.events.emit('saved', { location, bytes, durationMs }))
        .catch((err: unknown) => this.events.emit('error', { message: err instanceof Error ? err.message : String(err) }))
        .finally(() => this.setState('idle'));
    };
    recorder.start(CHUNK_MS);
  }

  stop(): void {
    if (this.current !== 'recording' || !this.recorder) return;
    this.setState('stopping');
    this.recorder.stop();
    this.recorder = null;
  }

  private setState(state: RecorderState): void {
    this.current = state;
    this.events.emit('state', { state });
  }
}
