import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import { getAuth, verifyStoredAuth, type StoredAuth } from '../auth/auth-store.js';

/** One "who am I" question per page load, shared by every component that needs the answer. */
let asked: Promise<StoredAuth | null> | null = null;

/** Who the page's cookie signs in: undefined while asking, null when nobody is. */
export function useMe(api: ApiClient): StoredAuth | null | undefined {
  const [me, setMe] = useState<StoredAuth | null | undefined>(() => getAuth() ?? undefined);
  useEffect(() => {
    let alive = true;
    asked ??= verifyStoredAuth(api);
    void asked.then((auth) => alive && setMe(auth));
    return () => {
      alive = false;
    };
  }, [api]);
  return me;
}

/** A person who chose a name (an account or a named guest), not the silent identity made for watching. */
export const isSignedIn = (me: StoredAuth | null | undefined): me is StoredAuth => !!me && !me.auto;
