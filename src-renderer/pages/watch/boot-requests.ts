import { prefetch, type EarlyRequest } from '../../shared/api/prefetch.js';

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
 * Starts them: the hints and the identity at once, then the session and the seat once the identity's
 * cookie is set. With an invite link the seat waits for the link to be redeemed (watch-store does that).
 */
export function prefetchWatch(origin: string, target: WatchTarget, autoName: string): void {
  if (!target.sessionId) return;
  const requests = watchBootRequests(origin, target.sessionId, autoName);
  prefetch(requests.media);
  prefetch(requests.hls);
  // The seat is asked for in the same turn the page would (its then-callback runs before the page's own).
  void prefetch(requests.identity).then((reply) => {
    if (!reply.ok || target.inviteToken) return;
    prefetch(requests.session);
    prefetch(requests.join);
  }, () => undefined);
}
