import { randomUUID } from 'node:crypto';
import type { RTCPeerConnection } from 'werift';
import { AppError, fail } from '../core/errors.js';
import { unforwardableReason, type CodecLike } from './codecs.js';
import { addSendTransceivers, answerOffer, createPeer } from './peer.js';
import { ProgramRoom } from './program-room.js';
import { PublisherLink } from './publisher-link.js';
import type { TapSource } from './tap/rtp-tap.js';
import type { AttachableSource } from './rtp-source.js';
import type { ViewerLinkStats } from './types.js';
import { ViewerLink } from './viewer-link.js';

/** whip: a WebRTC publisher; whep: a viewer; source: a publisher fed another way (RTMP ingest through ffmpeg). */
export type ResourceKind = 'whip' | 'whep' | 'source';

export interface ForwarderOptions {
  /** Host addresses offered besides the machine's interfaces (127.0.0.1 for peers on the same host). */
  additionalHostAddresses: string[];
  /** A peer that has not connected by then is dropped. */
  connectTimeoutMs: number;
  maxViewersPerSession: number;
  /** Peers that have not connected yet: on this node, and per client (an address, or an account). */
  maxPending: { total: number; perClient: number };
  /** Passed to werift for gathering (a STUN server at least: see StunResponder). */
  iceServers: Array<{ urls: string; username?: string; credential?: string }>;
}

/** A created WHIP or WHEP resource: what the HTTP adapter answers with. */
export interface MediaResource {
  resourceId: string;
  sessionId: string;
  kind: ResourceKind;
  answerSdp: string;
}

interface ResourceEntry {
  sessionId: string;
  kind: ResourceKind;
}

/** What a client waiting on a half-open peer is told to wait before offering again. */
const PENDING_RETRY_SECONDS = 2;

/** 406 before any peer is made for an offer whose audio or video has no codec we relay. */
function requireForwardable(offerSdp: string, required?: CodecLike): void {
  const reason = unforwardableReason(offerSdp, required);
  if (reason) throw fail.unsupportedCodec(reason);
}

/**
 * The embedded selective forwarding unit: one ProgramRoom per live session, publishers in by WHIP,
 * viewers out by WHEP. Plain TypeScript over werift; knows nothing of HTTP or authorisation.
 */
export class Forwarder {
  private readonly rooms = new Map<string, ProgramRoom>();
  private readonly resources = new Map<string, ResourceEntry>();
  /** Half-open peers (offer answered, transport not up): resource id → client key. */
  private readonly pending = new Map<string, string>();

  constructor(private readonly options: ForwarderOptions) {}

  async publish(sessionId: string, offerSdp: string, client: string): Promise<MediaResource> {
    requireForwardable(offerSdp);
    const resourceId = randomUUID();
    this.admitPending(resourceId, client);
    const pc = this.peer('publisher');
    const room = this.roomFor(sessionId);
    const link = new PublisherLink(resourceId, pc, (packet) => room.forward(packet));
    const answerSdp = await this.whilePending(resourceId, () => this.negotiate(pc, offerSdp, sessionId, 'publisher'));
    this.register(resourceId, { sessionId, kind: 'whip' }, pc);
    room.setPublisher(link);
    this.dropReplacedPublishers(sessionId, resourceId);
    return { resourceId, sessionId, kind: 'whip', answerSdp };
  }

  /**
   * Makes a non-WebRTC source (an RTMP encoder's RTP from ffmpeg) the session's publisher, replacing any
   * other, as a WHIP publish would. Its resource id is the source's id; `stop(id)` ends it.
   */
  attach(sessionId: string, source: AttachableSource): void {
    const room = this.roomFor(sessionId);
    this.resources.set(source.id, { sessionId, kind: 'source' });
    source.start((packet) => room.forward(packet));
    room.setPublisher(source);
    this.dropReplacedPublishers(sessionId, source.id);
  }

  /**
   * A viewer counts against MAX_LIVE_VIEWERS once its transport is up (a half-open offer holds no seat);
   * half-open peers are capped per client and on the node instead (see admitPending).
   */
  async play(sessionId: string, offerSdp: string, client: string): Promise<MediaResource> {
    const existing = this.rooms.get(sessionId);
    if (this.isFull(sessionId)) throw fail.sessionFull();
    requireForwardable(offerSdp, existing?.publisherVideoCodec ?? undefined);
    const resourceId = randomUUID();
    this.admitPending(resourceId, client);
    const pc = this.peer('viewer');
    addSendTransceivers(pc, offerSdp);
    const room = this.roomFor(sessionId);
    const link = new ViewerLink(resourceId, pc, { needKeyframe: () => room.keyframes.request() });
    const answerSdp = await this.whilePending(resourceId, () => this.negotiate(pc, offerSdp, sessionId, 'viewer'));
    link.bindSenders();
    room.addViewer(link);
    this.register(resourceId, { sessionId, kind: 'whep' }, pc, () => {
      // Checked and counted in one synchronous step: concurrent offers cannot pass the cap together.
      if (this.isFull(sessionId)) this.stop(resourceId);
      else room.viewerConnected(link);
    });
    return { resourceId, sessionId, kind: 'whep', answerSdp };
  }

  /** The resource's kind, if it exists and belongs to this session. */
  resourceKind(sessionId: string, resourceId: string): ResourceKind | null {
    const entry = this.resources.get(resourceId);
    return entry && entry.sessionId === sessionId ? entry.kind : null;
  }

  /** Ends one resource; false when it does not exist. */
  stop(resourceId: string): boolean {
    const entry = this.resources.get(resourceId);
    if (!entry) return false;
    this.resources.delete(resourceId);
    this.pending.delete(resourceId);
    const room = this.rooms.get(entry.sessionId);
    if (room) {
      if (entry.kind !== 'whep') room.removePublisher(resourceId);
      else room.removeViewer(resourceId);
      if (room.isEmpty) this.dropRoom(entry.sessionId);
    }
    return true;
  }

  /** Ends every resource of a session (the session ended). */
  closeSession(sessionId: string): void {
    for (const [id, entry] of this.resources) {
      if (entry.sessionId !== sessionId) continue;
      this.resources.delete(id);
      this.pending.delete(id);
    }
    this.dropRoom(sessionId);
  }

  close(): void {
    for (const sessionId of [...this.rooms.keys()]) this.closeSession(sessionId);
  }

  isPublishing(sessionId: string): boolean {
    return this.rooms.get(sessionId)?.hasPublisher ?? false;
  }

  /** A publisher is on and has sent media within `ms` (a live encoder, not a vanished one). */
  isReceiving(sessionId: string, ms: number): boolean {
    return this.rooms.get(sessionId)?.publisherSentWithin(ms) ?? false;
  }

  /**
   * The session's program for a local consumer (media tap). Subscribing keeps the room open until the
   * tap unsubscribes or the session's media closes.
   */
  tapSource(sessionId: string): TapSource {
    return {
      subscribe: (onPacket, onEnd) => {
        const room = this.roomFor(sessionId);
        const remove = room.addTap(onPacket, onEnd);
        return () => {
          remove();
          if (this.rooms.get(sessionId) === room && room.isEmpty) this.dropRoom(sessionId);
        };
      },
      requestKeyframe: () => this.rooms.get(sessionId)?.keyframes.request(),
    };
  }

  /** WHEP viewers connected on this node, all sessions together (WEBRTC_VIEWERS_PER_NODE counts these). */
  connectedViewerTotal(): number {
    let total = 0;
    for (const room of this.rooms.values()) total += room.connectedViewerCount;
    return total;
  }

  /** Sessions with media on this node (a publisher, viewers or taps). */
  sessionIds(): string[] {
    return [...this.rooms.keys()];
  }

  /** Sessions with a publisher on this node. */
  publishingSessions(): string[] {
    return [...this.rooms.entries()].filter(([, room]) => room.hasPublisher).map(([id]) => id);
  }

  viewerStats(sessionId: string): ViewerLinkStats[] {
    return this.rooms.get(sessionId)?.viewerStats() ?? [];
  }

  private peer(role: 'publisher' | 'viewer'): RTCPeerConnection {
    const { additionalHostAddresses, iceServers } = this.options;
    return createPeer({ role, additionalHostAddresses, iceServers });
  }

  private roomFor(sessionId: string): ProgramRoom {
    let room = this.rooms.get(sessionId);
    if (!room) {
      room = new ProgramRoom(sessionId);
      this.rooms.set(sessionId, room);
    }
    return room;
  }

  private dropRoom(sessionId: string): void {
    this.rooms.get(sessionId)?.close();
    this.rooms.delete(sessionId);
  }

  /** werift rejects offers it cannot answer (no common codec, broken lines): that is the client's 400. */
  private async negotiate(pc: RTCPeerConnection, offerSdp: string, sessionId: string, role: 'publisher' | 'viewer'): Promise<string> {
    try {
      return await answerOffer(pc, offerSdp, role);
    } catch (err) {
      void pc.close().catch(() => undefined);
      if (this.rooms.get(sessionId)?.isEmpty) this.dropRoom(sessionId);
      const reason = err instanceof Error ? err.message : 'unreadable offer';
      throw fail.invalidInput(`The SDP offer cannot be answered: ${reason}`);
    }
  }

  /** Half-open peers now (tests and the raid bench read it). */
  get pendingCount(): number {
    return this.pending.size;
  }

  private isFull(sessionId: string): boolean {
    return (this.rooms.get(sessionId)?.connectedViewerCount ?? 0) >= this.options.maxViewersPerSession;
  }

  /**
   * Each half-open peer holds a peer connection and UDP sockets until it connects or times out: one
   * client gets 429 past its share, and the node 503 past its total (both with Retry-After).
   */
  private admitPending(resourceId: string, client: string): void {
    const { total, perClient } = this.options.maxPending;
    if (this.pending.size >= total) {
      throw new AppError('unavailable', 'The media server is busy connecting other viewers, try again shortly', { retryAfterSeconds: PENDING_RETRY_SECONDS }, PENDING_RETRY_SECONDS);
    }
    let mine = 0;
    for (const key of this.pending.values()) if (key === client) mine++;
    if (mine >= perClient) throw fail.rateLimited(PENDING_RETRY_SECONDS, 'Too many connections still being set up from here, try again shortly');
    // Taken before the first await, so concurrent offers see each other.
    this.pending.set(resourceId, client);
  }

  /** Gives the pending slot back when the offer fails before its peer is registered. */
  private async whilePending<T>(resourceId: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      this.pending.delete(resourceId);
      throw err;
    }
  }

  private register(resourceId: string, entry: ResourceEntry, pc: RTCPeerConnection, onConnected?: () => void): void {
    this.resources.set(resourceId, entry);
    const timeout = setTimeout(() => this.stop(resourceId), this.options.connectTimeoutMs);
    timeout.unref();
    pc.connectionStateChange.subscribe((state) => {
      if (state === 'connected') {
        clearTimeout(timeout);
        this.pending.delete(resourceId);
        onConnected?.();
      } else if (state === 'failed' || state === 'closed') {
        clearTimeout(timeout);
        this.stop(resourceId);
      }
    });
  }

  private dropReplacedPublishers(sessionId: string, keep: string): void {
    for (const [id, entry] of this.resources) {
      if (id !== keep && entry.sessionId === sessionId && entry.kind !== 'whep') this.resources.delete(id);
    }
  }
}
