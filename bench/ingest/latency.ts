/**
 * The first part of `npm run bench ingest`: what RTMP ingest adds between an encoder and the forwarder, through the real
 * bridge (FfmpegBridge + RtpSourceLink, the classes the relay runs). An ffmpeg encoder sends a moving
 * test picture (x264, 1.5 Mbps, 30 fps) and a tone (AAC) as FLV in real time (-re); every FLV tag is
 * timestamped as it arrives and written to the bridge; every RTP packet is timestamped as it reaches the
 * RtpSourceLink, and matched to its tag by media time. Measured in the same run:
 *  - video (H.264 copied): added latency p50/p95;
 *  - audio AAC → Opus (what the relay does) against a baseline that copies AAC (no transcoding);
 *  - the bridge's CPU (% of one core) in each case.
 * `seconds` of media per case.
 */
import { spawn } from 'node:child_process';
import Flv from 'node-media-server/src/protocol/flv.js';
import { BRIDGE_AUDIO_PT, BRIDGE_VIDEO_PT, FfmpegBridge, bridgeArgs } from '../../relay-server/src/ingest/rtmp/ffmpeg-bridge.js';
import { RtpSourceLink } from '../../relay-server/src/media/rtp-source.js';
import { encoderArgs } from '../../tests/relay/ingest/support/rtmp-encoder.js';
import { cpuSeconds } from '../sfu/cpu.js';

/** The first seconds (ffmpeg probing, x264 warming up) are not steady state. */
export const WARMUP_MS = 3_000;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

export interface LatencyCase {
  case: string;
  videoP50Ms: number;
  videoP95Ms: number;
  audioP50Ms: number;
  audioP95Ms: number;
  bridgeCpuPercent: number;
  videoFrames: number;
  audioPackets: number;
}

/** One run: encoder → FLV tags (timestamped) → bridge (audio `opus` or `copy`) → RTP (timestamped). */
export async function measureLatency(audio: 'opus' | 'copy', seconds: number): Promise<LatencyCase> {
  const link = new RtpSourceLink('bench', new Map([
    [BRIDGE_VIDEO_PT, { kind: 'video' as const, codec: { mimeType: 'video/H264', payloadType: BRIDGE_VIDEO_PT, parameters: 'packetization-mode=1;profile-level-id=42c01f' } }],
    [BRIDGE_AUDIO_PT, { kind: 'audio' as const, codec: { mimeType: 'audio/opus', payloadType: BRIDGE_AUDIO_PT } }],
    [97, { kind: 'audio' as const, codec: { mimeType: 'audio/mpeg4-generic', payloadType: 97 } }],
  ]));
  const port = await link.listen();
  // The baseline is the relay's own command line with the audio copied instead of encoded to Opus.
  const args = bridgeArgs({ port, hasVideo: true, hasAudio: true }).map((a) => (audio === 'copy' && a === 'libopus' ? 'copy' : a));
  const bridge = audio === 'opus'
    ? new FfmpegBridge({ ffmpegPath: 'ffmpeg', port, hasVideo: true, hasAudio: true, onExit: () => undefined })
    : null;
  const copy = bridge ? null : spawn('ffmpeg', args, { stdio: ['pipe', 'ignore', 'ignore'] });
  const write = (flv: Buffer) => (bridge ? bridge.write(flv) : copy?.stdin.write(flv));
  const pid = bridge?.pid ?? copy?.pid ?? 0;

  const videoTags = new Map<number, number>();
  const audioTags: Array<{ dts: number; at: number }> = [];
  const video: number[] = [];
  const audioLatency: number[] = [];
  let audioPackets = 0;
  const started = performance.now();
  let cpuAtWarmup = 0;
  let first: { video?: { ts: number; dts: number }; audio?: { ts: number; dts: number } } = {};
  let seenVideoTs = -1;
  const firstVideoDts = () => [...videoTags.keys()][0] ?? 0;
  const firstAudioDts = () => audioTags[0]?.dts ?? 0;

  link.start((packet) => {
    const now = performance.now();
    // Anchored on the first packet of each kind (media time 0); only steady-state packets are counted.
    const counted = now - started >= WARMUP_MS;
    if (packet.kind === 'video') {
      if (packet.timestamp === seenVideoTs) return;
      seenVideoTs = packet.timestamp;
      first.video ??= { ts: packet.timestamp, dts: firstVideoDts() };
      const dts = Math.round(first.video.dts + ((packet.timestamp - first.video.ts) >>> 0) / 90);
      const at = videoTags.get(dts) ?? videoTags.get(dts - 1) ?? videoTags.get(dts + 1);
      if (at !== undefined && counted) video.push(now - at);
    } else {
      if (counted) audioPackets += 1;
      const clock = audio === 'opus' ? 48 : 44.1;
      first.audio ??= { ts: packet.timestamp, dts: firstAudioDts() };
      // The tag holding the end of this packet's samples (20 ms of Opus, or one 23 ms AAC frame).
      const end = first.audio.dts + ((packet.timestamp - first.audio.ts) >>> 0) / clock + (audio === 'opus' ? 19 : 0);
      const tag = [...audioTags].reverse().find((t) => t.dts <= end);
      if (tag && counted) audioLatency.push(now - tag.at);
    }
  });

  const encoder = spawn('ffmpeg', encoderArgs('pipe:1', { seconds, gop: 60 }), { stdio: ['ignore', 'pipe', 'ignore'] });
  const flv = new Flv();
  let headerSent = false;
  flv.onPacketCallback = (packet) => {
    const at = performance.now();
    if (!headerSent) {
      write(Flv.createHeader(true, true));
      headerSent = true;
    }
    if (packet.codec_type === 9 && packet.flags !== 2) videoTags.set(packet.dts, at);
    if (packet.codec_type === 8 && packet.flags !== 0) {
      audioTags.push({ dts: packet.dts, at });
      if (audioTags.length > 500) audioTags.splice(1, 100); // keep the first: it anchors media time
    }
    write(Flv.createMessage(packet));
  };
  encoder.stdout.on('data', (chunk: Buffer) => flv.parserData(chunk));
  setTimeout(() => (cpuAtWarmup = cpuSeconds(pid)), WARMUP_MS).unref();
  await new Promise((resolve) => encoder.once('exit', resolve));
  const cpu = cpuSeconds(pid) - cpuAtWarmup;
  const elapsed = (performance.now() - started - WARMUP_MS) / 1000;
  bridge?.stop();
  copy?.kill('SIGKILL');
  link.close();
  first = {};
  return {
    case: audio === 'opus' ? 'relay: H.264 copy + AAC → Opus' : 'baseline: H.264 copy + AAC copy',
    videoP50Ms: percentile(video, 50),
    videoP95Ms: percentile(video, 95),
    audioP50Ms: percentile(audioLatency, 50),
    audioP95Ms: percentile(audioLatency, 95),
    bridgeCpuPercent: Math.round((cpu / elapsed) * 1000) / 10,
    videoFrames: video.length,
    audioPackets,
  };
}
