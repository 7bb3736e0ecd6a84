/**
 * What each multistream destination costs: with the live running, 0, then 1, then 2 destinations pushing
 * to local RTMP receivers (ffmpeg `-listen 1`, as tests/relay/destinations does); the CPU of the relay
 * process and of its ffmpeg children (one push each: H.264 copied, VP8 encoded to H.264) in each step.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DestinationPushesReply, DestinationReply } from '../../protocol/destinations.js';
import { freeTcpPort, startRtmpReceiver, untilListening, type RtmpReceiver } from '../../tests/relay/destinations/support/rtmp-receiver.js';
import { measureCpu, sleep, type BenchLive, type PublishedCodec } from './live.js';

export interface DestinationsStep {
  codec: PublishedCodec;
  destinations: number;
  relayCpu: number;
  ffmpegCpu: number;
  totalCpu: number;
  /** (total with k − total with 0) / k; null for 0. */
  cpuPerDestination: number | null;
}

/** A push is `live` once ffmpeg reports progress; its first seconds (probing, encoder start) are not steady. */
const SETTLE_MS = 3_000;
const LIVE_TIMEOUT_MS = 30_000;
/** The relay notices an ended live's pushes within a second (LivePushes.sync). */
const PUSH_SWEEP_MS = 1_500;

async function addDestination(live: BenchLive, port: number, index: number): Promise<string> {
  const created = await live.relay.api('POST', '/api/destinations', {
    token: live.hostToken,
    body: { name: `Local ${index}`, service: 'custom', url: `rtmp://127.0.0.1:${port}/live`, streamKey: `bench-key-${index}`, enabled: false },
  });
  if (created.status !== 201) throw new Error(`destination refused: ${created.status} ${JSON.stringify(created.body)}`);
  return DestinationReply.parse(created.body).destination.id;
}

async function startPushUntilLive(live: BenchLive, destinationId: string): Promise<void> {
  const route = `/api/sessions/${live.sessionId}/destinations`;
  const started = await live.relay.api('POST', `${route}/${destinationId}/start`, { token: live.hostToken });
  if (started.status !== 200) throw new Error(`push did not start: ${started.status} ${JSON.stringify(started.body)}`);
  const deadline = performance.now() + LIVE_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const { destinations } = DestinationPushesReply.parse((await live.relay.api('GET', route, { token: live.hostToken })).body);
    const push = destinations.find((d) => d.destinationId === destinationId);
    if (push?.state === 'live') return;
    if (push?.state === 'failed') throw new Error(`push failed: ${push.reason ?? ''}`);
    await sleep(250);
  }
  throw new Error(`push to ${destinationId} not live after ${LIVE_TIMEOUT_MS} ms`);
}

export async function measureDestinationsCpu(live: BenchLive, codec: PublishedCodec, count: number, seconds: number): Promise<DestinationsStep[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'afritok-ingest-push-'));
  const receivers: RtmpReceiver[] = [];
  const steps: DestinationsStep[] = [];
  const record = async (destinations: number) => {
    const window = await measureCpu(live.relay.pid, seconds);
    const totalCpu = Math.round((window.relayPercent + window.ffmpegPercent) * 10) / 10;
    const base = steps[0]?.totalCpu ?? totalCpu;
    const cpuPerDestination = destinations === 0 ? null : Math.round((10 * (totalCpu - base)) / destinations) / 10;
    steps.push({ codec, destinations, relayCpu: window.relayPercent, ffmpegCpu: window.ffmpegPercent, totalCpu, cpuPerDestination });
  };
  try {
    await record(0);
    for (let index = 1; index <= count; index++) {
      const port = await freeTcpPort();
      receivers.push(startRtmpReceiver(port, path.join(dir, `${index}.flv`), `bench-key-${index}`));
      await untilListening(port);
      await startPushUntilLive(live, await addDestination(live, port, index));
      await sleep(SETTLE_MS);
      await record(index);
    }
    return steps;
  } finally {
    // Ending the live stops the pushes before their receivers go (no retry loop meanwhile).
    await live.relay.api('POST', `/api/sessions/${live.sessionId}/end`, { token: live.hostToken });
    await sleep(PUSH_SWEEP_MS);
    await Promise.all(receivers.map((r) => r.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}
