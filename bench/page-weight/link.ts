/**
 * A slow mobile link in user space: a TCP proxy that gives every byte a one-way delay and a shared rate per
 * direction, like `tc netem delay … rate …` on the viewer's side. This machine's kernel has no netem
 * (`tc qdisc add dev lo root netem` → "Specified qdisc kind is unknown"), so the bench shapes here.
 * Only the relay's TCP port goes through it (pages, API, Socket.io, WHEP signalling); RTP over UDP does not.
 */
import net from 'node:net';

export interface LinkProfile {
  name: string;
  downBitsPerSecond: number;
  upBitsPerSecond: number;
  rttMs: number;
}

/** DevTools' and Lighthouse's mobile "3G" (Fast 3G): 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip. */
export const FAST_3G: LinkProfile = { name: 'Fast 3G (1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT)', downBitsPerSecond: 1_600_000, upBitsPerSecond: 750_000, rttMs: 150 };

/** One direction of the link: chunks leave in order, no faster than the rate, each delayed by half the RTT. */
class Direction {
  private nextFree = 0;
  constructor(
    private readonly bytesPerMs: number,
    private readonly delayMs: number,
  ) {}

  send(chunk: Buffer, deliver: (chunk: Buffer) => void): void {
    const now = performance.now();
    const leaves = Math.max(now, this.nextFree) + chunk.length / this.bytesPerMs;
    this.nextFree = leaves;
    setTimeout(() => deliver(chunk), leaves + this.delayMs - now);
  }
}

export async function startLink(profile: LinkProfile, target: () => number): Promise<{ port: number; close(): Promise<void> }> {
  const down = new Direction(profile.downBitsPerSecond / 8 / 1000, profile.rttMs / 2);
  const up = new Direction(profile.upBitsPerSecond / 8 / 1000, profile.rttMs / 2);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const relay = net.connect(target(), '127.0.0.1');
    for (const s of [client, relay]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.on('data', (c: Buffer) => up.send(c, (d) => relay.writable && relay.write(d)));
    relay.on('data', (c: Buffer) => down.send(c, (d) => client.writable && client.write(d)));
    // An end is delivered after the bytes queued before it.
    client.on('end', () => up.send(Buffer.alloc(0), () => relay.end()));
    relay.on('end', () => down.send(Buffer.alloc(0), () => client.end()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
