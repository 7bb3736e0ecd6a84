/**
 * Forwarder CPU per viewer for one codec: the relay's CPU with the live and no viewer, then with N WHEP
 * viewers that count packets without decoding (werift, in two worker processes of bench/sfu), and the
 * difference per viewer. What the viewers received says the program really was ~1.5 Mbps.
 */
import { addViewers, sampleAll, startWorker, stopWorkers, type ViewerWorker } from '../sfu/workers.js';
import { measureCpu, sleep, type BenchLive, type PublishedCodec } from './live.js';

export interface ForwarderCpu {
  codec: PublishedCodec;
  viewers: number;
  joinFailures: number;
  relayCpuNoViewers: number;
  relayCpuWithViewers: number;
  cpuPerViewer: number;
  /** Per viewer, over the window with viewers: video received (kbps of RTP payload, packets/s). */
  videoKbpsPerViewer: number;
  videoPacketsPerSecondPerViewer: number;
}

const WORKERS = 2;
/** After the joins: key frames asked for by the joins are sent, connections settle. */
const SETTLE_MS = 2_000;

export async function measureForwarderCpu(live: BenchLive, codec: PublishedCodec, viewers: number, seconds: number): Promise<ForwarderCpu> {
  const alone = await measureCpu(live.relay.pid, seconds);
  const viewer = await live.relay.register();
  const workers: ViewerWorker[] = [];
  try {
    for (let i = 0; i < WORKERS; i++) workers.push(await startWorker(live.whepUrl, 'count', viewer.token));
    const { failures } = await addViewers(workers, viewers);
    await sleep(SETTLE_MS);
    const before = await sampleAll(workers);
    const watched = await measureCpu(live.relay.pid, seconds);
    const after = await sampleAll(workers);
    const perViewerPerSecond = (delta: number) => delta / Math.max(1, after.viewers) / watched.seconds;
    return {
      codec,
      viewers: after.viewers,
      joinFailures: failures,
      relayCpuNoViewers: alone.relayPercent,
      relayCpuWithViewers: watched.relayPercent,
      cpuPerViewer: Math.round((100 * (watched.relayPercent - alone.relayPercent)) / Math.max(1, after.viewers)) / 100,
      videoKbpsPerViewer: Math.round(perViewerPerSecond(((after.bytesReceived - before.bytesReceived) * 8) / 1000)),
      videoPacketsPerSecondPerViewer: Math.round(perViewerPerSecond(after.packetsReceived - before.packetsReceived)),
    };
  } finally {
    await stopWorkers(workers);
  }
}
