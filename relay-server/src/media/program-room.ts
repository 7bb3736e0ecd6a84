import type { CodecLike } from './codecs.js';
import { KeyframeCache } from './keyframe-cache.js';
import { KeyframeRequester } from './keyframe-requester.js';
import type { ProgramSource } from './program-source.js';
import type { SourcePacket, ViewerLinkStats } from './types.js';
import type { ViewerLink } from './viewer-link.js';

/**
 * Key frame requests towards the publisher: at most one per this many milliseconds. libwebrtc encoders
 * ignore requests that come within 300 ms of the previous one, so a shorter interval would lose some.
 */
export const KEYFRAME_MIN_INTERVAL_MS = 400;

/** One session's program: at most one publisher, any number of viewers, each with its own queue. */
export class ProgramRoom {
  private publisher: ProgramSource | null = null;
  private readonly viewers = new Map<string, ViewerLink>();
  /** Viewers whose transport came up: only these count against MAX_LIVE_VIEWERS. */
  private readonly connected = new Set<string>();
  private readonly recent = new KeyframeCache();
  /** Local consumers of the raw program (media taps: HLS packager, multistreaming), each told when it ends. */
  private readonly taps = new Map<(packet: SourcePacket) => void, () => void>();
  readonly keyframes = new KeyframeRequester(() => this.publisher?.requestKeyframe(), KEYFRAME_MIN_INTERVAL_MS);

  constructor(readonly sessionId: string) {}

  /** Installs a publisher; a previous one is closed (the studio reconnected) and viewers carry on. */
  setPublisher(link: ProgramSource): void {
    const previous = this.publisher;
    this.publisher = link;
    if (previous && previous !== link) previous.close();
    this.recent.clear();
    if (this.viewers.size > 0) this.keyframes.request();
  }

  removePublisher(id: string): boolean {
    if (this.publisher?.id !== id) return false;
    this.publisher.close();
    this.publisher = null;
    this.recent.clear();
    return true;
  }

  get hasPublisher(): boolean {
    return this.publisher !== null;
  }

  /** Whether the publisher has sent media within the last `ms`. */
  publisherSentWithin(ms: number): boolean {
    return this.publisher !== null && performance.now() - this.publisher.lastPacketAt <= ms;
  }

  /** The codec viewers must decode, while a publisher is on. */
  get publisherVideoCodec(): CodecLike | null {
    return this.publisher?.videoCodec ?? null;
  }

  addViewer(link: ViewerLink): void {
    this.viewers.set(link.id, link);
  }

  removeViewer(id: string): boolean {
    const link = this.viewers.get(id);
    if (!link) return false;
    link.close();
    this.viewers.delete(id);
    this.connected.delete(id);
    return true;
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  get connectedViewerCount(): number {
    return this.connected.size;
  }

  get isEmpty(): boolean {
    return this.publisher === null && this.viewers.size === 0 && this.taps.size === 0;
  }

  /** Adds a tap: it gets every publisher packet until removed or the room closes (then `onEnd`). */
  addTap(onPacket: (packet: SourcePacket) => void, onEnd: () => void): () => void {
    this.taps.set(onPacket, onEnd);
    return () => {
      this.taps.delete(onPacket);
    };
  }

  /** Fans one publisher packet out to every viewer's queue; each queue drains on its own. */
  forward(packet: SourcePacket): void {
    this.recent.add(packet);
    for (const viewer of this.viewers.values()) viewer.enqueue(packet);
    for (const tap of this.taps.keys()) tap(packet);
  }

  /** A viewer's transport is up: it starts from the cached key frame group, or asks for a key frame. */
  viewerConnected(link: ViewerLink): void {
    this.connected.add(link.id);
    link.activate(this.recent.snapshot());
  }

  viewerStats(): ViewerLinkStats[] {
    return [...this.viewers.values()].map((v) => v.snapshot());
  }

  close(): void {
    this.keyframes.dispose();
    this.publisher?.close();
    this.publisher = null;
    for (const viewer of this.viewers.values()) viewer.close();
    this.viewers.clear();
    this.connected.clear();
    const ends = [...this.taps.values()];
    this.taps.clear();
    for (const end of ends) end();
  }
}
