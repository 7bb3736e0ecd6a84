/**
 * One live for the CPU parts of `bench ingest`: a relay process of its own (LL-HLS off, so the packager's
 * x264 is not in its CPU; destinations allowed), a public session, and a GStreamer webrtcbin publisher
 * (its own process) sending a 640×360 30 fps program of about 1.5 Mbps in H.264 (x264) or VP8 + Opus
 * over WHIP.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SessionReply } from '../../protocol/sessions.js';
import { startGstPublisher, type GstPublisher } from '../../tests/relay/media/gstreamer/publisher.js';
import { startRelayNode, type RelayNode } from '../../tests/relay/multinode/support/nodes.js';
import { LOAD_RIG_LIMITS } from '../support/rig-limits.js';
import { cpuBetween, treeCpu } from '../sfu/cpu.js';

export type PublishedCodec = 'h264' | 'vp8';

export interface BenchLive {
  relay: RelayNode;
  hostToken: string;
  sessionId: string;
  whepUrl: string;
  stop(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 30_000;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once the publisher is connected; throws with what it printed when it is refused or fails. */
async function connected(publisher: GstPublisher): Promise<void> {
  const status = await publisher.line('status');
  if (status !== 'status 201') throw new Error(`WHIP publish refused: ${publisher.lines.join(' | ')}`);
  const timeout = sleep(CONNECT_TIMEOUT_MS).then(() => 'timeout');
  const outcome = await Promise.race([publisher.line('connected'), publisher.line('failed'), timeout]);
  if (outcome !== 'connected') throw new Error(`WHIP publisher did not connect (${outcome}): ${publisher.lines.join(' | ')}`);
}

export async function startLive(codec: PublishedCodec): Promise<BenchLive> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afritok-ingest-bench-'));
  const relay = await startRelayNode({
    DATABASE_URL: `file:${path.join(dataDir, 'bench.db')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    DESTINATION_KEY_SECRET: randomBytes(32).toString('hex'),
    ...LOAD_RIG_LIMITS,
    HLS: 'off',
    RTMP_PORT: 'off',
    LOG_LEVEL: 'error',
  });
  let publisher: GstPublisher | undefined;
  const stop = async () => {
    await publisher?.stop();
    await relay.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const host = await relay.register();
    const created = await relay.api('POST', '/api/sessions', { token: host.token, body: { title: `Ingest bench ${codec}`, type: 'video', isPublic: true } });
    const sessionId = SessionReply.parse(created.body).session.id;
    await relay.api('POST', `/api/sessions/${sessionId}/start`, { token: host.token });
    publisher = startGstPublisher(`${relay.url}/api/whip/${sessionId}`, ['--token', host.token, '--codec', codec, '--pattern', 'moving-bars']);
    await connected(publisher);
    return { relay, hostToken: host.token, sessionId, whepUrl: `${relay.url}/api/whep/${sessionId}`, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

export interface CpuWindow {
  seconds: number;
  /** % of one core: the relay process, and its ffmpeg children (multistream pushes) together. */
  relayPercent: number;
  ffmpegPercent: number;
}

const percent = (cpu: number, seconds: number) => Math.round((1000 * cpu) / seconds) / 10;

/** The relay's CPU (and its ffmpeg children's) over the next `seconds`. */
export async function measureCpu(relayPid: number, seconds: number): Promise<CpuWindow> {
  const before = treeCpu(relayPid, 'ffmpeg');
  const startedAt = performance.now();
  await sleep(seconds * 1000);
  const after = treeCpu(relayPid, 'ffmpeg');
  const elapsed = (performance.now() - startedAt) / 1000;
  const cpu = cpuBetween(before, after, relayPid);
  return { seconds: Math.round(elapsed * 10) / 10, relayPercent: percent(cpu.own, elapsed), ffmpegPercent: percent(cpu.children, elapsed) };
}
