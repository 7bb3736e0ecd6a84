import type { MediaHint } from '../../../protocol/media.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import { TokenBuckets } from '../auth/token-bucket.js';
import type { Clock } from '../core/ports.js';
import { accessSession, invitationOpens, requireActor, requireHost, type SessionAccess } from '../sessions/access.js';
import type { Repositories, SessionRecord } from '../storage/types.js';
import { transportFor, type MediaConfig } from './config.js';
import type { Forwarder, MediaResource, ResourceKind } from './forwarder.js';
import type { PublisherDirectory } from './publisher-directory.js';
import type { AttachableSource } from './rtp-source.js';
import { SdpOffer } from './sdp-offer.js';
import type { TapSource } from './tap/rtp-tap.js';

export interface MediaServiceDeps {
  repos: Repositories;
  config: MediaConfig;
  /** The embedded forwarder; null when an external media server is configured. */
  forwarder: Forwarder | null;
  /** Relay-relative paths of the embedded endpoints for a session. */
  embeddedPaths(sessionId: string): { whip: string; whep: string };
  clock: Clock;
  /** Where each session's publisher is, across nodes; and this node's public base URL, when known. */
  directory: PublisherDirectory;
  selfUrl: string | undefined;
  /** Whether an encoder (stream key) is the session's publisher: the studio does not replace it while it sends. */
  encoderOn(sessionId: string): boolean;
}

/** A publisher that sent media this recently is live (an encoder that vanished goes quiet). */
const PUBLISHER_ALIVE_MS = 3_000;

/** WHEP reached a node that does not hold the publisher: the client should POST again at `url` (307). */
export interface MediaRedirect {
  redirect: string;
}

/**
 * Offers per client address: each one costs a peer connection and UDP sockets until it times out, so a
 * flood is refused with 429. Generous, because an audience behind one NAT shares an address.
 */
const OFFER_BURST = 100;
const OFFERS_PER_SECOND = 20;

const LIVE_STATES: ReadonlySet<SessionRecord['state']> = new Set(['starting', 'live']);

/** Who owns each resource, so a ban can end a viewer's media too. */
interface Owner {
  sessionId: string;
  userId: string | null;
}

/**
 * WHIP/WHEP for live sessions: who may publish (the host) and play (viewers: participants, anyone for a
 * public session), which transport a session uses, and the forwarder's resources. Plain TypeScript.
 */
export function createMediaService(deps: MediaServiceDeps) {
  const owners = new Map<string, Owner>();
  const offers = new TokenBuckets(OFFER_BURST, OFFERS_PER_SECOND, deps.clock);

  /**
   * Whose budget an offer spends: a signed-in viewer's own (so anonymous offers from the same network
   * cannot lock them out), else the client address's.
   */
  const clientOf = (actor: Actor | null, address: string): string => (actor ? `user:${actor.userId}` : `address:${address}`);

  function limitOffers(clientKey: string): void {
    const wait = offers.take(clientKey);
    if (wait > 0) throw fail.rateLimited(wait, 'Too many WHIP/WHEP offers from this address, try again shortly');
  }

  const transportOf = (session: SessionRecord): MediaHint['transport'] => transportFor(deps.config, session);

  function urlsFor(sessionId: string): { whip: string; whep: string } {
    const external = deps.config.external;
    if (!external) return deps.embeddedPaths(sessionId);
    const fill = (template: string) => template.replaceAll('{sessionId}', encodeURIComponent(sessionId));
    return { whip: fill(external.whipUrl), whep: fill(external.whepUrl) };
  }

  function embedded(): Forwarder {
    // With an external media server configured the relay only hands out its URLs.
    if (!deps.forwarder) throw fail.notFound('WHIP/WHEP endpoint');
    return deps.forwarder;
  }

  function requireLive(access: SessionAccess): void {
    if (!LIVE_STATES.has(access.session.state)) throw fail.invalidTransition(access.session.state, 'stream');
  }

  function parseOffer(body: unknown): string {
    const offer = SdpOffer.safeParse(body);
    if (!offer.success) throw fail.invalidInput('The body must be an SDP offer (Content-Type: application/sdp)', offer.error.issues.map((i) => i.message));
    return offer.data;
  }

  async function requireNotBanned(sessionId: string, actor: Actor | null): Promise<void> {
    if (actor && (await deps.repos.moderation.findBan(sessionId, actor.userId))) throw fail.banned();
  }

  /** A private session is watched by its host, current participants and invitees only (a removed one is neither). */
  async function mayStillWatch(session: SessionRecord, userId: string): Promise<boolean> {
    if (session.isPublic || session.hostId === userId) return true;
    const participant = await deps.repos.participants.find(session.id, userId);
    if (participant && participant.leftAt === null) return true;
    return invitationOpens(await deps.repos.invitations.findPending(session.id, userId), deps.clock());
  }

  /** The host of a live session may publish; the studio does not replace an encoder that is sending. */
  async function admitPublisher(sessionId: string, actor: Actor | null, fromEncoder: boolean): Promise<Forwarder> {
    requireActor(actor);
    const access = await accessSession(deps.repos, sessionId, actor);
    requireHost(access);
    requireLive(access);
    const forwarder = embedded();
    if (!fromEncoder && deps.encoderOn(sessionId) && forwarder.isReceiving(sessionId, PUBLISHER_ALIVE_MS)) {
      throw fail.duplicate('An encoder is streaming to this live with a stream key; stop it first');
    }
    return forwarder;
  }

  function remember(resource: MediaResource, actor: Actor | null): MediaResource {
    owners.set(resource.resourceId, { sessionId: resource.sessionId, userId: actor?.userId ?? null });
    return resource;
  }

  return {
    async hint(sessionId: string, actor: Actor | null): Promise<MediaHint> {
      const access = await accessSession(deps.repos, sessionId, actor);
      const transport = transportOf(access.session);
      if (transport === 'p2p') return { transport, whipUrl: null, whepUrl: null };
      const urls = urlsFor(sessionId);
      return { transport, whipUrl: access.isHost ? urls.whip : null, whepUrl: urls.whep };
    },

    /**
     * WHIP: the host publishes the program. Any previous publisher of the session is replaced, except an
     * encoder still sending, which only another encoder publish (`fromEncoder`, the ingest address) replaces.
     */
    async publish(sessionId: string, actor: Actor | null, body: unknown, address: string, options: { fromEncoder?: boolean } = {}): Promise<MediaResource> {
      const clientKey = clientOf(actor, address);
      limitOffers(clientKey);
      const forwarder = await admitPublisher(sessionId, actor, options.fromEncoder === true);
      const resource = remember(await forwarder.publish(sessionId, parseOffer(body), clientKey), actor);
      // Redis trouble must not fail a publish that worked; the sweep claims again every 5 s.
      await deps.directory.claim(sessionId).catch(() => undefined);
      return resource;
    },

    /** An encoder that does not speak WebRTC (RTMP, through ffmpeg) becomes the host's publisher. */
    async attachEncoder(sessionId: string, actor: Actor, source: AttachableSource): Promise<void> {
      const forwarder = await admitPublisher(sessionId, actor, true);
      forwarder.attach(sessionId, source);
      owners.set(source.id, { sessionId, userId: actor.userId });
      await deps.directory.claim(sessionId).catch(() => undefined);
    },

    /**
     * WHEP: a viewer plays the program; anonymous callers only for public sessions. With several nodes,
     * a request for a session whose publisher is on another node is redirected there.
     */
    async play(sessionId: string, actor: Actor | null, body: unknown, address: string): Promise<MediaResource | MediaRedirect> {
      const clientKey = clientOf(actor, address);
      limitOffers(clientKey);
      const access = await accessSession(deps.repos, sessionId, actor);
      if (!access.session.isPublic && !access.isHost && access.role === null) {
        throw actor ? fail.forbidden('Join the session first') : fail.unauthorized();
      }
      await requireNotBanned(sessionId, actor);
      requireLive(access);
      const forwarder = embedded();
      const offer = parseOffer(body);
      if (!forwarder.isPublishing(sessionId)) {
        const owner = await deps.directory.owner(sessionId).catch(() => null);
        if (owner && owner !== deps.selfUrl) return { redirect: `${owner}${deps.embeddedPaths(sessionId).whep}` };
      }
      return remember(await forwarder.play(sessionId, offer, clientKey), actor);
    },

    /** DELETE on a resource URL: the unguessable resource id is the capability, as in WHIP/WHEP. */
    stop(sessionId: string, resourceId: string, kind: ResourceKind): void {
      const forwarder = embedded();
      if (forwarder.resourceKind(sessionId, resourceId) !== kind) throw fail.notFound('Media resource');
      forwarder.stop(resourceId);
      owners.delete(resourceId);
      if (kind !== 'whep' && !forwarder.isPublishing(sessionId)) void deps.directory.release(sessionId).catch(() => undefined);
    },

    /** Ends one person's WHEP/WHIP media in a session at once (banned, removed); the sweep catches other nodes. */
    endMediaOf(sessionId: string, userId: string): void {
      const forwarder = deps.forwarder;
      if (!forwarder) return;
      for (const [id, owner] of owners) {
        if (owner.sessionId !== sessionId || owner.userId !== userId) continue;
        forwarder.stop(id);
        owners.delete(id);
      }
    },

    /** The session's program for a local media tap (HLS, multistreaming); null without the embedded forwarder. */
    tapSource(sessionId: string): TapSource | null {
      return deps.forwarder?.tapSource(sessionId) ?? null;
    },

    /** WHEP viewers connected to this node's forwarder. */
    webrtcViewers(): number {
      return deps.forwarder?.connectedViewerTotal() ?? 0;
    },

    /** Sessions whose publisher is on this node's forwarder. */
    publishingSessions(): string[] {
      return deps.forwarder?.publishingSessions() ?? [];
    },

    /** Whether this node's forwarder has a publisher for the session that sent media within `ms`. */
    isReceiving(sessionId: string, ms: number): boolean {
      return deps.forwarder?.isReceiving(sessionId, ms) ?? false;
    },

    /** Ends the media of sessions that ended and of banned viewers (called periodically). */
    async sweep(): Promise<void> {
      const forwarder = deps.forwarder;
      if (!forwarder) return;
      // Sessions with resources, and those only a media tap holds open.
      for (const sessionId of new Set([...owners.values()].map((o) => o.sessionId).concat(forwarder.sessionIds()))) {
        const session = await deps.repos.sessions.findById(sessionId);
        if (!session || !LIVE_STATES.has(session.state)) {
          forwarder.closeSession(sessionId);
          await deps.directory.release(sessionId);
          for (const [id, owner] of owners) if (owner.sessionId === sessionId) owners.delete(id);
          continue;
        }
        if (forwarder.isPublishing(sessionId)) await deps.directory.claim(sessionId);
        else await deps.directory.release(sessionId);
        const banned = new Set((await deps.repos.moderation.listBans(sessionId)).map((b) => b.userId));
        for (const [id, owner] of owners) {
          if (owner.sessionId !== sessionId) continue;
          if (!forwarder.resourceKind(sessionId, id)) owners.delete(id);
          else if (owner.userId && (banned.has(owner.userId) || !(await mayStillWatch(session, owner.userId)))) {
            forwarder.stop(id);
            owners.delete(id);
          }
        }
      }
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
