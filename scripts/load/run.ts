/**
 * One load run against a relay: mints guests with the operator token, joins viewers (and WHEP
 * subscribers), sends chat at the asked rate for the duration, prints live figures, returns the summary.
 */
import { writeFileSync } from 'node:fs';
import { Figures, liveLine, percentile } from './figures.js';
import type { LoadOptions } from './options.js';
import { createLive, endLive, mintGuests, registerHost, whepUrl, type Host } from './relay.js';
import { sendChat, startChatter, startViewer } from './sockets.js';
import { startWhep, type WhepSubscriber } from './whep.js';

/** Joins started at once: enough to load the relay, few enough not to time out the tool's own sockets. */
const JOIN_CONCURRENCY = 50;

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}

export function summaryOf(options: LoadOptions, sessionId: string, figures: Figures, sendingS: number) {
  const expected = figures.sent * figures.viewersJoined;
  return {
    url: options.url,
    sessionId,
    durationS: Math.round(sendingS * 10) / 10,
    viewers: { requested: options.viewers, joined: figures.viewersJoined, failed: figures.viewersFailed },
    chatters: { requested: options.chatters, joined: figures.chattersJoined },
    messages: {
      ratePerSecond: options.rate,
      sent: figures.sent,
      failed: figures.sendFailed,
      expectedDeliveries: expected,
      delivered: figures.delivered,
      deliveryRatio: expected === 0 ? null : Math.round((figures.delivered / expected) * 1000) / 1000,
    },
    latencyMs: {
      p50: percentile(figures.latencies, 50),
      p95: percentile(figures.latencies, 95),
      p99: percentile(figures.latencies, 99),
      max: percentile(figures.latencies, 100),
    },
    media: options.media
      ? { subscribers: options.viewers, connected: figures.whepConnected, failed: figures.whepFailed, rtpPackets: figures.rtpPackets }
      : null,
    errors: Object.fromEntries(figures.errors),
  };
}
export type LoadSummary = ReturnType<typeof summaryOf>;

export async function runLoad(options: LoadOptions, say: (line: string) => void = (l) => console.error(l)): Promise<LoadSummary> {
  const figures = new Figures();
  // First, so that a wrong token stops the run before it creates anything.
  const guests = await mintGuests(options.url, options.token, options.viewers + options.chatters);
  const viewerGuests = guests.slice(0, options.viewers);
  const chatterGuests = guests.slice(options.viewers);
  let host: Host | undefined;
  let sessionId = options.session;
  if (!sessionId) {
    host = await registerHost(options.url);
    sessionId = await createLive(options.url, host);
  }
  say(`load: ${options.url}, live ${sessionId}: ${options.viewers} viewers, ${options.chatters} chatters, ${options.rate} msg/s for ${options.durationS} s${options.media ? ', WHEP' : ''}`);

  const viewers = (await inBatches(viewerGuests, JOIN_CONCURRENCY, (g) => startViewer(options.url, g, sessionId, figures))).filter((s) => s !== null);
  const chatters = (await inBatches(chatterGuests, JOIN_CONCURRENCY, (g) => startChatter(options.url, g, sessionId, figures))).filter((s) => s !== null);
  let subscribers: WhepSubscriber[] = [];
  if (options.media === 'whep') {
    const endpoint = await whepUrl(options.url, viewerGuests[0]?.token ?? '', sessionId);
    subscribers = (await inBatches(viewerGuests, JOIN_CONCURRENCY, (g) => startWhep(endpoint, g.token, figures))).filter((s) => s !== null);
  }

  const sendingFrom = performance.now();
  let seq = 0;
  const sender = options.rate > 0 && chatters.length > 0
    ? setInterval(() => {
        const socket = chatters[seq % chatters.length]!;
        sendChat(socket, sessionId, seq++, figures);
      }, 1000 / options.rate)
    : undefined;
  let lastDelivered = 0;
  const reporter = options.reportEveryMs > 0
    ? setInterval(() => {
        say(liveLine(figures, options.viewers, lastDelivered, options.reportEveryMs / 1000));
        lastDelivered = figures.delivered;
      }, options.reportEveryMs)
    : undefined;

  await new Promise((resolve) => setTimeout(resolve, options.durationS * 1000));
  clearInterval(sender);
  const sendingS = (performance.now() - sendingFrom) / 1000;
  // The last messages' deliveries are still on their way: a short grace before counting.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  clearInterval(reporter);

  for (const s of [...viewers, ...chatters]) s.disconnect();
  await Promise.all(subscribers.map((s) => s.close()));
  if (host) await endLive(options.url, host, sessionId).catch(() => undefined);
  const summary = summaryOf(options, sessionId, figures, sendingS);
  if (options.json) writeFileSync(options.json, `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}
