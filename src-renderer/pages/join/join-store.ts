import { createStore } from 'zustand/vanilla';
import type { Participant, Session } from '../../../protocol/sessions.js';
import { routes } from '../../../protocol/routes.js';
import { RelayError } from '../../shared/api/client.js';
import { createPageApi, getAuth, getToken, signIn, signInAsGuest, verifyStoredAuth, type StoredAuth } from '../../shared/auth/auth-store.js';
import { t } from '../../shared/i18n/index.js';
import { createGuestLink, type GuestLinkState } from '../../shared/media/index.js';
import { createRelayConnection, createSessionChannel, type ConnectionState, type RelayConnection, type SessionChannel } from '../../shared/realtime/index.js';
import { stopStream } from './devices.js';

export type JoinStep = 'checking' | 'auth' | 'devices' | 'joining' | 'stage' | 'left' | 'invalid';

export interface JoinState {
  step: JoinStep;
  error: string | null;
  identity: StoredAuth | null;
  session: Session | null;
  connection: ConnectionState;
  channel: SessionChannel | null;
  linkState: GuestLinkState;
  program: MediaStream | null;
  /** What the host allows (participants:update). */
  flags: { audioEnabled: boolean; videoEnabled: boolean };
  /** The camera+mic stream chosen at the device check (kept after joining). */
  local: MediaStream | null;
}

type GuestLinkHandle = ReturnType<typeof createGuestLink>;

/**
 * The guest page's flow: identity (sign in or guest name) → device check → redeem the invite link →
 * backstage/on stage over a GuestLink → leave.
 */
export function createJoinController(token: string) {
  const store = createStore<JoinState>(() => ({
    step: 'checking',
    error: null,
    identity: getAuth(),
    session: null,
    connection: 'connecting',
    channel: null,
    linkState: 'backstage',
    program: null,
    flags: { audioEnabled: true, videoEnabled: true },
    local: null,
  }));
  const api = createPageApi();
  let connection: RelayConnection | null = null;
  let link: GuestLinkHandle | null = null;

  const fail = (err: unknown) => store.setState({ error: t('common.error', { message: err instanceof Error ? err.message : String(err) }) });

  async function start(): Promise<void> {
    const identity = await verifyStoredAuth(api);
    // A silent viewer identity is not good enough to appear on stage: ask for a name.
    store.setState(identity && !identity.auto ? { identity, step: 'devices' } : { identity: null, step: 'auth' });
  }

  async function signInWithPassword(username: string, password: string): Promise<void> {
    try {
      store.setState({ identity: await signIn(api, username, password), step: 'devices', error: null });
    } catch (err) {
      fail(err);
    }
  }

  async function continueAsGuest(name: string): Promise<void> {
    try {
      store.setState({ identity: await signInAsGuest(api, name), step: 'devices', error: null });
    } catch (err) {
      fail(err);
    }
  }

  function setLocal(stream: MediaStream | null): void {
    const previous = store.getState().local;
    if (previous && previous !== stream) stopStream(previous);
    store.setState({ local: stream });
    if (stream && link) void link.setLocalStream(stream);
  }

  /** Redeems the invite link, then joins the session's room and links up with the host. */
  async function enter(): Promise<void> {
    const identity = store.getState().identity;
    if (!identity) return;
    store.setState({ step: 'joining', error: null });
    let participant: Participant;
    let session: Session;
    try {
      const redeemed = await api.call(routes.redeemInviteLink, { params: { token } });
      participant = redeemed.participant;
      session = (await api.call(routes.getSession, { params: { id: redeemed.sessionId } })).session;
    } catch (err) {
      if (err instanceof RelayError && (err.status === 404 || err.error.code === 'expired')) return store.setState({ step: 'invalid' });
      store.setState({ step: 'devices' });
      return fail(err);
    }
    connection = createRelayConnection({ url: location.origin, getToken });
    connection.onState((s) => store.setState({ connection: s }));
    const channel = createSessionChannel({ connection, sessionId: session.id, getSelfId: () => identity.user.id });
    link = createGuestLink({ connection, api, channel, sessionId: session.id, hostId: session.hostId, selfId: identity.user.id });
    link.on('state', (linkState) => store.setState({ linkState }));
    link.on('program', (program) => store.setState({ program }));
    link.on('flags', (flags) => store.setState({ flags }));
    link.setParticipant(participant);
    const local = store.getState().local;
    if (local) await link.setLocalStream(local);
    store.setState({ step: 'stage', session, channel, connection: connection.state, linkState: link.state });
  }

  async function leave(): Promise<void> {
    await link?.leave();
    link = null;
    await store.getState().channel?.stop();
    connection?.close();
    stopStream(store.getState().local);
    store.setState({ step: 'left', local: null, program: null });
  }

  function dispose(): void {
    void leave();
  }

  return { store, start, signInWithPassword, continueAsGuest, setLocal, enter, leave, dispose };
}

export type JoinController = ReturnType<typeof createJoinController>;
