import type { SourcePacket } from './types.js';

/**
 * The video packets since the publisher's latest key frame, so a joining viewer can start decoding at
 * once instead of waiting for a requested key frame (a PLI round trip plus the encoder's next frame,
 * and up to KEYFRAME_MIN_INTERVAL_MS more when many join together). Only short groups are kept (about
 * one key frame and a few frames after it, ~100 kB): the group goes out to the joiner in one burst, and
 * a longer burst overflowed UDP socket buffers in the benchmark (loss for everyone). Past the cap the
 * joiner asks for a key frame instead.
 */
export const MAX_CACHED_PACKETS = 80;

export class KeyframeCache {
  private packets: SourcePacket[] = [];
  private valid = false;

  add(packet: SourcePacket): void {
    if (packet.kind !== 'video') return;
    if (packet.keyframeStart) {
      this.packets = [packet];
      this.valid = true;
      return;
    }
    if (!this.valid) return;
    if (this.packets.length >= MAX_CACHED_PACKETS) {
      this.packets = [];
      this.valid = false;
      return;
    }
    this.packets.push(packet);
  }

  /** The group to replay to a joiner, starting with a key frame; empty when there is none short enough. */
  snapshot(): SourcePacket[] {
    return this.valid ? [...this.packets] : [];
  }

  clear(): void {
    this.packets = [];
    this.valid = false;
  }
}
