import { prefetch, type EarlyRequest } from '../../shared/api/prefetch.js';
import type { BootReplies } from './early-player.js';

/** What a `/watch/:sessionId?invite=…` address names. */
export interface WatchTarget {
  sessionId: string;
  /** A viewer invite link to a private live. */
  inviteToken: string | null;
}

export function watchTarget(address: { pathname: string; search: string }): WatchTarget {
  return {
    sessionId: decodeURIComponent(address.pathname.split('/').filter(Boolean)[1] ?? ''),
    inviteToken: new URLSearchParams(address.search).get('invite'),
  };
}

/**
 * The watch page's first requests exactly as the API client builds them from `protocol/routes.ts`
 * (boot-requests.test.ts holds the two together): written out here so the boot module needs no zod.
 */
export function watchBootRequests(origin: string, sessionId: string, autoName: string) {
  const session = `${origin}/api/sessions/${encodeURIComponent(sessionId)}`;
  return {
    identity: { method: 'POST', url: `${origin}/api/auth/viewer`, body: { displayName: autoName } },
    media: { method: 'GET', url: `${session}/media` },
    hls: { method: 'GET', url: `${session}/hls` },
    session: { method: 'GET', url: session },
    join: { method: 'POST', url: `${session}/join` },
  } satisfies Record<string, EarlyRequest>;
}

/**
 * The JSON body of a prefetched reply, read from a clone taken in the first callback (before the API
 * client, which takes the reply later, reads the original); null when the request failed.
 */
function bodyOf(reply: Promise<Response>): Promise<unknown> {
  return reply.then((r) => (r.ok ? r.clone().json() : null)).catch(() => null);
}

/**
 * Starts them: the hints and the identity at once, then the session and the seat once the identity's
 * cookie is set. With an invite link the seat waits for the link to be redeemed (watch-store does that).
 * Resolves to the replies' bodies for the early player (early-player.ts); null for a page with no session.
 */
export function prefetchWatch(origin: string, target: WatchTarget, autoName: string): Promise<BootReplies> | null {
  if (!target.sessionId) return null;
  const requests = watchBootRequests(origin, target.sessionId, autoName);
  const media = bodyOf(prefetch(requests.media));
  const hls = bodyOf(prefetch(requests.hls));
  // The seat is asked for in the same turn the page would (its then-callback runs before the page's own).
  const seat = prefetch(requests.identity).then(
    (reply) => (reply.ok && !target.inviteToken ? { session: bodyOf(prefetch(requests.session)), join: bodyOf(prefetch(requests.join)) } : null),
    () => null,
  );
  return Promise.all([media, hls, seat]).then(async ([mediaBody, hlsBody, seated]) => ({
    media: mediaBody,
    hls: hlsBody,
    session: seated ? await seated.session : null,
    join: seated ? await seated.join : null,
  }));
}
