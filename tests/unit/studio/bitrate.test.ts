import { describe, expect, it } from 'vitest';
import { outboundBitrate, outboundBytesSent } from '../../../src-renderer/shared/media/whip/outbound-stats.js';
import { totalBitrate } from '../../../src-renderer/shared/media/sent-bitrate.js';
import { toKbps } from '../../../src-renderer/studio/live/bitrate.js';

/** A stats report as getStats gives it: entries keyed by id. */
const report = (...entries: Array<Record<string, unknown>>) => new Map(entries.map((e, i) => [`e${i}`, e]));

describe('WHIP upload bitrate', () => {
  it('counts the bytes sent of outbound video and audio only', () => {
    const stats = report(
      { type: 'outbound-rtp', kind: 'video', bytesSent: 120_000 },
      { type: 'outbound-rtp', kind: 'audio', bytesSent: 8_000 },
      { type: 'inbound-rtp', kind: 'video', bytesReceived: 999_999 },
      { type: 'remote-inbound-rtp', kind: 'video', bytesSent: 555 },
      { type: 'transport', bytesSent: 500_000 },
      { type: 'outbound-rtp', kind: 'video' },
    );
    expect(outboundBytesSent(stats)).toBe(128_000);
    expect(outboundBytesSent(report())).toBe(0);
  });

  it('turns the bytes sent over the interval into bits per second', () => {
    // 250 000 bytes in 2 s = 1 Mb/s, shown as 1000 kb/s.
    const bits = outboundBitrate({ bytesSent: 1_000_000, at: 10_000 }, { bytesSent: 1_250_000, at: 12_000 });
    expect(bits).toBe(1_000_000);
    expect(toKbps(bits)).toBe(1000);
  });

  it('shows 0, not a made-up figure, on the first read, a new link, or no elapsed time', () => {
    expect(outboundBitrate(null, { bytesSent: 5_000, at: 1_000 })).toBe(0);
    // The link was replaced after a failure: its counters start from zero again.
    expect(outboundBitrate({ bytesSent: 900_000, at: 1_000 }, { bytesSent: 20_000, at: 3_000 })).toBe(0);
    expect(outboundBitrate({ bytesSent: 1_000, at: 3_000 }, { bytesSent: 2_000, at: 3_000 })).toBe(0);
  });
});

describe('studio bitrate figure', () => {
  it('sums the per-viewer links for P2P', () => {
    expect(totalBitrate([{ stats: { bitrate: 600_000 } }, { stats: { bitrate: 400_400 } }])).toBe(1_000_400);
    expect(toKbps(totalBitrate([{ stats: { bitrate: 600_000 } }, { stats: { bitrate: 400_400 } }]))).toBe(1000);
    expect(totalBitrate([])).toBe(0);
  });

  it('never shows a negative or NaN figure', () => {
    expect(toKbps(-5)).toBe(0);
    expect(toKbps(Number.NaN)).toBe(0);
    expect(toKbps(1499)).toBe(1);
  });
});
