import { spawn, type ChildProcess } from 'node:child_process';

/** A real RTMP encoder: Debian's ffmpeg, a moving test picture and a tone, x264 + AAC in FLV. */
export interface RtmpEncoder {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** What ffmpeg printed (the refusal reason of the relay shows up here). */
  output(): string;
  stop(): Promise<void>;
}

export interface EncoderOptions {
  /** x264 profile (baseline, main, high). */
  profile?: string;
  /** Seconds of media to send before ffmpeg ends by itself (it runs until stopped otherwise). */
  seconds?: number;
  /** Draws the wall-clock time in ms into the picture (for the latency benchmark). */
  timecode?: boolean;
  /** Frames between key frames (30 fps). */
  gop?: number;
}

export function encoderArgs(url: string, options: EncoderOptions = {}): string[] {
  const duration = options.seconds ? [`-t`, String(options.seconds)] : [];
  const video = options.timecode ? 'testsrc2=size=640x360:rate=30,drawtext=text=%{localtime\\:%s}:fontsize=40:x=20:y=20' : 'testsrc2=size=640x360:rate=30';
  return [
    '-hide_banner', '-loglevel', 'error', '-nostdin',
    '-re', '-f', 'lavfi', '-i', video,
    '-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100',
    ...duration,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-profile:v', options.profile ?? 'main', '-pix_fmt', 'yuv420p',
    '-g', String(options.gop ?? 30), '-b:v', '1500k',
    '-c:a', 'aac', '-b:a', '128k',
    '-f', 'flv', url,
  ];
}

export function startRtmpEncoder(url: string, options: EncoderOptions = {}): RtmpEncoder {
  const child = spawn('ffmpeg', encoderArgs(url, options), { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
