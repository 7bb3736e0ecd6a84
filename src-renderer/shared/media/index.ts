/**
 * The media layer shared by the studio, the viewer page and the guest page.
 *
 * Studio (host):
 *   const publisher = createProgramPublisher({ connection, api, sessionId, sessionType });
 *   await publisher.publish(programStream);          // after POST /sessions/:id/start
 *   publisher.on('viewer:connected', ({ userId }) => …);
 *   await publisher.replaceStream(otherStream);       // e.g. new canvas/audio mix, no renegotiation
 *   publisher.stop();                                 // at the end (tracks stay yours)
 *
 *   const guests = createGuestHost({ connection, api, sessionId });
 *   guests.on('guests', (list) => …list[i].stream…);  // each on-stage guest's camera+mic
 *   await guests.setProgram(programStream);           // what guests see and hear back
 *   await guests.setGuestMedia(userId, { audioEnabled: false }); // host mutes a guest (enforced both ends)
 *
 * Viewer:  const player = createProgramPlayer({ connection, api, sessionId, hostId, sessionType });
 *          player.on('stream', (s) => (video.srcObject = s)); await player.play();
 * Guest:   const link = createGuestLink({ connection, api, sessionId, hostId, selfId });
 *          await link.setLocalStream(cameraAndMic); link.on('program', …); await link.leave();
 *
 * `connection` is a RelayConnection (shared/realtime) that has joined the session (a SessionChannel
 * does that); every participant must have POSTed /api/sessions/:id/join (or redeemed an invite).
 * Transport: direct P2P by default (one RTCPeerConnection per viewer, host offers), or `transport: 'whip'`
 * (whip/: the host publishes once with WHIP, viewers play with WHEP from the relay's forwarder or an
 * external media server). `await chooseTransport(api, sessionId)` asks the relay which one a session uses;
 * the studio (LiveController), the viewer page (watch-store) and the testbench all ask it and pass the
 * answer as `transport` (plus `getToken`), so publisher and viewers always agree. Never fall back to the
 * other transport on failure: the WHIP publisher reports `upload` {state:'failed', reason} and retries
 * with backoff; the WHEP player re-POSTs (backoff) when its link fails, never connects or carries no media.
 * A WHIP publish needs the session `starting`/`live`: publish after POST /start.
 */
import { P2PGuestHost } from './guest-host.js';
import { P2PGuestLink } from './guest-link.js';
import { P2PProgramPlayer } from './p2p-player.js';
import { P2PProgramPublisher } from './p2p-publisher.js';
import { WhepProgramPlayer, WhipProgramPublisher } from './whip/index.js';
import type {
  GuestHost,
  GuestHostOptions,
  GuestLink,
  GuestLinkOptions,
  PlayerOptions,
  ProgramPlayer,
  ProgramPublisher,
  PublisherOptions,
} from './types.js';

/** The host's program sender (P2P: one link per viewer, audio sessions send audio only). */
export function createProgramPublisher(options: PublisherOptions): ProgramPublisher {
  return options.transport === 'whip' ? new WhipProgramPublisher(options) : new P2PProgramPublisher(options);
}

/** A viewer's program receiver; recovers by itself (ICE restart, fresh link on reconnect). */
export function createProgramPlayer(options: PlayerOptions): ProgramPlayer {
  return options.transport === 'whip' ? new WhepProgramPlayer(options) : new P2PProgramPlayer(options);
}

/** Host side of the guest mesh: receives guests' camera+mic, sends them the program. */
export function createGuestHost(options: GuestHostOptions): GuestHost {
  return new P2PGuestHost(options);
}

/** Guest side: sends camera+mic to the host once on stage, receives the program back. */
export function createGuestLink(options: GuestLinkOptions): GuestLink & { setParticipant: P2PGuestLink['setParticipant'] } {
  return new P2PGuestLink(options);
}

export { getIceServers, toRtcIceServers } from './ice.js';
export { chooseTransport, getMediaHint } from './whip/index.js';
export { PeerLink } from './peer-link.js';
export { SignalRouter } from './signal-router.js';
export { summarizeStats, createStatsSampler, emptyStats } from './stats.js';
export { PROGRAM_CHANNEL } from './p2p-publisher.js';
export { GUEST_CHANNEL } from './guest-host.js';
export type * from './types.js';
