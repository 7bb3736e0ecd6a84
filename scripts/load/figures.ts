/** What the run measured so far, shared by every synthetic client. */
export class Figures {
  readonly startedAt = performance.now();
  viewersJoined = 0;
  viewersFailed = 0;
  chattersJoined = 0;
  sent = 0;
  sendFailed = 0;
  delivered = 0;
  latencies: number[] = [];
  errors = new Map<string, number>();
  whepConnected = 0;
  whepFailed = 0;
  rtpPackets = 0;
  /** Video RTP received by the WHEP subscribers (packets, and payload bytes as WebRTC stats count them). */
  videoPackets = 0;
  videoBytes = 0;
  /** clientMessageId → performance.now() at emit: viewers turn a delivery into a latency. */
  readonly inFlight = new Map<string, number>();

  error(code: string): void {
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
  }

  elapsedS(): number {
    return (performance.now() - this.startedAt) / 1000;
  }
}

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! * 10) / 10;
}

const ms = (v: number | null) => (v === null ? '–' : `${v} ms`);

/** One line of live figures. */
export function liveLine(f: Figures, viewers: number, lastDelivered: number, intervalS: number): string {
  const errors = [...f.errors.values()].reduce((a, b) => a + b, 0);
  return [
    `t=${f.elapsedS().toFixed(0)}s`,
    `viewers ${f.viewersJoined}/${viewers}`,
    `sent ${f.sent}`,
    `delivered ${f.delivered} (${Math.round((f.delivered - lastDelivered) / intervalS)}/s)`,
    `p50 ${ms(percentile(f.latencies, 50))}`,
    `p99 ${ms(percentile(f.latencies, 99))}`,
    `errors ${errors}`,
    ...(f.whepConnected + f.whepFailed > 0 ? [`whep ${f.whepConnected} up, ${f.rtpPackets} RTP packets`] : []),
  ].join(' · ');
}
