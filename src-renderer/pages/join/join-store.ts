import { createStore } from 'zustand/vanilla';
import type { Participant, Session } from '../../../protocol/sessions.js';
import { routes } from '../../../protocol/routes.js';
import { RelayError } from '../../shared/api/client.js';
import { createPageApi, getAuth, getToken, signIn, signInAsGuest, verifyStoredAuth, type StoredAuth } from '../../shared/auth/auth-store.js';
import type { InviteLinkInfoReply } from '../../../protocol/invitations.js';
import { describeFailure } from '../../shared/ui/error-text.js';
import { createGuestLink, type GuestLinkState } from '../../shared/media/index.js';
import { createRelayConnection, createSessionChannel, type ConnectionState, type RelayConnection, type SessionChannel } from '../../shared/realtime/index.js';
import { createStageClient, type StageClient } from '../../shared/stage/stage-client.js';
import { stopStream } from '../../shared/media/devices.js';

export type JoinStep = 'checking' | 'auth' | 'devices' | 'joining' | 'stage' | 'left' | 'ended' | 'invalid';

/** Why a link was refused: never issued (or mistyped), or past its time / its broadcast is over. */
export type InvalidLinkReason = 'unknown' | 'expired';

export interface JoinState {
  step: JoinStep;
  error: string | null;
  /** What the link leads to, once the relay confirmed it (null while checking or when it could not say). */
  invite: InviteLinkInfoReply | null;
  invalidReason: InvalidLinkReason | null;
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
  /** On air / backstage and the backstage chat, once on stage. */
  stage: StageClient | null;
}

type GuestLinkHandle = ReturnType<typeof createGuestLink>;

/**
 * The guest page's flow: identity (sign in or guest name) → device check → redeem the invite link →
 * backstage/on stage over a GuestLink → leave.
 */
/** `/join/accepted?session=<id>`: an invitation accepted on another page (the inbox) seated us already. */
export const ACCEPTED_PATH_TOKEN = 'accepted';

export function createJoinController(token: string, acceptedSessionId: string | null = null) {
  const accepted = token === ACCEPTED_PATH_TOKEN && acceptedSessionId !== null;
  const store = createStore<JoinState>(() => ({
    step: 'checking',
    error: null,
    invite: null,
    invalidReason: null,
    identity: getAuth(),
    session: null,
    connection: 'connecting',
    channel: null,
    linkState: 'backstage',
    program: null,
    flags: { audioEnabled: true, videoEnabled: true },
    local: null,
    stage: null,
  }));
  const api = createPageApi();
  let connection: RelayConnection | null = null;
  let link: GuestLinkHandle | null = null;

  const fail = (err: unknown) => store.setState({ error: describeFailure(err) });
  /** The end of the live (or of this page): set once the guest's media and signaling are torn down. */
  let closed = false;

  /** A refusal that no retry can fix means the link is dead: 404 unknown, 409 expired / session over. */
  function deadLinkReason(err: unknown): InvalidLinkReason | null {
    if (!(err instanceof RelayError)) return null;
    if (err.error.code === 'not_found') return 'unknown';
    if (err.error.code === 'expired' || err.error.code === 'invalid_transition') return 'expired';
    return null;
  }

  async function start(): Promise<void> {
    if (accepted) {
      const identity = await verifyStoredAuth(api);
      return store.setState(identity && !identity.auto ? { identity, step: 'devices' } : { identity: null, step: 'auth' });
    }
    // A bad link is said first: before any sign-in, account creation or camera prompt.
    if (token.length < 10) return store.setState({ step: 'invalid', invalidReason: 'unknown' });
    try {
      const invite = await api.call(routes.inviteLinkInfo, { params: { token } });
      // A viewer link watches a private live; it never takes anyone onto the stage.
      if (invite.role === 'viewer') {
        location.replace(`/watch/${encodeURIComponent(invite.sessionId)}?invite=${encodeURIComponent(token)}`);
        return;
      }
      store.setState({ invite });
    } catch (err) {
      const reason = deadLinkReason(err) ?? (err instanceof RelayError && err.error.code === 'invalid_input' ? 'unknown' : null);
      if (reason) return store.setState({ step: 'invalid', invalidReason: reason });
      // The relay could not say (e.g. offline): carry on, redeeming will tell.
    }
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
      if (accepted && acceptedSessionId) {
        session = (await api.call(routes.getSession, { params: { id: acceptedSessionId } })).session;
        const seated = (await api.call(routes.listParticipants, { params: { id: session.id }, query: {} })).participants.find(
          (p) => p.userId === identity.user.id,
        );
        if (!seated) throw new RelayError(404, { code: 'not_found', message: 'Not a guest of this session' });
        participant = seated;
      } else {
        const redeemed = await api.call(routes.redeemInviteLink, { params: { token } });
        participant = redeemed.participant;
        session = (await api.call(routes.getSession, { params: { id: redeemed.sessionId } })).session;
      }
    } catch (err) {
      const reason = deadLinkReason(err);
      if (reason) {
        stopStream(store.getState().local);
        return store.setState({ step: 'invalid', invalidReason: reason, local: null });
      }
      store.setState({ step: 'devices' });
      return fail(err);
    }
    if (session.state === 'ending' || session.state === 'ended') return void (await end('ended'));
    connection = createRelayConnection({ url: location.origin, getToken });
    connection.onState((s) => store.setState({ connection: s }));
    const channel = createSessionChannel({ connection, sessionId: session.id, getSelfId: () => identity.user.id });
    link = createGuestLink({ connection, api, channel, sessionId: session.id, hostId: session.hostId, selfId: identity.user.id });
    link.on('state', (linkState) => store.setState({ linkState }));
    link.on('program', (program) => store.setState({ program }));
    link.on('flags', (flags) => store.setState({ flags }));
    // The host ended the live: stop the camera and the signaling (the relay refuses it from now on).
    channel.on('change', (state) => {
      const now = state.session?.state;
      if (now === 'ending' || now === 'ended') void end('ended');
    });
    link.setParticipant(participant);
    const stage = createStageClient(connection, session.id);
    const local = store.getState().local;
    if (local) await link.setLocalStream(local);
    store.setState({ step: 'stage', session, channel, stage, connection: connection.state, linkState: link.state });
    void stage.refresh();
  }

  /** Tears down media and signaling once; `step` says why (the guest left, or the live ended). */
  async function end(step: 'left' | 'ended'): Promise<void> {
    if (closed) return;
    closed = true;
    stopStream(store.getState().local);
    store.getState().stage?.stop();
    store.setState({ step, local: null, program: null });
    const current = link;
    link = null;
    await current?.leave();
    await store.getState().channel?.stop();
    connection?.close();
  }

  async function leave(): Promise<void> {
    await end('left');
  }

  function dispose(): void {
    void end('left');
  }

  return { store, start, signInWithPassword, continueAsGuest, setLocal, enter, leave, dispose };
}

export type JoinController = ReturnType<typeof createJoinController>;
