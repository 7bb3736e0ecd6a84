import type { Request, Response, Router } from 'express';
import { routes } from '../../../protocol/routes.js';
import { mount } from '../http/mount.js';
import { requireActor } from '../sessions/access.js';
import type { ModuleContext } from '../core/module.js';
import type { AuthService, SignedIn } from './service.js';
import { authCookie, clearedAuthCookie, tokenFromHeaders } from './credentials.js';
import { createSignupLimit } from './signup-limit.js';
import { TokenBuckets } from './token-bucket.js';
import { fail } from '../core/errors.js';

const SEARCH_BURST = 20;
const SEARCHES_PER_SECOND = 2;

/** Thin HTTP adapter over AuthService: validate (mount) → service → reply + cookie. */
export function mountAuthRoutes(router: Router, ctx: ModuleContext): void {
  const auth = (): AuthService => ctx.services.get('auth');
  const signups = createSignupLimit(ctx.config.signupRatePerMinute, ctx.clock);
  // Search-as-you-type: a burst of keystrokes passes, a script walking every prefix does not.
  const searches = new TokenBuckets(SEARCH_BURST, SEARCHES_PER_SECOND, ctx.clock);

  const withCookie = (req: Request, res: Response, signedIn: SignedIn): SignedIn => {
    res.append('Set-Cookie', authCookie(signedIn.token, req.secure));
    return signedIn;
  };

  mount(router, routes.register, async ({ body, req, res }) => {
    signups.take(req.ip ?? 'unknown');
    return withCookie(req, res, await auth().register(body));
  });
  mount(router, routes.login, async ({ body, req, res }) =>
    withCookie(req, res, await auth().login(body, req.ip ?? 'unknown')),
  );
  mount(router, routes.guest, async ({ body, req, res }) => {
    signups.take(req.ip ?? 'unknown');
    return withCookie(req, res, await auth().guest(body.displayName));
  });
  // The signed-in caller as they are (no sign-up taken, no new cookie), else a new silent guest.
  mount(router, routes.viewerIdentity, async ({ actor, body, req, res }) => {
    const existing = actor ? await auth().me(actor).catch(() => null) : null;
    if (existing) return { user: existing, created: false };
    signups.take(req.ip ?? 'unknown');
    const { user } = withCookie(req, res, await auth().guest(body.displayName));
    return { user, created: true };
  });
  mount(router, routes.logout, async ({ req, res }) => {
    const token = tokenFromHeaders(req.headers);
    const userId = token ? await auth().logout(token) : null;
    res.append('Set-Cookie', clearedAuthCookie(req.secure));
    if (userId) await ctx.notifier.disconnectUser(userId);
    return undefined;
  });
  mount(router, routes.signOutEverywhere, async ({ actor, req, res }) => {
    const user = requireActor(actor);
    await auth().signOutEverywhere(user);
    res.append('Set-Cookie', clearedAuthCookie(req.secure));
    await ctx.notifier.disconnectUser(user.userId);
    return undefined;
  });
  mount(router, routes.me, async ({ actor }) => ({ user: await auth().me(requireActor(actor)) }));
  mount(router, routes.searchUsers, async ({ actor, query }) => {
    const user = requireActor(actor);
    const wait = searches.take(user.userId);
    if (wait > 0) throw fail.rateLimited(wait, 'Too many searches, slow down');
    return { users: await auth().searchAccounts(query.search) };
  });
}
