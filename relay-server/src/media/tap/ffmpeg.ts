import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';

/**
 * ffmpeg reading a tap: the SDP goes in on stdin (no file to clean up), then the RTP/RTCP arrive on the
 * ports it names. Probing stays short (the SDP names the codecs) and the UDP buffer large enough for a
 * key frame burst while ffmpeg is busy encoding.
 */
export function tapInputArgs(): string[] {
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'warning',
    '-protocol_whitelist', 'pipe,udp,rtp',
    '-analyzeduration', '2000000', '-probesize', '2000000',
    '-buffer_size', '4194304', '-reorder_queue_size', '64',
    '-f', 'sdp', '-i', 'pipe:0',
  ];
}

export interface FfmpegFromTap {
  child: ChildProcess;
  /** The last lines ffmpeg wrote on stderr (warnings and errors), for logs and failure messages. */
  stderrTail(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawns `binary` with the tap input then `outputArgs`; `stdio` beyond stdin/stdout/stderr is passed on
 * (pipes for outputs). `niceness` lowers the encoder's CPU priority: an LL-HLS encoder can wait a few
 * milliseconds, the WebRTC forwarding beside it cannot.
 */
export function spawnFromTap(binary: string, sdp: string, outputArgs: string[], extraStdio: Array<'pipe' | 'ignore'> = [], niceness = 0): FfmpegFromTap {
  const child = spawn(binary, ['-y', ...tapInputArgs(), ...outputArgs], { stdio: ['pipe', 'pipe', 'pipe', ...extraStdio] });
  if (niceness !== 0 && child.pid !== undefined) lowerPriority(child.pid, niceness);
  const tail: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    tail.push(...chunk.split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 20));
  });
  child.stdin?.on('error', () => undefined);
  child.stdin?.end(sdp);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', () => resolve({ code: null, signal: null }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return { child, exited, stderrTail: () => tail.join('\n') };
}

/** Best effort: a platform or container that refuses leaves the priority as it was. */
function lowerPriority(pid: number, niceness: number): void {
  try {
    setPriority(pid, niceness);
  } catch {
    // Not allowed here: the encoder runs at normal priority.
  }
}

/** ffmpeg's version line, or null when `binary` cannot be run (the features that need it turn off). */
export function probeFfmpeg(binary: string): Promise<string | null> {
  return new Promise((resolve) => {
    let out = '';
    const child = spawn(binary, ['-hide_banner', '-version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.once('error', () => resolve(null));
    child.once('exit', (code) => resolve(code === 0 ? (out.split('\n')[0] ?? 'ffmpeg') : null));
  });
}
