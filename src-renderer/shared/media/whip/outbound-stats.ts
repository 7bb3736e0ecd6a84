/**
 * The WHIP upload's outbound maths, kept free of DOM types so it is unit-tested under Node.
 */

/** What a stats report is to the outbound maths: entries of unknown shape (RTCStatsReport fits). */
export interface StatsEntries {
  forEach(callback: (entry: Record<string, unknown>) => void): void;
}

/** Bytes the upload had sent (outbound-rtp, video + audio) at time `at` (ms). */
export interface OutboundSample {
  bytesSent: number;
  at: number;
}

export interface OutboundStats {
  bytesSent: number;
  /** Bits per second since the previous read; 0 on the first read of a link. */
  bitrate: number;
}

/** Sums `bytesSent` of the report's outbound-rtp entries for video and audio. */
export function outboundBytesSent(report: StatsEntries): number {
  let bytes = 0;
  report.forEach((entry) => {
    if (entry.type !== 'outbound-rtp' || (entry.kind !== 'video' && entry.kind !== 'audio')) return;
    if (typeof entry.bytesSent === 'number' && Number.isFinite(entry.bytesSent)) bytes += entry.bytesSent;
  });
  return bytes;
}

/**
 * Bits per second between two samples of the same link. No previous sample, no elapsed time, or
 * counters that went down (a new link started from zero) give 0 rather than a made-up figure.
 */
export function outboundBitrate(previous: OutboundSample | null, current: OutboundSample): number {
  if (!previous || current.at <= previous.at || current.bytesSent < previous.bytesSent) return 0;
  return ((current.bytesSent - previous.bytesSent) * 8 * 1000) / (current.at - previous.at);
}
