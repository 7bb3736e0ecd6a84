import { describe, expect, it } from 'vitest';
import { ANSWER_CAP_MS, WEBRTC_GRACE_MS, shouldLeaveWebrtc } from './webrtc-fallback.js';

describe('when /watch leaves WebRTC for LL-HLS', () => {
  it('never while the peer connection is connected', () => {
    expect(shouldLeaveWebrtc({ now: 60_000, startedAt: 0, answeredAt: 100, playing: true })).toBe(false);
  });

  it('three seconds after an answer that never connected (a network that blocks WebRTC)', () => {
    expect(shouldLeaveWebrtc({ now: 500 + WEBRTC_GRACE_MS - 1, startedAt: 0, answeredAt: 500, playing: false })).toBe(false);
    expect(shouldLeaveWebrtc({ now: 500 + WEBRTC_GRACE_MS, startedAt: 0, answeredAt: 500, playing: false })).toBe(true);
  });

  it('not merely because a slow device or a busy relay has not answered within three seconds', () => {
    expect(shouldLeaveWebrtc({ now: 4_000, startedAt: 0, answeredAt: null, playing: false })).toBe(false);
    // Answered late: the three seconds count from the answer.
    expect(shouldLeaveWebrtc({ now: 6_000, startedAt: 0, answeredAt: 4_000, playing: false })).toBe(false);
  });

  it('when no answer came at all within the cap (refused, unreachable)', () => {
    expect(shouldLeaveWebrtc({ now: ANSWER_CAP_MS, startedAt: 0, answeredAt: null, playing: false })).toBe(true);
  });
});
