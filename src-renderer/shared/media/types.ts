import type { MediaHint } from '../../../protocol/media.js';
import type { SessionType } from '../../../protocol/sessions.js';
import type { ApiClient } from '../api/client.js';
import type { RelayConnection } from '../realtime/connection.js';
import type { SessionChannel } from '../realtime/session-channel.js';

/** Everything a media manager needs from the outside: the socket, the HTTP client and the session. */
export interface MediaContext {
  connection: RelayConnection;
  api: ApiClient;
  sessionId: string;
  /**
   * The page's channel for this session. The relay relays signals only between sockets in the
   * session's room, so links (re)start when the channel (re)joins rather than at socket reconnect.
   */
  channel?: SessionChannel;
}

/** Numbers read from RTCPeerConnection.getStats for one link. */
export interface LinkStats {
  /** Video frames decoded so far (receiving side), 0 when none. */
  framesDecoded: number;
  /** Audio packets received so far (receiving side). */
  audioPacketsReceived: number;
  /** Total audio energy received (receiving side); grows only when sound arrives. */
  audioEnergy: number;
  /** Bytes sent/received on all RTP streams. */
  bytesSent: number;
  bytesReceived: number;
  /** Bits per second since the previous sample (send + receive), 0 on the first sample. */
  bitrate: number;
  /** Round-trip time of the selected candidate pair in seconds, when known. */
  rttSeconds: number | null;
}

/** A viewer's link as seen by the host. */
export interface ViewerLinkInfo {
  userId: string;
  state: RTCPeerConnectionState;
}

export interface ProgramPublisherEvents {
  'viewer:connected': { userId: string };
  'viewer:left': { userId: string };
  /**
   * Sampled every few seconds while publishing: one entry per viewer link, and `sentBitrate`, the bits per
   * second the studio sends now whatever the transport (the sum of the viewer links for P2P, the single
   * upload for WHIP), so callers never need to know which publisher they hold.
   */
  stats: { viewers: number; perViewer: Array<{ userId: string; stats: LinkStats }>; sentBitrate: number };
  error: { message: string };
  /**
   * The single upload of a WHIP publisher (P2P publishers do not emit it: each viewer has its own link).
   * `failed` carries why; the publisher keeps retrying with backoff, it never switches transport.
   */
  upload: UploadStatus;
}

export type UploadState = 'connecting' | 'sending' | 'failed';
export interface UploadStatus {
  state: UploadState;
  /** Why the last attempt failed (an error code from the relay, or a network error message). */
  reason?: string;
}

/**
 * Sends the program to every viewer of a session. P2P today (one RTCPeerConnection per viewer,
 * host is the offerer); a WHIP/SFU variant can implement the same interface.
 */
export interface ProgramPublisher {
  /** Starts answering viewers with `stream` (audio-only sessions send only its audio tracks). */
  publish(stream: MediaStream): Promise<void>;
  /** Swaps the tracks sent to every viewer without renegotiating when possible. */
  replaceStream(stream: MediaStream): Promise<void>;
  /** Closes every viewer link; the stream's tracks are NOT stopped (the caller owns them). */
  stop(): void;
  /** User ids of viewers whose link is connected now. */
  connectedViewers(): string[];
  on<K extends keyof ProgramPublisherEvents>(event: K, listener: (payload: ProgramPublisherEvents[K]) => void): () => void;
}

export type PlayerState = 'idle' | 'connecting' | 'playing' | 'reconnecting' | 'stopped';

export interface ProgramPlayerEvents {
  /** A (new) stream to attach to the <video>/<audio> element; fires again after a full reconnect. */
  stream: MediaStream;
  state: PlayerState;
  stats: LinkStats;
}

/** Receives the program of a session (viewer side). */
export interface ProgramPlayer {
  /** Asks the host for the program; resolves with the stream object tracks will arrive on. */
  play(): Promise<MediaStream>;
  readonly state: PlayerState;
  /** Current stats of the link (framesDecoded, audio energy, bitrate). */
  getStats(): Promise<LinkStats>;
  stop(): void;
  on<K extends keyof ProgramPlayerEvents>(event: K, listener: (payload: ProgramPlayerEvents[K]) => void): () => void;
}

export interface PublisherOptions extends MediaContext {
  sessionType: SessionType;
  /** 'p2p' (default): one link per viewer; 'whip': publish once to the relay's forwarder (see whip/). */
  transport?: 'p2p' | 'whip';
  /** Bearer token for WHIP requests (the sign-in cookie is sent too). */
  getToken?: () => string | null;
}

export interface PlayerOptions extends MediaContext {
  /** The session's host user id (the peer viewers signal). */
  hostId: string;
  sessionType: SessionType;
  /** 'p2p' (default): the host sends to us; 'whip': play with WHEP from the relay's forwarder (see whip/). */
  transport?: 'p2p' | 'whip';
  /** Bearer token for WHEP requests when signed in (public sessions play anonymously). */
  getToken?: () => string | null;
  /** The relay's media hint the page already holds: the first WHEP attempt skips asking again. */
  firstMediaHint?: MediaHint;
  /** The ICE servers the join reply carried: the first WHEP attempt skips asking `/ice-servers`. */
  firstIceServers?: RTCIceServer[];
}

/**
 * Each guest's return sound: the program without their own voice (mix-minus), so nobody hears
 * themselves back with a delay. Without it guests get the program's own sound.
 */
export interface ReturnAudio {
  track(userId: string): MediaStreamTrack;
  release(userId: string): void;
}

export interface GuestHostOptions extends MediaContext {
  returnAudio?: ReturnAudio;
}

/** A guest as seen by the host: their live camera+mic and the flags the host set. */
export interface RemoteGuest {
  userId: string;
  displayName: string;
  stream: MediaStream;
  state: RTCPeerConnectionState;
  audioEnabled: boolean;
  videoEnabled: boolean;
}

export interface GuestHostEvents {
  /** The set of guests changed (joined, left, stream or flags changed). */
  guests: RemoteGuest[];
  error: { message: string };
}

/** Host side of the host↔guest mesh: receives each on-stage guest's camera+mic, sends them the program. */
export interface GuestHost {
  /** The program sent back to guests (optional; guests see a black screen until set). */
  setProgram(stream: MediaStream | null): Promise<void>;
  guests(): RemoteGuest[];
  /** Host moderation: PATCH the participant; the guest page then disables its own track. */
  setGuestMedia(userId: string, flags: { audioEnabled?: boolean; videoEnabled?: boolean }): Promise<void>;
  stop(): void;
  on<K extends keyof GuestHostEvents>(event: K, listener: (payload: GuestHostEvents[K]) => void): () => void;
}

export type GuestLinkState = 'backstage' | 'connecting' | 'on-stage' | 'reconnecting' | 'left';

export interface GuestLinkEvents {
  state: GuestLinkState;
  /** The program coming back from the host. */
  program: MediaStream;
  /** What the host currently allows (audio/video flags from participants:update). */
  flags: { audioEnabled: boolean; videoEnabled: boolean };
}

/** Guest side: sends camera+mic to the host once on stage, receives the program back. */
export interface GuestLink {
  /** Sets (or replaces) the local camera+mic stream; tracks are disabled while the host says so. */
  setLocalStream(stream: MediaStream): Promise<void>;
  readonly state: GuestLinkState;
  getStats(): Promise<LinkStats>;
  /** Leaves the stage (POST leave) and closes the link. */
  leave(): Promise<void>;
  on<K extends keyof GuestLinkEvents>(event: K, listener: (payload: GuestLinkEvents[K]) => void): () => void;
}

export interface GuestLinkOptions extends MediaContext {
  hostId: string;
  /** The guest's own user id (to read its flags from participants:update). */
  selfId: string;
}
