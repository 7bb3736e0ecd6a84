import { describe, expect, it } from 'vitest';
import { FAILED_GRACE_MS, HELLO_RETRY_MS, STUCK_MS, shouldStartOver, type LinkWatch } from './link-watchdog.js';

const watch = (over: Partial<LinkWatch>): LinkWatch => ({ state: 'new', offered: false, helloAt: 0, downSince: null, now: 0, ...over });

describe('link watchdog', () => {
  it('says hello again when nobody answered', () => {
    expect(shouldStartOver(watch({ now: HELLO_RETRY_MS - 1 }))).toBe(false);
    expect(shouldStartOver(watch({ now: HELLO_RETRY_MS + 1 }))).toBe(true);
  });

  it('leaves an answered link that is still connecting alone until it is stuck', () => {
    // The guest-link bug: a second hello after 5 s made the studio drop a link whose ICE was still running.
    expect(shouldStartOver(watch({ state: 'connecting', offered: true, now: HELLO_RETRY_MS + 1 }))).toBe(false);
    expect(shouldStartOver(watch({ state: 'connecting', offered: true, now: STUCK_MS - 1 }))).toBe(false);
    expect(shouldStartOver(watch({ state: 'connecting', offered: true, now: STUCK_MS + 1 }))).toBe(true);
  });

  it('never replaces a connected link', () => {
    expect(shouldStartOver(watch({ state: 'connected', offered: true, now: 10 * STUCK_MS }))).toBe(false);
  });

  it('gives a failed link a moment for its ICE restart, then starts over', () => {
    const failed = { state: 'failed' as const, offered: true, helloAt: 0, downSince: 100_000 };
    expect(shouldStartOver(watch({ ...failed, now: 100_000 + FAILED_GRACE_MS - 1 }))).toBe(false);
    expect(shouldStartOver(watch({ ...failed, now: 100_000 + FAILED_GRACE_MS + 1 }))).toBe(true);
  });

  it('gives a disconnected link its ICE restart time before starting over', () => {
    const down = { state: 'disconnected' as const, offered: true, helloAt: 0, downSince: 100_000 };
    expect(shouldStartOver(watch({ ...down, now: 100_000 + STUCK_MS - 1 }))).toBe(false);
    expect(shouldStartOver(watch({ ...down, now: 100_000 + STUCK_MS + 1 }))).toBe(true);
  });
});
