import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src-renderer/shared/api/client.js';
import { createStudioStore, type StudioStore } from '../../../src-renderer/studio/store/index.js';
import { startTestRelay, uniqueName, type TestRelay } from '../../support/relay.js';

/** The auth slice against a real relay (SQLite), with an in-memory token keeper like the web's localStorage. */
describe('studio store: auth', () => {
  let relay: TestRelay;
  beforeAll(async () => {
    relay = await startTestRelay({ dialect: 'sqlite' });
  });
  afterAll(() => relay.close());

  function storeWith(saved: { token: string | null }): StudioStore {
    let n = 0;
    const holder: { store: StudioStore | null } = { store: null };
    const api = createApiClient(relay.url, () => holder.store?.getState().token ?? null);
    holder.store = createStudioStore({
      api,
      tokens: { load: async () => saved.token, save: async (t) => void (saved.token = t) },
      newId: () => `id${++n}`,
    });
    return holder.store;
  }

  it('registers, keeps the token, and signs in again with it after a restart', async () => {
    const saved = { token: null as string | null };
    const username = uniqueName('host');
    const store = storeWith(saved);
    expect(await store.getState().register(username, 'long enough password')).toBe(true);
    expect(store.getState().authStatus).toBe('signed-in');
    expect(store.getState().user?.username).toBe(username);
    expect(saved.token).toBe(store.getState().token);

    const restarted = storeWith(saved);
    await restarted.getState().restoreSession();
    expect(restarted.getState().authStatus).toBe('signed-in');
    expect(restarted.getState().user?.username).toBe(username);
  });

  it('reports a wrong password (not "sign in again") and a taken name', async () => {
    const username = uniqueName('host');
    await relay.register(username, 'the right password');
    const store = storeWith({ token: null });
    expect(await store.getState().signIn(username, 'the wrong password')).toBe(false);
    expect(store.getState()).toMatchObject({ authStatus: 'signed-out', authError: 'wrong_credentials', user: null });
    expect(await store.getState().register(username, 'another password')).toBe(false);
    expect(store.getState().authError).toBe('duplicate');
  });

  it('forgets a token the relay no longer accepts, and signs out cleanly', async () => {
    const saved = { token: 'not-a-real-token' as string | null };
    const store = storeWith(saved);
    await store.getState().restoreSession();
    expect(store.getState().authStatus).toBe('signed-out');
    expect(saved.token).toBe(null);

    await store.getState().register(uniqueName('host'), 'long enough password');
    await store.getState().signOut();
    expect(store.getState()).toMatchObject({ authStatus: 'signed-out', token: null, user: null });
    expect(saved.token).toBe(null);
  });

  it('refuses a common password at sign-up, with its own error code (worded in error-text.test.ts), and creates no account', async () => {
    const store = storeWith({ token: null });
    const username = uniqueName('host');
    expect(await store.getState().register(username, 'Password1')).toBe(false);
    expect(store.getState()).toMatchObject({ authStatus: 'signed-out', authError: 'common_password', user: null });
    expect(await relay.storage.users.findByUsername(username)).toBeNull();
    // Too short says so too, rather than "this was not accepted".
    expect(await store.getState().register(username, 'short')).toBe(false);
    expect(store.getState().authError).toBe('password_too_short');
    expect(await store.getState().register(username, 'a phrase nobody uses')).toBe(true);
  });

  it('signs out everywhere: the other device is signed out too, a new sign-in works', async () => {
    const username = uniqueName('host');
    const laptop = { token: null as string | null };
    const phone = { token: null as string | null };
    const onLaptop = storeWith(laptop);
    expect(await onLaptop.getState().register(username, 'long enough password')).toBe(true);
    const onPhone = storeWith(phone);
    expect(await onPhone.getState().signIn(username, 'long enough password')).toBe(true);

    await onLaptop.getState().signOutEverywhere();
    expect(onLaptop.getState()).toMatchObject({ authStatus: 'signed-out', token: null, user: null });
    expect(laptop.token).toBeNull();
    const phoneLater = storeWith(phone);
    await phoneLater.getState().restoreSession();
    expect(phoneLater.getState().authStatus).toBe('signed-out');

    expect(await onPhone.getState().signIn(username, 'long enough password')).toBe(true);
  });
});
