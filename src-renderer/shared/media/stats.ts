import type { LinkStats } from './types.js';

export const emptyStats = (): LinkStats => ({
  framesDecoded: 0,
  audioPacketsReceived: 0,
  audioEnergy: 0,
  bytesSent: 0,
  bytesReceived: 0,
  bitrate: 0,
  rttSeconds: null,
});

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * Sums the counters of one RTCPeerConnection's stats report. `previous` (with its sample time) gives
 * the bitrate since then.
 */
export function summarizeStats(report: RTCStatsReport, previous?: { stats: LinkStats; at: number }, now = Date.now()): LinkStats {
  const out = emptyStats();
  report.forEach((entry: Record<string, unknown>) => {
    if (entry.type === 'inbound-rtp') {
      out.bytesReceived += num(entry.bytesReceived);
      if (entry.kind === 'video') out.framesDecoded += num(entry.framesDecoded);
      if (entry.kind === 'audio') {
        out.audioPacketsReceived += num(entry.packetsReceived);
        out.audioEnergy += num(entry.totalAudioEnergy);
      }
    } else if (entry.type === 'outbound-rtp') {
      out.bytesSent += num(entry.bytesSent);
    } else if (entry.type === 'candidate-pair' && entry.nominated === true && entry.state === 'succeeded') {
      if (typeof entry.currentRoundTripTime === 'number') out.rttSeconds = entry.currentRoundTripTime;
    }
  });
  if (previous && now > previous.at) {
    const bytes = out.bytesSent + out.bytesReceived - previous.stats.bytesSent - previous.stats.bytesReceived;
    out.bitrate = Math.max(0, (bytes * 8 * 1000) / (now - previous.at));
  }
  return out;
}

/** Stats of one connection, with the bitrate since the previous call on the same sampler. */
export function createStatsSampler(pc: () => RTCPeerConnection | null): () => Promise<LinkStats> {
  let previous: { stats: LinkStats; at: number } | undefined;
  return async () => {
    const current = pc();
    if (!current) return emptyStats();
    const at = Date.now();
    const stats = summarizeStats(await current.getStats(), previous, at);
    previous = { stats, at };
    return stats;
  };
}
