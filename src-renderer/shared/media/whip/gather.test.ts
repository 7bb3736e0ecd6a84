import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeCandidate, enoughCandidates, expectedCandidateTypes, GATHER_SETTLE_MS, GATHER_TIMEOUT_MS, type GatheringPeer } from './gather.js';

/** A peer connection reduced to what the wait reads: candidates and the gathering state, fired by hand. */
class FakePeer extends EventTarget implements GatheringPeer {
  iceGatheringState: RTCIceGatheringState = 'new';
  constructor(private readonly iceServers: RTCIceServer[] = []) {
    super();
  }
  getConfiguration(): RTCConfiguration {
    return { iceServers: this.iceServers };
  }
  candidate(line: string | null): void {
    this.dispatchEvent(Object.assign(new Event('icecandidate'), { candidate: line === null ? null : { candidate: line } }));
  }
  complete(): void {
    this.iceGatheringState = 'complete';
    this.dispatchEvent(new Event('icegatheringstatechange'));
  }
}

const HOST_UDP = 'candidate:1007234171 1 udp 2113937151 f31f4905-0f01-4ba0-a328-3e0dc93fbd88.local 48230 typ host generation 0 ufrag Bxvj';
const HOST_UDP_2 = 'candidate:997933259 1 udp 2113942271 bcbaf1f3-ecfa-4865-b336-40fbdf8fa5e9.local 46475 typ host generation 0 ufrag Bxvj';
const HOST_TCP = 'candidate:3 1 tcp 1518280447 192.168.1.4 9 typ host tcptype active generation 0';
const SRFLX = 'candidate:842163049 1 udp 1677729535 203.0.113.7 61244 typ srflx raddr 0.0.0.0 rport 0 generation 0';
const RELAY = 'candidate:4 1 udp 33562367 198.51.100.9 50000 typ relay raddr 203.0.113.7 rport 61244 generation 0';

describe('what a WHIP/WHEP offer waits for', () => {
  let resolved: boolean;
  const track = (p: Promise<void>) => void p.then(() => (resolved = true));
  beforeEach(() => {
    vi.useFakeTimers();
    resolved = false;
  });
  afterEach(() => vi.useRealTimers());

  it('reads the candidate types a configuration can produce', () => {
    expect([...expectedCandidateTypes([])]).toEqual(['host']);
    expect([...expectedCandidateTypes([{ urls: 'stun:stun.example:3478' }])]).toEqual(['host', 'srflx']);
    expect([...expectedCandidateTypes([{ urls: ['turns:turn.example:443?transport=tcp'], username: 'u', credential: 'c' }])]).toEqual(['host', 'relay']);
    expect(describeCandidate(SRFLX)).toEqual({ type: 'srflx', udp: true });
    expect(describeCandidate(HOST_TCP)).toEqual({ type: 'host', udp: false });
  });

  it('without ICE servers, leaves shortly after the host candidates instead of waiting for the TCP phase', async () => {
    const pc = new FakePeer();
    track(enoughCandidates(pc));
    pc.candidate(HOST_UDP);
    await vi.advanceTimersByTimeAsync(5);
    pc.candidate(HOST_UDP_2);
    await vi.advanceTimersByTimeAsync(GATHER_SETTLE_MS - 1);
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(resolved).toBe(true);
  });

  it('with a STUN server, waits for the server-reflexive candidate (the address a remote relay can reach)', async () => {
    const pc = new FakePeer([{ urls: 'stun:stun.example:3478' }]);
    track(enoughCandidates(pc));
    pc.candidate(HOST_UDP);
    await vi.advanceTimersByTimeAsync(500);
    expect(resolved).toBe(false);
    pc.candidate(SRFLX);
    await vi.advanceTimersByTimeAsync(GATHER_SETTLE_MS);
    expect(resolved).toBe(true);
  });

  it('with TURN, waits for the relayed candidate; TCP candidates do not count', async () => {
    const pc = new FakePeer([{ urls: 'turn:turn.example:3478', username: 'u', credential: 'c' }]);
    track(enoughCandidates(pc));
    pc.candidate(HOST_UDP);
    pc.candidate(HOST_TCP);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(resolved).toBe(false);
    pc.candidate(RELAY);
    await vi.advanceTimersByTimeAsync(GATHER_SETTLE_MS);
    expect(resolved).toBe(true);
  });

  it('ends when gathering completes, and at the timeout when the STUN server never answers', async () => {
    const complete = new FakePeer([{ urls: 'stun:stun.example:3478' }]);
    track(enoughCandidates(complete));
    complete.candidate(HOST_UDP);
    complete.complete();
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(true);

    resolved = false;
    const silent = new FakePeer([{ urls: 'stun:unreachable.example' }]);
    track(enoughCandidates(silent));
    silent.candidate(HOST_UDP);
    await vi.advanceTimersByTimeAsync(GATHER_TIMEOUT_MS - 1);
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(resolved).toBe(true);
  });
});
