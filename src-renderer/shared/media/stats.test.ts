import { describe, expect, it } from 'vitest';
import { summarizeStats } from './stats.js';

/** A stats report as RTCPeerConnection.getStats gives it: a map of id → stats entry. */
const report = (entries: Array<Record<string, unknown>>): RTCStatsReport =>
  new Map(entries.map((e, i) => [String(i), e])) as unknown as RTCStatsReport;

describe('summarizeStats', () => {
  const sample = report([
    { type: 'inbound-rtp', kind: 'video', framesDecoded: 120, bytesReceived: 50_000 },
    { type: 'inbound-rtp', kind: 'audio', packetsReceived: 300, totalAudioEnergy: 0.5, bytesReceived: 10_000 },
    { type: 'outbound-rtp', kind: 'video', bytesSent: 2_000 },
    { type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.012 },
    { type: 'candidate-pair', nominated: false, state: 'failed', currentRoundTripTime: 9 },
  ]);

  it('adds up what a viewer received and the round trip of the selected pair', () => {
    const s = summarizeStats(sample);
    expect(s).toMatchObject({ framesDecoded: 120, audioPacketsReceived: 300, audioEnergy: 0.5, bytesReceived: 60_000, bytesSent: 2_000, rttSeconds: 0.012 });
    expect(s.bitrate).toBe(0);
  });

  it('gives the bitrate since the previous sample', () => {
    const first = summarizeStats(sample, undefined, 1_000);
    const later = report([{ type: 'inbound-rtp', kind: 'video', framesDecoded: 150, bytesReceived: 187_000 }]);
    // 187 000 - 62 000 bytes in 1 s = 1 Mbit/s.
    expect(summarizeStats(later, { stats: first, at: 1_000 }, 2_000).bitrate).toBe(1_000_000);
  });

  it('ignores missing or non-numeric counters', () => {
    expect(summarizeStats(report([{ type: 'inbound-rtp', kind: 'video', framesDecoded: 'x' }])).framesDecoded).toBe(0);
  });
});
