import type { PushFailure } from '../../../protocol/destinations.js';

/** What the push's ffmpeg reads from the tap: the publisher's video codec and whether there is audio. */
export interface PushInput {
  video: 'h264' | 'vp8';
  hasAudio: boolean;
}

/** Platforms ask for a key frame at least every 2–4 s: a transcoded VP8 program gets one every 2 s at 30 fps. */
const TRANSCODE_VIDEO = [
  // WebRTC video has no fixed frame rate: encode at a constant 30 fps (also what x264's level is picked for).
  '-r', '30',
  '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
  '-b:v', '3000k', '-maxrate', '3000k', '-bufsize', '6000k', '-g', '60', '-keyint_min', '60', '-sc_threshold', '0',
];
/** RTMP platforms take AAC (Opus in FLV is not accepted by YouTube or Twitch). */
const AAC = ['-c:a', 'aac', '-b:a', '128k', '-ar', '44100', '-ac', '2'];

/**
 * ffmpeg's arguments after the tap input (see media/tap/ffmpeg.ts) for one destination: H.264 copied
 * as it came (no quality lost, little CPU), VP8 encoded to H.264, Opus to AAC, and a silent track when
 * the program has no sound (platforms refuse a stream without audio). Progress goes to stdout, which
 * is how the push learns that bytes reach the platform.
 */
export function pushArgs(input: PushInput, target: string): string[] {
  const silence = input.hasAudio ? [] : ['-f', 'lavfi', '-i', 'anullsrc=channel_layout=stereo:sample_rate=44100'];
  return [
    ...silence,
    '-map', '0:v:0', '-map', input.hasAudio ? '0:a:0' : '1:a:0',
    ...(input.video === 'h264' ? ['-c:v', 'copy'] : TRANSCODE_VIDEO),
    ...AAC,
    '-progress', 'pipe:1', '-stats_period', '1',
    '-f', 'flv', '-flvflags', 'no_duration_filesize', target,
  ];
}

/** The push address: the server address then the key as the last path segment (what every platform's "server + key" means). */
export function pushTarget(url: string, key: string): string {
  return `${url.replace(/\/+$/, '')}/${key}`;
}

/**
 * Why ffmpeg's push stopped, in plain words, from the last lines it wrote. The stream key never
 * appears (`redact` removes it first): these lines go to the host's screen and to the logs.
 */
export interface PushOutcome {
  code: PushFailure;
  reason: string;
  /** Retrying cannot help (the host or the operator must change something). */
  final: boolean;
}

export function pushFailureReason(stderrTail: string, key: string, wasLive: boolean): PushOutcome {
  const text = key ? stderrTail.split(key).join('••••') : stderrTail;
  if (/Protocol not found|Unknown protocol|rtmps.*not (found|supported)|TLS.*not (found|supported)/i.test(text)) {
    return { code: 'no_tls', reason: 'This relay’s ffmpeg cannot make RTMPS (TLS) connections: use an rtmp:// address, or install an ffmpeg built with TLS', final: true };
  }
  if (/Connection refused/i.test(text)) return { code: 'refused', reason: 'The server refused the connection: check the server address, or the platform may be down', final: false };
  if (/Name or service not known|Failed to resolve|Temporary failure in name resolution|nodename nor servname/i.test(text)) {
    return { code: 'unknown_host', reason: 'The server’s name could not be found: check the server address', final: false };
  }
  if (/timed out/i.test(text)) return { code: 'timeout', reason: 'The server did not answer in time', final: false };
  if (wasLive) return { code: 'closed', reason: 'The platform closed the connection (it may have ended the stream, or the network dropped)', final: false };
  if (/Broken pipe|Connection reset|End of file|Input\/output error|Server error|NetStream\.Publish\.(BadName|Denied)/i.test(text)) {
    return { code: 'rejected', reason: 'The platform closed the connection before the stream started: check the stream key', final: false };
  }
  const last = text.split('\n').filter(Boolean).at(-1) ?? 'no message';
  return { code: 'other', reason: `The push stopped: ${last.slice(0, 200)}`, final: false };
}
