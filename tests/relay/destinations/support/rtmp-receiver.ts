import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';

/**
 * A local stand-in for YouTube or Twitch: ffmpeg listening for one RTMP publish (`-listen 1`) and
 * writing what it receives, untouched, to an FLV file.
 */
export interface RtmpReceiver {
  url: string;
  file: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Listens on `port` (the same port again after a stop: "the platform comes back"). `app` is the path before the key. */
export function startRtmpReceiver(port: number, file: string, key: string, app = 'live'): RtmpReceiver {
  const url = `rtmp://127.0.0.1:${port}/${app}`;
  const child = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-listen', '1', '-analyzeduration', '1000000', '-f', 'flv', '-i', `${url}/${key}`, '-c', 'copy', '-f', 'flv', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    url,
    file,
    child,
    exited,
    async stop() {
      // SIGINT: ffmpeg writes what it buffered and closes the file properly.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resolves once a socket listens on TCP `port` (/proc/net/tcp, state 0A): connecting would use up `-listen 1`'s one accept. */
export async function untilListening(port: number, timeoutMs = 10_000): Promise<void> {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const table = readFileSync('/proc/net/tcp', 'utf8');
    if (table.split('\n').some((line) => {
      const [, local, , state] = line.trim().split(/\s+/);
      return local?.endsWith(hex) && state === '0A';
    })) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listens on ${port}`);
}

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  nb_read_frames?: string;
}

/** ffprobe's streams of `file`, with frames counted (decoded: a file whose frames do not decode counts none). */
export function probeFile(file: string): ProbedStream[] {
  const out = spawnSync('ffprobe', ['-hide_banner', '-loglevel', 'error', '-count_frames', '-show_entries', 'stream=codec_type,codec_name,nb_read_frames', '-of', 'json', file], { encoding: 'utf8' });
  const parsed = JSON.parse(out.stdout || '{"streams":[]}') as { streams?: ProbedStream[] };
  return parsed.streams ?? [];
}

/**
 * How many pixels of the picture changed (luma by more than 24 of 255) between two frames taken
 * `gapSeconds` apart near the end of the file: 0 for a frozen picture. ffmpeg decodes them to 160×90
 * grey (small enough to read, large enough to keep a moving ball).
 */
export function pictureChange(file: string, gapSeconds = 1): number {
  const grab = (fromEnd: number) => spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-sseof', String(-fromEnd), '-i', file, '-frames:v', '1', '-vf', 'scale=160:90,format=gray', '-f', 'rawvideo', '-'], { maxBuffer: 1 << 20 }).stdout;
  const a = grab(1 + gapSeconds);
  const b = grab(1);
  if (a.length === 0 || a.length !== b.length) return 0;
  let changed = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) > 24) changed += 1;
  return changed;
}
