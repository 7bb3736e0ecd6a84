import { createStore } from 'zustand/vanilla';
import type { Session } from '../../../protocol/sessions.js';
import { routes } from '../../../protocol/routes.js';
import { ViewerTransport, type HlsHint } from '../../../protocol/hls.js';
import { RelayError, type ApiClient } from '../../shared/api/client.js';
import { createPageApi, getAuth, getToken, nameSilentGuest, signInAsGuest, viewerIdentity, type StoredAuth } from '../../shared/auth/auth-store.js';
import { t } from '../../shared/i18n/index.js';
import { describeFailure } from '../../shared/ui/error-text.js';
import { createProgramPlayer, getMediaHint, toRtcIceServers, type PlayerState, type ProgramPlayer } from '../../shared/media/index.js';
import type { MediaHint } from '../../../protocol/media.js';
import { createRelayConnection, createSessionChannel, type ConnectionState, type RelayConnection, type SessionChannel } from '../../shared/realtime/index.js';
import { Emitter } from '../../shared/realtime/emitter.js';
import { FALLBACK_CHECK_MS, shouldLeaveWebrtc } from './webrtc-fallback.js';
import { hlsFirst } from './first-path.js';
import type { GiftEvent, Wallet } from '../../../protocol/gifts.js';
import { reportViewerPath } from './path-report.js';

export type WatchPhase = 'loading' | 'ready' | 'notFound' | 'error';

export interface WatchState {
  phase: WatchPhase;
  error: string | null;
  identity: StoredAuth | null;
  connection: ConnectionState;
  channel: SessionChannel | null;
  /** The session as last known (from GET, then from the channel). */
  session: Session | null;
  stream: MediaStream | null;
  playerState: PlayerState;
  /** How the program reaches this page, as the relay said (null until asked). */
  transport: 'p2p' | 'whip' | null;
  /** The LL-HLS master playlist this viewer plays instead of WebRTC (past WEBRTC_VIEWERS_PER_NODE, WebRTC that does not connect, or ?transport=hls). */
  hlsUrl: string | null;
}

/** Asking the relay for the transport failed: ask again after this long (never guess a transport). */
const HINT_RETRY_MS = 2_000;
/** How long the hints asked at page load stand in for asking again when the player starts. */
const EARLY_HINTS_FRESH_MS = 10_000;

/** `?transport=hls|webrtc` forces a path; anything else lets the page choose. */
function forcedTransport(): ViewerTransport | null {
  const parsed = ViewerTransport.safeParse(new URLSearchParams(location.search).get('transport'));
  return parsed.success ? parsed.data : null;
}

/**
 * The viewer page's state and its wiring (auth → join → socket → channel → player), kept out of
 * React so it can be reasoned about on its own. Watching needs an identity (P2P signaling is for
 * signed-in users only), so a viewer without one gets a silent guest account; choosing a chat name
 * switches to a named guest account.
 */
export function createWatchController(sessionId: string, inviteToken: string | null = null) {
  const store = createStore<WatchState>(() => ({
    phase: 'loading',
    error: null,
    identity: getAuth(),
    connection: 'connecting',
    channel: null,
    session: null,
    stream: null,
    playerState: 'idle',
    transport: null,
    hlsUrl: null,
  }));
  const api = createPageApi();
  let connection: RelayConnection | null = null;
  let player: ProgramPlayer | null = null;
  /** Bumped whenever the player is stopped, so a start still waiting for the relay's hint gives up. */
  let playerGeneration = 0;
  let playerStarting = false;
  let session: Session | null = null;
  /** The room's gifts and this viewer's wallet, relayed from whichever socket the page holds. */
  const giftEvents = new Emitter<{ gift: GiftEvent; wallet: Wallet }>();

  /** Set once POST /join settled: the relay hands ICE servers (TURN) to participants only. */
  let participantReady = false;
  /** The ICE servers the join reply carried, for the first player (later ones ask `/ice-servers`). */
  let joinIceServers: RTCIceServer[] | undefined;
  /** The live's LL-HLS is interrupted (its packager died): new players pick WebRTC, HLS viewers move to it. */
  let hlsDown = false;
  /** Stops telling the relay which path this page plays on (the host's per-path counts). */
  let stopReporting = (): void => undefined;

  /**
   * Asked before anything else (they need no account for a public live): how the program travels and
   * whether LL-HLS has room. The first player start takes them instead of asking again; null once used.
   */
  let early: { at: number; hls: Promise<HlsHint | null>; media: Promise<MediaHint | null> } | null = null;
  /** What the early media hint said: a WHEP player need not wait for the socket's room join. */
  let earlyTransport: 'p2p' | 'whip' | null = null;

  async function start(): Promise<void> {
    early = { at: Date.now(), hls: hlsHint(), media: getMediaHint(api, sessionId).catch(() => null) };
    void early.media.then((hint) => {
      earlyTransport = hint?.transport ?? null;
      syncPlayer();
    });
    // Without an identity the page still shows the session and its chat (anonymous watchers may read).
    const identity = await viewerIdentity(api, t('watch.autoName')).catch(() => null);
    store.setState({ identity });
    // The socket, the session and the participant seat are independent: ask for all three at once.
    connection = createRelayConnection({ url: location.origin, getToken });
    connection.onState((s) => store.setState({ connection: s }));
    connection.on('gift:sent', (gift) => gift.sessionId === sessionId && giftEvents.emit('gift', gift));
    connection.on('wallet:updated', ({ wallet }) => giftEvents.emit('wallet', wallet));
    connection.on('hls:health', ({ sessionId: id, health }) => {
      if (id !== sessionId) return;
      // Only a restarting packager interrupts LL-HLS: a full disk pauses the recording, not the live's HLS.
      hlsDown = health === 'restarting';
      if (hlsDown) void moveOffHls();
    });
    const channel = createSessionChannel({ connection, sessionId, api, getSelfId: () => getAuth()?.user.id ?? null });
    channel.on('change', (state) => {
      if (state.session && state.session !== session) {
        session = state.session;
        store.setState({ session });
      }
      syncPlayer();
    });
    // A viewer invite link (private live) seats this identity as a viewer before anything asks for the session.
    const redeemed = identity ? await redeemViewerLink() : null;
    if (redeemed) {
      void channel.stop();
      connection.close();
      return store.setState({ phase: 'error', error: redeemed });
    }
    const [fetched, joined] = await Promise.allSettled([
      api.call(routes.getSession, { params: { id: sessionId } }),
      identity ? joinAsParticipant(api, sessionId) : Promise.resolve(undefined),
    ]);
    participantReady = true;
    joinIceServers = joined.status === 'fulfilled' ? joined.value : undefined;
    if (fetched.status === 'rejected') {
      const err: unknown = fetched.reason;
      void channel.stop();
      connection.close();
      if (err instanceof RelayError && err.status === 404) return store.setState({ phase: 'notFound' });
      return store.setState({ phase: 'error', error: describe(err) });
    }
    // 409 (ended, full) still lets the page show the session and its chat.
    if (joined.status === 'rejected' && !(joined.reason instanceof RelayError && joined.reason.status === 409)) {
      console.warn('could not join the session', joined.reason);
    }
    session = channel.getState().session ?? fetched.value.session;
    // A WHEP player (its peer connection and ICE gathering) starts before the page's first full render,
    // which would otherwise hold the main thread for tens of milliseconds first; a P2P one needs the
    // channel in the store and starts after.
    syncPlayer();
    store.setState({ phase: 'ready', channel, session, connection: connection.state });
    stopReporting = reportViewerPath(store, connection, channel, sessionId);
    syncPlayer();
  }

  /** Redeems `?invite=` for the current identity; null when there is none or it worked, else what to tell the viewer. */
  async function redeemViewerLink(): Promise<string | null> {
    if (!inviteToken) return null;
    try {
      const reply = await api.call(routes.redeemInviteLink, { params: { token: inviteToken } });
      return reply.sessionId === sessionId ? null : t('watch.inviteOther');
    } catch (err) {
      if (err instanceof RelayError && ['not_found', 'expired', 'invalid_input', 'invalid_transition'].includes(err.error.code)) return t('watch.inviteDead');
      return describe(err);
    }
  }

  /** Plays while the session is starting or live and we have an identity; stops when it ends. */
  function syncPlayer(): void {
    if (!session) return;
    const live = session.state === 'starting' || session.state === 'live';
    // P2P is signalled in the room; WHEP is plain HTTP and starts without the socket.
    const joined = store.getState().channel?.getState().status === 'joined' || earlyTransport === 'whip';
    const onHls = store.getState().hlsUrl !== null;
    if (live && joined && participantReady && !player && !playerStarting && !onHls && connection && getAuth()) void startPlayer(connection, session);
    else if (session.state === 'ended' && (player || playerStarting || onHls)) stopPlayer();
  }

  /**
   * The relay says how this session travels (WHEP from its forwarder for public sessions by default,
   * P2P from the studio otherwise); the studio asked the same question, so both ends agree.
   */
  async function startPlayer(conn: RelayConnection, s: Session): Promise<void> {
    const generation = playerGeneration;
    playerStarting = true;
    let transport: 'p2p' | 'whip';
    const forced = forcedTransport();
    // A page left open before the live began asks afresh: the hints are only as good as they are recent.
    const prefetched = early && Date.now() - early.at < EARLY_HINTS_FRESH_MS ? early : null;
    early = null;
    const hint = await (prefetched?.hls ?? hlsHint());
    const hlsUrl = hlsFirst(forced, hint, hlsDown);
    if (hlsUrl) {
      playerStarting = false;
      if (generation === playerGeneration) store.setState({ hlsUrl, playerState: 'playing' });
      return;
    }
    if (forced === 'hls') {
      // The packager needs a few seconds after the live starts: ask again.
      playerStarting = false;
      if (generation === playerGeneration) setTimeout(syncPlayer, HINT_RETRY_MS);
      return;
    }
    let mediaHint: MediaHint;
    try {
      mediaHint = (await prefetched?.media) ?? (await getMediaHint(api, sessionId));
      transport = mediaHint.transport;
    } catch {
      playerStarting = false;
      if (generation === playerGeneration) setTimeout(syncPlayer, HINT_RETRY_MS);
      return;
    }
    playerStarting = false;
    if (generation !== playerGeneration || player) return;
    if (transport === 'whip' && forced !== 'webrtc') fallBackToHlsUnlessPlaying(generation);
    const channel = store.getState().channel ?? undefined;
    const p = createProgramPlayer({ connection: conn, api, sessionId, channel, hostId: s.hostId, sessionType: s.type, transport, getToken, firstMediaHint: mediaHint, firstIceServers: joinIceServers });
    joinIceServers = undefined;
    player = p;
    store.setState({ transport });
    p.on('stream', (stream) => store.setState({ stream }));
    p.on('state', (playerState) => store.setState({ playerState }));
    void p.play();
  }

  function stopPlayer(): void {
    playerGeneration++;
    playerStarting = false;
    player?.stop();
    player = null;
    store.setState({ stream: null, playerState: 'stopped', hlsUrl: null });
  }

  async function hlsHint(): Promise<HlsHint | null> {
    return api.call(routes.hlsHint, { params: { id: sessionId } }).then((r) => r.hls).catch(() => null);
  }

  /**
   * The live's LL-HLS stopped (its packager died): a viewer on it moves to WebRTC while the node
   * has room (`?transport=hls` stays: it was asked for). Viewers past the room stay and hls.js resumes.
   */
  async function moveOffHls(): Promise<void> {
    if (store.getState().hlsUrl === null || forcedTransport() === 'hls') return;
    const hint = await hlsHint();
    if (!hint?.webrtcHasRoom || !hlsDown || store.getState().hlsUrl === null) return;
    playerGeneration++;
    store.setState({ hlsUrl: null, playerState: 'idle' });
    syncPlayer();
  }

  /** WebRTC that does not connect (webrtc-fallback.ts says when): switch to LL-HLS when the live has it. */
  function fallBackToHlsUnlessPlaying(generation: number): void {
    const startedAt = Date.now();
    let answeredAt: number | null = null;
    const check = setInterval(() => {
      if (generation !== playerGeneration) return clearInterval(check);
      const { stream, playerState } = store.getState();
      answeredAt ??= stream ? Date.now() : null;
      const playing = playerState === 'playing';
      if (playing) return clearInterval(check);
      if (!shouldLeaveWebrtc({ now: Date.now(), startedAt, answeredAt, playing })) return;
      clearInterval(check);
      void hlsHint().then((hint) => {
        if (generation !== playerGeneration || store.getState().playerState === 'playing' || !hint?.masterUrl || hlsDown) return;
        player?.stop();
        player = null;
        store.setState({ hlsUrl: hint.masterUrl, playerState: 'playing' });
      });
    }, FALLBACK_CHECK_MS);
  }

  /** Names the viewer so they can chat: the silent account is renamed, any other identity becomes a named guest. */
  async function chooseName(displayName: string): Promise<string | null> {
    if (getAuth()?.auto) return nameSilentAccount(displayName);
    try {
      const identity = await signInAsGuest(api, displayName);
      // The named account holds the viewer link too (a private live opens to it only through the link).
      await redeemViewerLink();
      await joinAsParticipant(api, sessionId).catch(() => undefined);
      store.setState({ identity });
      stopPlayer();
      connection?.reauthenticate();
      syncPlayer();
      return null;
    } catch (err) {
      return describe(err);
    }
  }

  /** Same account, new name: the socket hears it on a fresh handshake; a WHEP player plays on untouched. */
  async function nameSilentAccount(displayName: string): Promise<string | null> {
    try {
      const identity = await nameSilentGuest(api, displayName);
      store.setState({ identity });
      const restartPlayer = store.getState().transport !== 'whip';
      if (restartPlayer) stopPlayer();
      connection?.reauthenticate();
      if (restartPlayer) syncPlayer();
      return null;
    } catch (err) {
      return describe(err);
    }
  }

  function dispose(): void {
    stopPlayer();
    stopReporting();
    void store.getState().channel?.stop();
    connection?.close();
  }

  return {
    store,
    sessionId,
    start,
    chooseName,
    dispose,
    getPlayer: () => player,
    onGift: (listener: (gift: GiftEvent) => void) => giftEvents.on('gift', listener),
    onWallet: (listener: (wallet: Wallet) => void) => giftEvents.on('wallet', listener),
  };
}

/** Takes a seat; returns the ICE servers the reply carries for this participant's player. */
async function joinAsParticipant(api: ApiClient, sessionId: string): Promise<RTCIceServer[]> {
  const { iceServers } = await api.call(routes.joinSession, { params: { id: sessionId } });
  return toRtcIceServers(iceServers);
}

/** A failure in the reader's language, by the relay's error code (a ban gets its own sentence). */
function describe(err: unknown): string {
  if (err instanceof RelayError && err.error.code === 'banned') return t('watch.bannedPage');
  return describeFailure(err);
}

export type WatchController = ReturnType<typeof createWatchController>;
