import { routes } from '../../../../protocol/routes.js';
import { RelayError } from '../../../shared/api/client.js';
import { displayCode } from '../../../shared/api/display-code.js';
import type { Slice, StoreDeps } from '../../store/types.js';
import type { User } from '../../../../protocol/users.js';

function codeOf(err: unknown): string {
  return err instanceof RelayError ? displayCode(err.error) : 'unavailable';
}

export type AuthStatus = 'unknown' | 'signed-out' | 'pending' | 'signed-in';
export interface AuthSlice {
  user: User | null;
  token: string | null;
  authStatus: AuthStatus;
  /** Error code from the relay (e.g. `unauthorized`, `duplicate`, `invalid_input`). */
  authError: string | null;
  signIn(username: string, password: string): Promise<boolean>;
  register(username: string, password: string): Promise<boolean>;
  /** Signs in again with the saved token, if it is still valid. */
  restoreSession(): Promise<void>;
  signOut(): Promise<void>;
  /** Ends every sign-in of this account on every device (this one too); throws when the relay refused. */
  signOutEverywhere(): Promise<void>;
}

export const createAuthSlice =
  (deps: StoreDeps): Slice<AuthSlice> =>
  (set, get) => {
    async function authenticate(route: typeof routes.login | typeof routes.register, username: string, password: string) {
      set({ authStatus: 'pending', authError: null });
      try {
        const { user, token } = await deps.api.call(route, { body: { username, password } });
        // A cookie session keeps nothing: the relay's reply has set the cookie.
        const kept = deps.tokens.cookieSession ? null : token;
        await deps.tokens.save(kept);
        set({ user, token: kept, authStatus: 'signed-in' });
        return true;
      } catch (err) {
        // A refused sign-in is a wrong password, not the "sign in again" of an expired session.
        const code = codeOf(err);
        set({ authStatus: 'signed-out', authError: code === 'unauthorized' ? 'wrong_credentials' : code });
        return false;
      }
    }

    return {
      user: null,
      token: null,
      authStatus: 'unknown',
      authError: null,
      signIn: (username, password) => authenticate(routes.login, username, password),
      register: (username, password) => authenticate(routes.register, username, password),
      async restoreSession() {
        const token = await deps.tokens.load();
        if (!token && !deps.tokens.cookieSession) return set({ authStatus: 'signed-out' });
        // With a cookie session, whoever signed in on any page of this origin is signed in here too.
        set({ token, authStatus: 'pending' });
        try {
          const { user } = await deps.api.call(routes.me);
          set({ user, authStatus: 'signed-in' });
        } catch {
          await deps.tokens.save(null);
          set({ token: null, user: null, authStatus: 'signed-out' });
        }
      },
      async signOut() {
        if (get().token || (deps.tokens.cookieSession && get().authStatus === 'signed-in')) {
          await deps.api.call(routes.logout).catch(() => undefined);
        }
        await deps.tokens.save(null);
        set({ user: null, token: null, authStatus: 'signed-out', authError: null });
      },
      async signOutEverywhere() {
        await deps.api.call(routes.signOutEverywhere);
        await deps.tokens.save(null);
        set({ user: null, token: null, authStatus: 'signed-out', authError: null });
      },
    };
  };
