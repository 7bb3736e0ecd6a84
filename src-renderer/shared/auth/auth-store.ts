import { z } from 'zod';
import { User } from '../../../protocol/users.js';
import { routes } from '../../../protocol/routes.js';
import { RelayError, createApiClient, type ApiClient } from '../api/client.js';

const STORAGE_KEY = 'afritok.auth';

/** A signed-in identity kept in localStorage so a reload resumes as the same user. */
export const StoredAuth = z.object({
  token: z.string().min(1),
  user: User,
  /** Created silently for watching (no name chosen yet): the viewer page asks for a name before chat. */
  auto: z.boolean().default(false),
});
export type StoredAuth = z.infer<typeof StoredAuth>;

let current: StoredAuth | null = read();

function read(): StoredAuth | null {
  if (typeof localStorage === 'undefined') return null;
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = StoredAuth.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function getAuth(): StoredAuth | null {
  return current;
}

export function getToken(): string | null {
  return current?.token ?? null;
}

export function setAuth(auth: StoredAuth | null): void {
  current = auth;
  if (typeof localStorage === 'undefined') return;
  if (auth) localStorage.setItem(STORAGE_KEY, JSON.stringify(auth));
  else localStorage.removeItem(STORAGE_KEY);
}

/** The page's HTTP client: same origin, Bearer token from the stored identity. */
export function createPageApi(origin: string = location.origin): ApiClient {
  return createApiClient(origin, getToken);
}

/** Checks the stored token with the relay; forgets it when the relay no longer accepts it. */
export async function verifyStoredAuth(api: ApiClient): Promise<StoredAuth | null> {
  const auth = getAuth();
  if (!auth) return null;
  try {
    const { user } = await api.call(routes.me);
    const fresh = { ...auth, user };
    setAuth(fresh);
    return fresh;
  } catch (err) {
    // Forget the identity only when the relay says it is no longer valid, not on a network hiccup.
    if (err instanceof RelayError && err.status === 401) {
      setAuth(null);
      return null;
    }
    return auth;
  }
}

/** Creates a light guest account (`POST /api/auth/guest`) and keeps it. */
export async function signInAsGuest(api: ApiClient, displayName: string, auto = false): Promise<StoredAuth> {
  const { user, token } = await api.call(routes.guest, { body: { displayName } });
  const auth: StoredAuth = { user, token, auto };
  setAuth(auth);
  return auth;
}

/** Signs in with a username and password and keeps the identity. */
export async function signIn(api: ApiClient, username: string, password: string): Promise<StoredAuth> {
  const { user, token } = await api.call(routes.login, { body: { username, password } });
  const auth: StoredAuth = { user, token, auto: false };
  setAuth(auth);
  return auth;
}
