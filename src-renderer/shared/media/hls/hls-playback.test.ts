import { describe, expect, it } from 'vitest';
import { jumpToLiveWhenFarBehind } from './hls-playback.js';

describe('an LL-HLS viewer who fell behind the live', () => {
  /** A playhead at `currentTime` with media buffered from 0 to `bufferedTo`. */
  const video = (currentTime: number, paused = false, bufferedTo = 60) => ({
    currentTime,
    paused,
    seeking: false,
    buffered: { length: 1, start: () => 0, end: () => bufferedTo },
  });

  it('jumps to the live position when more than 3 s behind the target latency', () => {
    const player = video(10);
    jumpToLiveWhenFarBehind({ latency: 6, targetLatency: 1.5, liveSyncPosition: 14.5 }, player);
    expect(player.currentTime).toBe(14.5);
  });

  it('stays put when close enough to catch up by playing faster, or when paused by the viewer', () => {
    const near = video(10);
    jumpToLiveWhenFarBehind({ latency: 4, targetLatency: 1.5, liveSyncPosition: 12.5 }, near);
    expect(near.currentTime).toBe(10);
    const paused = video(10, true);
    jumpToLiveWhenFarBehind({ latency: 30, targetLatency: 1.5, liveSyncPosition: 38.5 }, paused);
    expect(paused.currentTime).toBe(10);
  });

  it('leaves a viewer whose media is late to hls.js: no seek to where nothing has arrived', () => {
    const starved = video(10, false, 10.2);
    jumpToLiveWhenFarBehind({ latency: 6, targetLatency: 1.5, liveSyncPosition: 14.5 }, starved);
    expect(starved.currentTime).toBe(10);
  });

  it('does nothing before hls.js knows the live edge', () => {
    const player = video(0);
    jumpToLiveWhenFarBehind({ latency: Number.NaN, targetLatency: null, liveSyncPosition: null }, player);
    expect(player.currentTime).toBe(0);
  });
});
