import { describe, expect, it } from 'vitest';
import { DEFAULT_TRIM_POLICY, shouldTrim } from './heap-trim.js';

const MB = 2 ** 20;

describe('returning memory after a burst', () => {
  it('collects once the relay is quiet and the heap grew well past what the last collection left', () => {
    expect(shouldTrim({ committedBytes: 225 * MB, loopBusy: 0.05 }, 108 * MB)).toBe(true);
  });

  it('never pauses a busy relay, however big its heap', () => {
    expect(shouldTrim({ committedBytes: 900 * MB, loopBusy: DEFAULT_TRIM_POLICY.quietBelow }, 100 * MB)).toBe(false);
    expect(shouldTrim({ committedBytes: 900 * MB, loopBusy: 0.9 }, 100 * MB)).toBe(false);
  });

  it('leaves ordinary growth alone: under the factor, or under the minimum for a small heap', () => {
    expect(shouldTrim({ committedBytes: 140 * MB, loopBusy: 0 }, 100 * MB)).toBe(false);
    expect(shouldTrim({ committedBytes: 60 * MB, loopBusy: 0 }, 30 * MB)).toBe(false);
    expect(shouldTrim({ committedBytes: 95 * MB, loopBusy: 0 }, 30 * MB)).toBe(true);
  });
});
