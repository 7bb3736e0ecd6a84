/**
 * `npm run bench ingest`, three figures from one run, each beside its baseline:
 *  1. RTMP ingest latency (latency.ts): what the bridge adds between an encoder's FLV tags and the
 *     forwarder, audio to Opus beside audio copied.
 *  2. Forwarder CPU per viewer (forwarder-cpu.ts), H.264 beside VP8 at ~1.5 Mbps from a GStreamer WHIP
 *     publisher: the relay's CPU with 0 and with INGEST_VIEWERS packet-counting WHEP viewers.
 *  3. CPU of each multistream destination (destinations-cpu.ts) for the same two lives: relay + its
 *     ffmpeg pushes with 0, 1, …, INGEST_DESTINATIONS destinations (H.264 copied, VP8 encoded).
 * The relays of 2 and 3 run with LL-HLS off (HLS=off): its packager's x264 would be in their CPU.
 * INGEST_SECONDS (default 15) per measured window; INGEST_VIEWERS (default 20); INGEST_DESTINATIONS
 * (default 2). Writes bench/results/ingest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureDestinationsCpu, type DestinationsStep } from './destinations-cpu.js';
import { measureForwarderCpu, type ForwarderCpu } from './forwarder-cpu.js';
import { measureLatency, WARMUP_MS } from './latency.js';
import { sleep, startLive, type PublishedCodec } from './live.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(here, '..', 'results');
const SECONDS = Number(process.env.INGEST_SECONDS ?? 15);
const VIEWERS = Number(process.env.INGEST_VIEWERS ?? 20);
const DESTINATIONS = Number(process.env.INGEST_DESTINATIONS ?? 2);
const CODECS: PublishedCodec[] = ['h264', 'vp8'];

/** Both CPU parts on one live per codec: viewers first, then (viewers gone) destinations. */
async function measureCodec(codec: PublishedCodec): Promise<{ forwarder: ForwarderCpu; destinations: DestinationsStep[] }> {
  const live = await startLive(codec);
  try {
    await sleep(WARMUP_MS); // the encoder settles at its bitrate
    const forwarder = await measureForwarderCpu(live, codec, VIEWERS, SECONDS);
    const destinations = await measureDestinationsCpu(live, codec, DESTINATIONS, SECONDS);
    return { forwarder, destinations };
  } finally {
    await live.stop();
  }
}

export async function run(): Promise<unknown> {
  const cases = [await measureLatency('copy', SECONDS), await measureLatency('opus', SECONDS)];
  console.table(cases);

  const measured = [];
  for (const codec of CODECS) measured.push(await measureCodec(codec));
  const forwarder = measured.map((m) => m.forwarder);
  const destinations = measured.flatMap((m) => m.destinations);
  console.log(`\nForwarder CPU per viewer (relay process, % of one core), 640×360 30 fps ~1.5 Mbps from GStreamer over WHIP, ${VIEWERS} packet-counting WHEP viewers; LL-HLS off (HLS=off) so its x264 is not counted`);
  console.table(forwarder);
  console.log('Multistream destinations (% of one core: relay process + its ffmpeg pushes; H.264 copied, VP8 encoded to H.264 3 Mbps veryfast; LL-HLS off)');
  console.table(destinations);
  console.log(`load average: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (${os.cpus().length} cores)`);

  // The load average says whether other work shared the cores during the run (it skews every CPU figure).
  const result = { seconds: SECONDS, warmupMs: WARMUP_MS, cases, llHls: 'off', viewers: VIEWERS, forwarder, destinations, cores: os.cpus().length, loadAverageAtEnd: os.loadavg() };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, 'ingest.json'), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}
