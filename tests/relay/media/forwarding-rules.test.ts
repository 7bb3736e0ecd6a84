import { describe, expect, it } from 'vitest';
import { KeyframeCache, MAX_CACHED_PACKETS } from '../../../relay-server/src/media/keyframe-cache.js';
import { KeyframeRequester } from '../../../relay-server/src/media/keyframe-requester.js';
import { RtpRewriter } from '../../../relay-server/src/media/rtp-rewriter.js';
import type { SourcePacket } from '../../../relay-server/src/media/types.js';
import { isVp8KeyframeStart } from '../../../relay-server/src/media/vp8.js';

const hex = (s: string) => Buffer.from(s, 'hex');

describe('VP8 key frame detection', () => {
  it('recognises the first packet of a key frame as libwebrtc sends it (extended descriptor, 15-bit picture id)', () => {
    // Captured from @roamhq/wrtc: X=1 S=1 PID=0, I=1, M=1 picture id, then the VP8 header with P=0.
    expect(isVp8KeyframeStart(hex('9080ae94b010009d'))).toBe(true);
  });

  it('rejects inter frames, continuation packets and truncated payloads', () => {
    expect(isVp8KeyframeStart(hex('9080ae95b1'))).toBe(false); // P=1: inter frame
    expect(isVp8KeyframeStart(hex('8080ae95b010009d'))).toBe(false); // S=0: not a partition start
    expect(isVp8KeyframeStart(hex('9080ae'))).toBe(false); // no VP8 header
    expect(isVp8KeyframeStart(hex(''))).toBe(false);
  });
});

const packet = (ssrc: number, sequenceNumber: number, timestamp: number): SourcePacket => ({
  kind: 'video',
  ssrc,
  sequenceNumber,
  timestamp,
  marker: false,
  payload: Buffer.alloc(0),
  codec: { mimeType: 'video/VP8', payloadType: 96 },
  keyframeStart: false,
});

describe('per-viewer RTP rewriting', () => {
  it('closes the gaps a viewer skipped on purpose, so it sees no loss', () => {
    const rewriter = new RtpRewriter();
    expect(rewriter.map(packet(1, 100, 9000)).sequenceNumber).toBe(100);
    rewriter.skip(packet(1, 101, 9000));
    rewriter.skip(packet(1, 102, 12000));
    expect(rewriter.map(packet(1, 103, 12000)).sequenceNumber).toBe(101);
  });

  it('wraps sequence numbers at 16 bits', () => {
    const rewriter = new RtpRewriter();
    rewriter.skip(packet(1, 0, 0));
    expect(rewriter.map(packet(1, 0, 0)).sequenceNumber).toBe(65535);
  });

  it('continues right after the last packet when the publisher is replaced (new SSRC and random start)', () => {
    const rewriter = new RtpRewriter();
    rewriter.map(packet(1, 500, 90_000));
    const next = rewriter.map(packet(2, 40_000, 7));
    expect(next).toEqual({ sequenceNumber: 501, timestamp: 93_000 });
    expect(rewriter.map(packet(2, 40_001, 3007))).toEqual({ sequenceNumber: 502, timestamp: 96_000 });
  });
});

describe('key frame request rate limit', () => {
  it('turns a burst of requests into one now and one trailing request', async () => {
    let sent = 0;
    let trailing: () => void = () => undefined;
    const trailingSent = new Promise<void>((resolve) => (trailing = resolve));
    const requester = new KeyframeRequester(() => {
      sent += 1;
      if (sent === 2) trailing();
    }, 20);
    requester.request();
    requester.request();
    requester.request();
    expect(sent).toBe(1);
    await trailingSent;
    expect(sent).toBe(2);
    requester.dispose();
  });
});

describe('key frame cache for joiners', () => {
  const video = (keyframeStart: boolean, sequenceNumber: number): SourcePacket => ({ ...packet(1, sequenceNumber, 0), keyframeStart });

  it('offers the group since the latest key frame, starting with it', () => {
    const cache = new KeyframeCache();
    cache.add(video(false, 1)); // before any key frame: nothing to offer
    expect(cache.snapshot()).toEqual([]);
    cache.add(video(true, 2));
    cache.add(video(false, 3));
    expect(cache.snapshot().map((p) => p.sequenceNumber)).toEqual([2, 3]);
    cache.add(video(true, 4));
    expect(cache.snapshot().map((p) => p.sequenceNumber)).toEqual([4]);
  });

  it('gives up on a group too long to replay, until the next key frame', () => {
    const cache = new KeyframeCache();
    cache.add(video(true, 0));
    for (let i = 1; i <= MAX_CACHED_PACKETS; i++) cache.add(video(false, i));
    expect(cache.snapshot()).toEqual([]);
    cache.add(video(true, 9999));
    expect(cache.snapshot()).toHaveLength(1);
  });
});
