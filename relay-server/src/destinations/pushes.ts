import type { DestinationPush as PushView, DestinationPushesReply } from '../../../protocol/destinations.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import type { TapSource } from '../media/tap/rtp-tap.js';
import type { Repositories } from '../storage/types.js';
import { DestinationPush } from './push.js';
import type { DestinationStore } from './store.js';

export interface LivePushesDeps {
  repos: Repositories;
  store: DestinationStore;
  /** Sessions whose publisher is on this node, and their program for a tap. */
  publishingSessions(): string[];
  tapSource(sessionId: string): TapSource | null;
  /** The ffmpeg to run, null when it is missing (pushes then fail with that reason). */
  ffmpegPath(): string | null;
  /** Tells the host where their pushes stand (socket event). */
  announce(hostId: string, reply: DestinationPushesReply): void;
  log(sessionId: string, destinationId: string, reason: string): void;
  backoffMs?: number;
}

/** One live on this node with its pushes; destinations the host stopped stay stopped for this live. */
interface LiveEntry {
  hostId: string;
  pushes: Map<string, DestinationPush>;
  stoppedByHost: Set<string>;
}

const NO_FFMPEG = 'Streaming to other platforms needs ffmpeg on the relay, and this relay has none (its operator can install it: apt-get install ffmpeg)';
const KEY_UNREADABLE = 'The stream key can no longer be read (the relay’s DESTINATION_KEY_SECRET changed): enter it again in Settings → Destinations';

/**
 * Going live pushes the program to each enabled destination of the host; the host may start and stop
 * each one while live. `sync()` (every second) notices new lives with a publisher on this node and
 * ended ones. Plain TypeScript: no transport here.
 */
export function createLivePushes(deps: LivePushesDeps) {
  const lives = new Map<string, LiveEntry>();

  async function statusOf(sessionId: string, entry: LiveEntry): Promise<DestinationPushesReply> {
    const destinations = await deps.store.withKeys(entry.hostId);
    const views: PushView[] = destinations.map(({ record, key }) => {
      const push = entry.pushes.get(record.id);
      const base = { destinationId: record.id, name: record.name, service: record.service, attempts: push?.attempts ?? 0 };
      if (push) return { ...base, state: push.state, reason: push.reason, reasonCode: push.reasonCode, retryAt: push.retryAt?.toISOString() ?? null };
      const wanted = record.enabled && !entry.stoppedByHost.has(record.id);
      if (wanted && key === null) return { ...base, state: 'failed', reason: KEY_UNREADABLE, reasonCode: 'key_unreadable', retryAt: null };
      if (wanted && deps.ffmpegPath() === null) return { ...base, state: 'failed', reason: NO_FFMPEG, reasonCode: 'no_ffmpeg', retryAt: null };
      return { ...base, state: 'off', reason: null, reasonCode: null, retryAt: null };
    });
    return { sessionId, destinations: views };
  }

  function announce(sessionId: string): void {
    const entry = lives.get(sessionId);
    if (!entry) return;
    statusOf(sessionId, entry).then((reply) => deps.announce(entry.hostId, reply), () => undefined);
  }

  function startPush(sessionId: string, entry: LiveEntry, destinationId: string, url: string, key: string): void {
    entry.pushes.get(destinationId)?.stop();
    const ffmpegPath = deps.ffmpegPath();
    const push = new DestinationPush(() => (lives.get(sessionId) === entry ? deps.tapSource(sessionId) : null), {
      ffmpegPath: ffmpegPath ?? 'ffmpeg',
      url,
      key,
      backoffMs: deps.backoffMs,
      onChange: () => announce(sessionId),
      onLog: (reason) => deps.log(sessionId, destinationId, reason),
    });
    entry.pushes.set(destinationId, push);
  }

  async function begin(sessionId: string): Promise<void> {
    const session = await deps.repos.sessions.findById(sessionId);
    if (session?.state !== 'live' || lives.has(sessionId)) return;
    const entry: LiveEntry = { hostId: session.hostId, pushes: new Map(), stoppedByHost: new Set() };
    lives.set(sessionId, entry);
    for (const { record, key } of await deps.store.withKeys(session.hostId)) {
      if (record.enabled && key !== null && deps.ffmpegPath() !== null) startPush(sessionId, entry, record.id, record.url, key);
    }
    announce(sessionId);
  }

  function end(sessionId: string): void {
    const entry = lives.get(sessionId);
    if (!entry) return;
    lives.delete(sessionId);
    for (const push of entry.pushes.values()) push.stop();
  }

  async function hostedLive(sessionId: string, actor: Actor | null): Promise<LiveEntry> {
    if (!actor) throw fail.unauthorized();
    const session = await deps.repos.sessions.findById(sessionId);
    if (!session) throw fail.notFound('Session');
    if (session.hostId !== actor.userId) throw fail.notHost();
    if (session.state !== 'live') throw fail.invalidTransition(session.state, 'stream out');
    await begin(sessionId);
    const entry = lives.get(sessionId);
    if (!entry) throw fail.unavailable('The live has no picture on this relay yet: start it from the studio first');
    return entry;
  }

  return {
    /** Starts pushes for new lives with a publisher here, stops those of ended lives. */
    async sync(): Promise<void> {
      const publishing = new Set(deps.publishingSessions());
      for (const sessionId of publishing) if (!lives.has(sessionId)) await begin(sessionId);
      for (const sessionId of [...lives.keys()]) {
        const session = await deps.repos.sessions.findById(sessionId);
        if (session?.state !== 'live') end(sessionId);
      }
    },

    /** Host only, while live: where each destination's push stands. */
    async status(sessionId: string, actor: Actor | null): Promise<DestinationPushesReply> {
      return statusOf(sessionId, await hostedLive(sessionId, actor));
    },

    /** Host only: (re)starts the push to one destination now (also one that is disabled for new lives). */
    async start(sessionId: string, destinationId: string, actor: Actor | null): Promise<DestinationPushesReply> {
      const entry = await hostedLive(sessionId, actor);
      const found = (await deps.store.withKeys(entry.hostId)).find(({ record }) => record.id === destinationId);
      if (!found) throw fail.notFound('Destination');
      if (found.key === null) throw fail.invalidInput(KEY_UNREADABLE);
      if (deps.ffmpegPath() === null) throw fail.unavailable(NO_FFMPEG);
      entry.stoppedByHost.delete(destinationId);
      startPush(sessionId, entry, destinationId, found.record.url, found.key);
      return statusOf(sessionId, entry);
    },

    /** Host only: stops the push to one destination for the rest of this live. */
    async stop(sessionId: string, destinationId: string, actor: Actor | null): Promise<DestinationPushesReply> {
      const entry = await hostedLive(sessionId, actor);
      const destinations = await deps.store.withKeys(entry.hostId);
      if (!destinations.some(({ record }) => record.id === destinationId)) throw fail.notFound('Destination');
      entry.stoppedByHost.add(destinationId);
      entry.pushes.get(destinationId)?.stop();
      entry.pushes.delete(destinationId);
      return statusOf(sessionId, entry);
    },

    /** The push to a destination in a live (tests kill its ffmpeg). */
    push(sessionId: string, destinationId: string): DestinationPush | undefined {
      return lives.get(sessionId)?.pushes.get(destinationId);
    },

    stopSession: end,

    stopAll(): void {
      for (const sessionId of [...lives.keys()]) end(sessionId);
    },
  };
}

export type LivePushes = ReturnType<typeof createLivePushes>;
