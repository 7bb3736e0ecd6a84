import { randomUUID } from 'node:crypto';
import type { IngestDefaults, StreamKey } from '../../../protocol/ingest.js';
import type { Actor } from '../core/actor.js';
import { AppError, fail } from '../core/errors.js';
import type { Clock } from '../core/ports.js';
import type { MediaResource } from '../media/forwarder.js';
import type { MediaService } from '../media/service.js';
import type { SessionsService } from '../sessions/service.js';
import type { Repositories, StreamKeyRecord } from '../storage/types.js';
import type { EncoderPresence } from './encoder-presence.js';
import { hashStreamKey, looksLikeStreamKey, newStreamKey } from './keys.js';

/** Keys a user may hold at once (one per encoder or device is the use; more is a leak waiting to happen). */
export const MAX_STREAM_KEYS = 10;
/** An encoder whose publisher sent media this recently is streaming: a second one with the key gets 409. */
const ENCODER_ALIVE_MS = 3_000;

export interface IngestDeps {
  repos: Repositories;
  clock: Clock;
  sessions: () => SessionsService;
  media: () => MediaService;
  encoders: EncoderPresence;
  /** Tells the session's room its roster changed (the host is now on air through an encoder). */
  announceRoster(sessionId: string): Promise<void>;
  /** INGEST_RECONNECT_GRACE: how long after an encoder's DELETE the live waits for it to come back. */
  reconnectGraceMs: number;
  onError(err: unknown, what: string): void;
}

/** An encoder's WHIP resource: whose it is and which live it feeds. */
interface EncoderResource {
  userId: string;
  sessionId: string;
  /** whip: OBS's WHIP output; source: an RTMP encoder bridged by ffmpeg. */
  kind: 'whip' | 'source';
  createdAt: number;
}

/** What a second encoder on the same key is told (409), for WHIP and RTMP alike. */
export const ALREADY_STREAMING = 'An encoder is already streaming with this stream key; stop it first, or use another key for another live';

/** An encoder resource this old that has sent nothing for ENCODER_ALIVE_MS vanished without DELETE. */
const SILENT_AFTER_MS = 15_000;
/**
 * A publish this recent is still setting up (ICE, DTLS) and counts as streaming: a burst of attempts on
 * one key cannot replace each other. Short, so an encoder that crashed while connecting can retry soon
 * (OBS retries after a few seconds, longer each time).
 */
const SETUP_WINDOW_MS = 5_000;

const view = (key: StreamKeyRecord): StreamKey => ({
  id: key.id,
  label: key.label,
  last4: key.last4,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
});

function requireAccount(actor: Actor | null): Actor {
  if (!actor) throw fail.unauthorized();
  if (actor.kind !== 'account') throw fail.forbidden('Guest accounts cannot stream; create an account first');
  return actor;
}

/**
 * Stream keys and encoder ingest: keys are made, listed (last 4 characters), revoked and regenerated
 * by their signed-in owner; a key publishes media for its owner only, on the owner's open session or on
 * one made from the owner's defaults; an encoder's DELETE ends the live after a grace period so that
 * a reconnecting encoder resumes it. Plain TypeScript.
 */
export function createIngestService(deps: IngestDeps) {
  const resources = new Map<string, EncoderResource>();
  /** Users with an ingest request being handled: one at a time per key owner, the rest get 409. */
  const connecting = new Set<string>();
  const graceTimers = new Map<string, NodeJS.Timeout>();

  async function issue(userId: string, label: string): Promise<{ key: StreamKey; secret: string }> {
    const secret = newStreamKey();
    const record = await deps.repos.streamKeys.create({
      id: randomUUID(),
      userId,
      keyHash: hashStreamKey(secret),
      last4: secret.slice(-4),
      label,
      createdAt: deps.clock(),
      lastUsedAt: null,
      revokedAt: null,
    });
    return { key: view(record), secret };
  }

  async function defaultsFor(actor: Actor): Promise<IngestDefaults> {
    const saved = await deps.repos.streamKeys.getDefaults(actor.userId);
    if (saved) return { title: saved.title, type: saved.type, isPublic: saved.isPublic };
    return { title: `${actor.displayName} live`.slice(0, 120), type: 'video', isPublic: true };
  }

  /** The owner of a key given as `Authorization: Bearer`, or 401 (unknown, revoked, or not a key at all). */
  async function keyOwner(bearer: string | undefined): Promise<{ actor: Actor; keyId: string }> {
    if (!bearer || !looksLikeStreamKey(bearer)) throw fail.unauthorized('A valid stream key is required (Authorization: Bearer <stream key>)');
    const key = await deps.repos.streamKeys.findActiveByHash(hashStreamKey(bearer));
    const user = key ? await deps.repos.users.findById(key.userId) : null;
    if (!key || !user || user.kind !== 'account') throw fail.unauthorized('This stream key is not valid (revoked or mistyped)');
    return { actor: { userId: user.id, kind: user.kind, displayName: user.displayName }, keyId: key.id };
  }

  /** The owner's open session made live, or a new one from their defaults, started. */
  async function liveSessionOf(actor: Actor): Promise<string> {
    const sessions = deps.sessions();
    const open = await deps.repos.sessions.findOpenByHost(actor.userId);
    if (open?.state === 'live' || open?.state === 'starting') return open.id;
    if (open?.state === 'pending') return (await sessions.start(open.id, actor)).id;
    if (open) throw fail.invalidTransition(open.state, 'stream to');
    const created = await sessions.create(actor, await defaultsFor(actor));
    return (await sessions.start(created.id, actor)).id;
  }

  function cancelGrace(userId: string): void {
    clearTimeout(graceTimers.get(userId));
    graceTimers.delete(userId);
  }

  async function endAfterGrace(userId: string, sessionId: string): Promise<void> {
    graceTimers.delete(userId);
    if ([...resources.values()].some((r) => r.sessionId === sessionId)) return;
    deps.encoders.clear(sessionId);
    try {
      await deps.sessions().finish(sessionId);
    } catch (err) {
      // Already ended by the host, or another transition won: nothing to do.
      if (!(err instanceof AppError)) deps.onError(err, 'ending an encoder live');
    }
  }

  /** Starts the grace period after which the encoder's live ends unless it comes back. */
  function graceThenEnd(resource: EncoderResource): void {
    cancelGrace(resource.userId);
    const timer = setTimeout(() => void endAfterGrace(resource.userId, resource.sessionId), deps.reconnectGraceMs);
    timer.unref();
    graceTimers.set(resource.userId, timer);
  }

  /** Key → owner → live session → `start` the media, with one encoder per owner at a time. */
  async function admit<T extends { resourceId: string }>(
    key: string | undefined,
    kind: EncoderResource['kind'],
    start: (sessionId: string, actor: Actor) => Promise<T>,
  ): Promise<T & { sessionId: string }> {
    const { actor, keyId } = await keyOwner(key);
    if (connecting.has(actor.userId)) throw fail.duplicate(ALREADY_STREAMING);
    connecting.add(actor.userId);
    try {
      const sessionId = await liveSessionOf(actor);
      // Busy: an encoder of this owner is sending, or connected so recently that it may still be setting up.
      const busy = [...resources.values()].some(
        (r) => r.userId === actor.userId && (performance.now() - r.createdAt < SETUP_WINDOW_MS || deps.media().isReceiving(r.sessionId, ENCODER_ALIVE_MS)),
      );
      if (busy) throw fail.duplicate(ALREADY_STREAMING);
      const resource = await start(sessionId, actor);
      for (const [id, r] of resources) if (r.userId === actor.userId) resources.delete(id);
      resources.set(resource.resourceId, { userId: actor.userId, sessionId, kind, createdAt: performance.now() });
      cancelGrace(actor.userId);
      deps.encoders.mark(sessionId, actor.userId);
      void deps.announceRoster(sessionId).catch((err: unknown) => deps.onError(err, 'announcing an encoder host'));
      await deps.repos.streamKeys.touch(keyId, deps.clock()).catch((err: unknown) => deps.onError(err, 'recording stream key use'));
      return { ...resource, sessionId };
    } finally {
      connecting.delete(actor.userId);
    }
  }

  return {
    async list(actor: Actor | null): Promise<{ keys: StreamKey[]; defaults: IngestDefaults }> {
      const user = requireAccount(actor);
      const [keys, defaults] = await Promise.all([deps.repos.streamKeys.listActive(user.userId), defaultsFor(user)]);
      return { keys: keys.map(view), defaults };
    },

    async create(actor: Actor | null, label: string | undefined): Promise<{ key: StreamKey; secret: string }> {
      const user = requireAccount(actor);
      const active = await deps.repos.streamKeys.listActive(user.userId);
      if (active.length >= MAX_STREAM_KEYS) throw fail.forbidden(`At most ${MAX_STREAM_KEYS} stream keys; revoke one first`);
      return issue(user.userId, label ?? `Key ${active.length + 1}`);
    },

    async revoke(actor: Actor | null, keyId: string): Promise<void> {
      const user = requireAccount(actor);
      if (!(await deps.repos.streamKeys.revoke(keyId, user.userId, deps.clock()))) throw fail.notFound('Stream key');
    },

    /** Revokes the key and issues a new one with the same label (the old one stops working at once). */
    async regenerate(actor: Actor | null, keyId: string): Promise<{ key: StreamKey; secret: string }> {
      const user = requireAccount(actor);
      const old = (await deps.repos.streamKeys.listActive(user.userId)).find((k) => k.id === keyId);
      if (!old || !(await deps.repos.streamKeys.revoke(keyId, user.userId, deps.clock()))) throw fail.notFound('Stream key');
      return issue(user.userId, old.label);
    },

    async saveDefaults(actor: Actor | null, defaults: IngestDefaults): Promise<IngestDefaults> {
      const user = requireAccount(actor);
      await deps.repos.streamKeys.putDefaults({ userId: user.userId, ...defaults, updatedAt: deps.clock() });
      return defaults;
    },

    /** Refuses an unknown, revoked or malformed key (401) before an RTMP encoder's media is read. */
    async checkKey(key: string | undefined): Promise<void> {
      await keyOwner(key);
    },

    /**
     * WHIP from an encoder: `bearer` must be a live stream key. One request per owner at a time and one
     * streaming encoder per owner (409 otherwise); a publish within the grace period of a DELETE resumes
     * the same live.
     */
    async publish(bearer: string | undefined, body: unknown, clientKey: string): Promise<MediaResource> {
      return admit(bearer, 'whip', (sessionId, actor) => deps.media().publish(sessionId, actor, body, clientKey, { fromEncoder: true }));
    },

    /**
     * An encoder that is not a WebRTC peer (RTMP through ffmpeg): the same key rules, one-encoder rule and
     * grace period as WHIP; `attach` makes its media the session's program and names the resource.
     */
    async attach(key: string, attach: (sessionId: string, actor: Actor) => Promise<{ resourceId: string }>): Promise<{ resourceId: string; sessionId: string }> {
      const resource = await admit(key, 'source', attach);
      return { resourceId: resource.resourceId, sessionId: resource.sessionId };
    },

    /** DELETE on an encoder's resource ("Stop streaming"): media stops now, the live after the grace period. */
    stop(resourceId: string): void {
      const resource = resources.get(resourceId);
      if (!resource) throw fail.notFound('Media resource');
      resources.delete(resourceId);
      try {
        deps.media().stop(resource.sessionId, resourceId, resource.kind);
      } catch {
        // The forwarder already dropped it (connection failed): the grace period still applies.
      }
      graceThenEnd(resource);
    },

    /** Encoders that dropped without DELETE (network cut, crash) are treated as if they had sent it. */
    sweep(): void {
      const now = performance.now();
      for (const [id, resource] of resources) {
        if (now - resource.createdAt < SILENT_AFTER_MS || deps.media().isReceiving(resource.sessionId, ENCODER_ALIVE_MS)) continue;
        resources.delete(id);
        graceThenEnd(resource);
      }
    },

    close(): void {
      for (const timer of graceTimers.values()) clearTimeout(timer);
      graceTimers.clear();
    },
  };
}

export type IngestService = ReturnType<typeof createIngestService>;
