import { describe, expect, it } from 'vitest';
import { whipCodecOrder } from './negotiate.js';

/** Chromium 13x's video sender capabilities, as getCapabilities lists them. */
const chromium = [
  { mimeType: 'video/VP8' },
  { mimeType: 'video/rtx' },
  { mimeType: 'video/H264', sdpFmtpLine: 'level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f' },
  { mimeType: 'video/H264', sdpFmtpLine: 'level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42001f' },
  { mimeType: 'video/H264', sdpFmtpLine: 'level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f' },
  { mimeType: 'video/H264', sdpFmtpLine: 'level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=4d001f' },
  { mimeType: 'video/AV1', sdpFmtpLine: 'level-idx=5;profile=0;tier=0' },
  { mimeType: 'video/VP9', sdpFmtpLine: 'profile-id=0' },
  { mimeType: 'video/red' },
];

describe('codec order of the studio WHIP upload', () => {
  it('puts mode-1 H.264 first (constrained baseline leading), then VP8, and drops what the relay does not forward', () => {
    const order = whipCodecOrder(chromium).map((c) => `${c.mimeType} ${/profile-level-id=(\w+)/.exec(c.sdpFmtpLine ?? '')?.[1] ?? ''}`.trim());
    expect(order).toEqual(['video/H264 42e01f', 'video/H264 42001f', 'video/H264 4d001f', 'video/VP8', 'video/rtx']);
  });

  it('falls back to VP8 where the browser has no H.264 encoder', () => {
    expect(whipCodecOrder(chromium.filter((c) => c.mimeType !== 'video/H264')).map((c) => c.mimeType)).toEqual(['video/VP8', 'video/rtx']);
  });
});
