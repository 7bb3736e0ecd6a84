import type { MediaHint } from '../../../protocol/media.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import { accessSession, requireActor, requireHost, type SessionAccess } from '../sessions/access.js';
import type { Repositories, SessionRecord } from '../storage/types.js';
import type { MediaConfig } from './config.js';
import type { Forwarder, MediaResource, ResourceKind } from './forwarder.js';
import { SdpOffer } from './sdp-offer.js';

export interface MediaServiceDeps {
  repos: Repositories;
  config: MediaConfig;
  /** The embedded forwarder; null when an external media server is configured. */
  forwarder: Forwarder | null;
  /** Relay-relative paths of the embedded endpoints for a session. */
  embeddedPaths(sessionId: string): { whip: string; whep: string };
}

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

  function transportFor(session: SessionRecord): MediaHint['transport'] {
    if (deps.config.mode === 'p2p') return 'p2p';
    if (deps.config.mode === 'sfu') return 'whip';
    return session.isPublic ? 'whip' : 'p2p';
  }

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

  function remember(resource: MediaResource, actor: Actor | null): MediaResource {
    owners.set(resource.resourceId, { sessionId: resource.sessionId, userId: actor?.userId ?? null });
    return resource;
  }

  return {
    async hint(sessionId: string, actor: Actor | null): Promise<MediaHint> {
      const access = await accessSession(deps.repos, sessionId, actor);
      const transport = transportFor(access.session);
      if (transport === 'p2p') return { transport, whipUrl: null, whepUrl: null };
      const urls = urlsFor(sessionId);
      return { transport, whipUrl: access.isHost ? urls.whip : null, whepUrl: urls.whep };
    },

    /** WHIP: the host publishes the program. Any previous publisher of the session is replaced. */
    async publish(sessionId: string, actor: Actor | null, body: unknown): Promise<MediaResource> {
      requireActor(actor);
      const access = await accessSession(deps.repos, sessionId, actor);
      requireHost(access);
      requireLive(access);
      const forwarder = embedded();
      return remember(await forwarder.publish(sessionId, parseOffer(body)), actor);
    },

    /** WHEP: a viewer plays the program; anonymous callers only for public sessions. */
    async play(sessionId: string, actor: Actor | null, body: unknown): Promise<MediaResource> {
      const access = await accessSession(deps.repos, sessionId, actor);
      if (!access.session.isPublic && !access.isHost && access.role === null) {
        throw actor ? fail.forbidden('Join the session first') : fail.unauthorized();
      }
      await requireNotBanned(sessionId, actor);
      requireLive(access);
      const forwarder = embedded();
      return remember(await forwarder.play(sessionId, parseOffer(body)), actor);
    },

    /** DELETE on a resource URL: the unguessable resource id is the capability, as in WHIP/WHEP. */
    stop(sessionId: string, resourceId: string, kind: ResourceKind): void {
      const forwarder = embedded();
      if (forwarder.resourceKind(sessionId, resourceId) !== kind) throw fail.notFound('Media resource');
      forwarder.stop(resourceId);
      owners.delete(resourceId);
    },

    /** Ends the media of sessions that ended and of banned viewers (called periodically). */
    async sweep(): Promise<void> {
      const forwarder = deps.forwarder;
      if (!forwarder) return;
      for (const sessionId of new Set([...owners.values()].map((o) => o.sessionId))) {
        const session = await deps.repos.sessions.findById(sessionId);
        if (!session || !LIVE_STATES.has(session.state)) {
          forwarder.closeSession(sessionId);
          for (const [id, owner] of owners) if (owner.sessionId === sessionId) owners.delete(id);
          continue;
        }
        const banned = new Set((await deps.repos.moderation.listBans(sessionId)).map((b) => b.userId));
        for (const [id, owner] of owners) {
          if (owner.sessionId !== sessionId) continue;
          if (!forwarder.resourceKind(sessionId, id)) owners.delete(id);
          else if (owner.userId && banned.has(owner.userId)) {
            forwarder.stop(id);
            owners.delete(id);
          }
        }
      }
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
