import { describe, expect, it } from 'vitest';
import { RelayError } from '../../api/client.js';
import { Backoff, reasonOf } from './backoff.js';

describe('Backoff (WHIP/WHEP re-POST pacing)', () => {
  it('waits longer after each failure, never past the cap, and starts over after a success', () => {
    const backoff = new Backoff(1_000, 30_000);
    const waits = Array.from({ length: 8 }, () => backoff.next());
    // ±25 % jitter around 1, 2, 4, 8, 16, 30, 30, 30 s.
    [1, 2, 4, 8, 16, 30, 30, 30].forEach((s, i) => {
      expect(waits[i]).toBeGreaterThanOrEqual(s * 750);
      expect(waits[i]).toBeLessThanOrEqual(s * 1250);
    });
    backoff.reset();
    expect(backoff.next()).toBeLessThanOrEqual(1_250);
  });
});

describe('reasonOf', () => {
  it('names why an upload failed: the relay error code, or "unavailable" when nothing answered', () => {
    expect(reasonOf(new RelayError(409, { code: 'invalid_transition', message: 'not live' }))).toBe('invalid_transition');
    expect(reasonOf(new TypeError('Failed to fetch'))).toBe('unavailable');
    expect(reasonOf(new Error('media_unreachable'))).toBe('media_unreachable');
  });
});
