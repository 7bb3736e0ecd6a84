/**
 * When a WHIP/WHEP offer (no trickle: every candidate travels inline) has what the server needs.
 *
 * Waiting for `iceGatheringState === 'complete'` costs about 125 ms even on a LAN: Chromium gathers in
 * phases 50 ms apart (UDP, relay, TCP) and only then says complete. The server side (the relay's werift
 * forwarder, or an external WHIP/WHEP server) connects over UDP, so the offer can leave once it carries
 * the UDP candidates the configuration can produce: host candidates, plus a server-reflexive one when a
 * STUN server is configured and a relayed one when a TURN server is; TCP candidates are not waited for.
 * A short quiet period after the last useful candidate lets the other interfaces' candidates of the same
 * phase arrive. Gathering that never produces them (STUN unreachable) still ends at the timeout.
 */

/** Longest wait before sending the offer with what was found. */
export const GATHER_TIMEOUT_MS = 3_000;
/** Quiet time after the last useful candidate (candidates of one phase arrive within a few ms). */
export const GATHER_SETTLE_MS = 20;

type CandidateType = 'host' | 'srflx' | 'relay' | 'prflx';

/** The candidate types the configured ICE servers can add beyond host candidates. */
export function expectedCandidateTypes(iceServers: readonly RTCIceServer[]): Set<CandidateType> {
  const types = new Set<CandidateType>(['host']);
  for (const server of iceServers) {
    for (const url of Array.isArray(server.urls) ? server.urls : [server.urls]) {
      if (/^stuns?:/i.test(url)) types.add('srflx');
      // A TURN server also answers STUN: its relayed candidate comes with a server-reflexive one.
      if (/^turns?:/i.test(url)) types.add('relay');
    }
  }
  return types;
}

/** A candidate's type and transport from its `candidate:` line. */
export function describeCandidate(line: string): { type: CandidateType | null; udp: boolean } {
  const type = /\btyp (host|srflx|relay|prflx)\b/.exec(line)?.[1] as CandidateType | undefined;
  const transport = /^candidate:\S+ \d+ (\w+) /i.exec(line)?.[1] ?? '';
  return { type: type ?? null, udp: transport.toLowerCase() === 'udp' };
}

/** The `candidate:` line an icecandidate event carries (null for the end-of-candidates event). */
function candidateLine(event: Event): string | null {
  const candidate: unknown = 'candidate' in event ? event.candidate : null;
  if (!candidate || typeof candidate !== 'object' || !('candidate' in candidate)) return null;
  return typeof candidate.candidate === 'string' && candidate.candidate !== '' ? candidate.candidate : null;
}

/** The parts of RTCPeerConnection the wait reads (structural, so it is testable without a browser). */
export interface GatheringPeer {
  readonly iceGatheringState: RTCIceGatheringState;
  getConfiguration(): RTCConfiguration;
  addEventListener(type: 'icecandidate' | 'icegatheringstatechange', listener: (event: Event) => void): void;
  removeEventListener(type: 'icecandidate' | 'icegatheringstatechange', listener: (event: Event) => void): void;
}

/**
 * Resolves once gathering is complete, or once every expected candidate type has a UDP candidate and
 * no further one came for GATHER_SETTLE_MS, or after GATHER_TIMEOUT_MS. Call it before
 * setLocalDescription so that no candidate event is missed.
 */
export function enoughCandidates(pc: GatheringPeer, timeoutMs = GATHER_TIMEOUT_MS, settleMs = GATHER_SETTLE_MS): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  const missing = expectedCandidateTypes(pc.getConfiguration().iceServers ?? []);
  return new Promise((resolve) => {
    let settle: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(timer);
      clearTimeout(settle);
      pc.removeEventListener('icecandidate', onCandidate);
      pc.removeEventListener('icegatheringstatechange', onState);
      resolve();
    };
    const onState = () => pc.iceGatheringState === 'complete' && done();
    const onCandidate = (event: Event) => {
      const line = candidateLine(event);
      if (!line) return;
      const { type, udp } = describeCandidate(line);
      if (!udp || !type) return;
      missing.delete(type);
      clearTimeout(settle);
      if (missing.size === 0) settle = setTimeout(done, settleMs);
    };
    const timer = setTimeout(done, timeoutMs);
    pc.addEventListener('icecandidate', onCandidate);
    pc.addEventListener('icegatheringstatechange', onState);
  });
}
