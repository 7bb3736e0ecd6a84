/**
 * A benchmark process holding many WHEP viewers. Driven by the parent over IPC (messages.ts): add N
 * viewers, report counters, stop. Args: <whepUrl> [decode|count] [token].
 *  - `decode` (default): libwebrtc peers that decode the video (VP8 only: this libwebrtc has no H.264);
 *  - `count`: werift subscribers that count RTP packets without decoding (scripts/load/whep.ts), VP8 or
 *    H.264, so the CPU of this process says little about the forwarder's.
 */
import { Figures } from '../../scripts/load/figures.js';
import { startWhep, type WhepSubscriber } from '../../scripts/load/whep.js';
import { createViewer, type FrameCountingViewer } from '../../tests/relay/media/support/peers.js';
import { postOffer } from '../../tests/relay/media/support/whip-client.js';
import { ToWorker, ViewerKind, type FromWorker } from './messages.js';

/** A viewer without a first frame after this long counts as failed to join. */
const FIRST_FRAME_DEADLINE_MS = 10_000;

const whepUrl = process.argv[2] ?? '';
const kind = ViewerKind.parse(process.argv[3] ?? 'decode');
const token = process.argv[4] ?? '';
const viewers: FrameCountingViewer[] = [];
const subscribers: WhepSubscriber[] = [];
/** What the counting viewers received, all together. */
const counted = new Figures();

function send(message: FromWorker): void {
  process.send?.(message);
}

async function addDecoding(): Promise<number | null> {
  const startedAt = performance.now();
  const viewer = await createViewer();
  const reply = await postOffer(whepUrl, viewer.offer);
  if (reply.status !== 201) {
    viewer.close();
    return null;
  }
  await viewer.accept(reply.body);
  viewers.push(viewer);
  const deadline = new Promise<null>((resolve) => setTimeout(() => resolve(null), FIRST_FRAME_DEADLINE_MS));
  const first = await Promise.race([viewer.firstFrame.then(() => performance.now() - startedAt), deadline]);
  return first;
}

async function addCounting(): Promise<number | null> {
  const startedAt = performance.now();
  const subscriber = await startWhep(whepUrl, token, counted);
  if (!subscriber) return null;
  subscribers.push(subscriber);
  return performance.now() - startedAt;
}

/** Viewers joining at the same moment per worker: an audience arriving, not one flash crowd. */
const CONCURRENT_JOINS = 5;

async function add(count: number): Promise<void> {
  const addOne = kind === 'decode' ? addDecoding : addCounting;
  const joinMs: Array<number | null> = [];
  for (let i = 0; i < count; i += CONCURRENT_JOINS) {
    const wave = Math.min(CONCURRENT_JOINS, count - i);
    joinMs.push(...(await Promise.all(Array.from({ length: wave }, () => addOne().catch(() => null)))));
  }
  send({ type: 'added', joinMs, failed: joinMs.filter((m) => m === null).length });
}

async function sample(): Promise<void> {
  if (kind === 'count') {
    send({ type: 'sample', viewers: subscribers.length, packetsReceived: counted.videoPackets, bytesReceived: counted.videoBytes, packetsLost: 0, framesDecoded: 0 });
    return;
  }
  const totals = { packetsReceived: 0, bytesReceived: 0, packetsLost: 0, framesDecoded: 0 };
  for (const viewer of viewers) {
    const inbound = await viewer.inbound();
    totals.packetsReceived += inbound.packetsReceived;
    totals.bytesReceived += inbound.bytesReceived;
    totals.packetsLost += inbound.packetsLost;
    totals.framesDecoded += inbound.framesDecoded;
  }
  send({ type: 'sample', viewers: viewers.length, ...totals });
}

async function stop(): Promise<void> {
  // A DELETE the relay never answers must not keep the worker (and its CPU) alive.
  setTimeout(() => process.exit(0), 3_000);
  for (const viewer of viewers) viewer.close();
  await Promise.all(subscribers.map((s) => s.close()));
  process.exit(0);
}

process.on('message', (raw: unknown) => {
  const message = ToWorker.safeParse(raw);
  if (!message.success) return;
  if (message.data.type === 'add') void add(message.data.count);
  else if (message.data.type === 'sample') void sample();
  else void stop();
});
send({ type: 'ready' });
