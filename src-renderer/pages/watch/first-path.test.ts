import { describe, expect, it } from 'vitest';
import { hlsFirst } from './first-path.js';

const master = '/hls/live/master.m3u8';

describe('the path a /watch player starts on', () => {
  it('is WebRTC while this node has room, LL-HLS past it', () => {
    expect(hlsFirst(null, { masterUrl: master, webrtcHasRoom: true }, false)).toBeNull();
    expect(hlsFirst(null, { masterUrl: master, webrtcHasRoom: false }, false)).toBe(master);
  });

  it('is WebRTC past the room while the packager restarts, or when the live has no LL-HLS', () => {
    expect(hlsFirst(null, { masterUrl: master, webrtcHasRoom: false }, true)).toBeNull();
    expect(hlsFirst(null, { masterUrl: null, webrtcHasRoom: false }, false)).toBeNull();
    expect(hlsFirst(null, null, false)).toBeNull();
  });

  it('follows ?transport= when the live has LL-HLS', () => {
    expect(hlsFirst('hls', { masterUrl: master, webrtcHasRoom: true }, true)).toBe(master);
    expect(hlsFirst('webrtc', { masterUrl: master, webrtcHasRoom: false }, false)).toBeNull();
    expect(hlsFirst('hls', { masterUrl: null, webrtcHasRoom: true }, false)).toBeNull();
  });
});
