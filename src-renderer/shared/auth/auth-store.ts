import { z } from 'zod';
import { User } from '../../../protocol/users.js';
import { routes } from '../../../protocol/routes.js';
import { RelayError, createApiClient, type ApiClient } from '../api/client.js';

/**
 * One sign-in for every page of the origin (/studio, /watch, /join, /): the relay's httpOnly
 * `afritok_token` cookie is the credential. Pages never hold a token in script or in localStorage (a
 * script-readable long-lived token is what cross-site scripting steals); they ask `GET /api/auth/me`
 * who they are, and their HTTP calls and sockets carry the cookie.
 */

/** Before one sign-in per origin, pages kept `{token, user}` here: forgotten on sight. */
const LEGACY_KEY = 'afritok.auth';
/** The user id of a silent viewer identity (no name chosen yet): not a credential. */
const AUTO_KEY = 'afritok.auth.auto';

export const StoredAuth = z.object({
  user: User,
  /** Created silently for watching (no name chosen yet): the viewer page asks for a name before chat. */
  auto: z.boolean().default(false),
});
export type StoredAuth = z.infer<typeof StoredAuth>;

const storage = typeof localStorage === 'undefined' ? null : localStorage;
storage?.removeItem(LEGACY_KEY);
let current: StoredAuth | null = null;

export function getAuth(): StoredAuth | null {
  return current;
}

/** Pages send no token of their own: the cookie goes with every same-origin request and socket. */
export function getToken(): string | null {
  return null;
}

function remember(auth: StoredAuth | null): StoredAuth | null {
  current = auth;
  if (auth?.auto) storage?.setItem(AUTO_KEY, auth.user.id);
  else storage?.removeItem(AUTO_KEY);
  return auth;
}

/** The page's HTTP client: same origin, authenticated by the sign-in cookie. */
export function createPageApi(origin: string = location.origin): ApiClient {
  return createApiClient(origin, getToken);
}

/** Who the cookie says we are (signed in on any page of this origin), or null when nobody is. */
export async function verifyStoredAuth(api: ApiClient): Promise<StoredAuth | null> {
  try {
    const { user } = await api.call(routes.me);
    return remember({ user, auto: storage?.getItem(AUTO_KEY) === user.id });
  } catch (err) {
    // Forget the identity only when the relay says nobody is signed in, not on a network hiccup.
    if (err instanceof RelayError && err.status === 401) return remember(null);
    return current;
  }
}

/**
 * The viewer page's identity in one call (`POST /api/auth/viewer`): whoever the cookie says, else a new
 * silent guest account (the relay sets its cookie), remembered as silent until a name is chosen.
 */
export async function viewerIdentity(api: ApiClient, displayName: string): Promise<StoredAuth> {
  const { user, created } = await api.call(routes.viewerIdentity, { body: { displayName } });
  const auth: StoredAuth = { user, auto: created || storage?.getItem(AUTO_KEY) === user.id };
  remember(auth);
  return auth;
}

/** Creates a light guest account (`POST /api/auth/guest`); the relay's reply sets the cookie. */
export async function signInAsGuest(api: ApiClient, displayName: string, auto = false): Promise<StoredAuth> {
  const { user } = await api.call(routes.guest, { body: { displayName } });
  const auth: StoredAuth = { user, auto };
  remember(auth);
  return auth;
}

/**
 * Gives the silent watching account its chosen name (`PATCH /api/profile`) instead of making a new one:
 * the person stays one viewer (analytics' unique viewers), keeps their seat, and a ban still applies.
 */
export async function nameSilentGuest(api: ApiClient, displayName: string): Promise<StoredAuth> {
  const { user } = await api.call(routes.updateProfile, { body: { displayName } });
  const auth: StoredAuth = { user: { ...(current?.user ?? user), displayName: user.displayName }, auto: false };
  remember(auth);
  return auth;
}

/** Signs in with a username and password; the relay's reply sets the cookie. */
export async function signIn(api: ApiClient, username: string, password: string): Promise<StoredAuth> {
  const { user } = await api.call(routes.login, { body: { username, password } });
  const auth: StoredAuth = { user, auto: false };
  remember(auth);
  return auth;
}
