/**
 * A benchmark process holding many WHEP viewers (libwebrtc peers that decode the video). Driven by the
 * parent over IPC (messages.ts): add N viewers, report counters, stop. Args: <whepUrl>.
 */
import { createViewer, type FrameCountingViewer } from '../../tests/relay/media/support/peers.js';
import { postOffer } from '../../tests/relay/media/support/whip-client.js';
import { ToWorker, type FromWorker } from './messages.js';

/** A viewer without a first frame after this long counts as failed to join. */
const FIRST_FRAME_DEADLINE_MS = 10_000;

const whepUrl = process.argv[2] ?? '';
const viewers: FrameCountingViewer[] = [];

function send(message: FromWorker): void {
  process.send?.(message);
}

async function addOne(): Promise<number | null> {
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

/** Viewers joining at the same moment per worker: an audience arriving, not one flash crowd. */
const CONCURRENT_JOINS = 5;

async function add(count: number): Promise<void> {
  const joinMs: Array<number | null> = [];
  for (let i = 0; i < count; i += CONCURRENT_JOINS) {
    const wave = Math.min(CONCURRENT_JOINS, count - i);
    joinMs.push(...(await Promise.all(Array.from({ length: wave }, () => addOne().catch(() => null)))));
  }
  send({ type: 'added', joinMs, failed: joinMs.filter((m) => m === null).length });
}

async function sample(): Promise<void> {
  const totals = { packetsReceived: 0, packetsLost: 0, framesDecoded: 0 };
  for (const viewer of viewers) {
    const inbound = await viewer.inbound();
    totals.packetsReceived += inbound.packetsReceived;
    totals.packetsLost += inbound.packetsLost;
    totals.framesDecoded += inbound.framesDecoded;
  }
  send({ type: 'sample', viewers: viewers.length, ...totals });
}

process.on('message', (raw: unknown) => {
  const message = ToWorker.safeParse(raw);
  if (!message.success) return;
  if (message.data.type === 'add') void add(message.data.count);
  else if (message.data.type === 'sample') void sample();
  else {
    for (const viewer of viewers) viewer.close();
    process.exit(0);
  }
});
send({ type: 'ready' });
